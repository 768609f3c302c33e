import { describe, expect, it } from "vitest";
import { validateAnswers } from "./answers.js";
import { DEFAULT_FORM, FormDefinition } from "./questions.js";

const DAY = "2026-03-16";
const q = DEFAULT_FORM.questions;
const good = { temperature: 36.7, symptoms: [], close_contact: { value: false }, test_result: { value: "none" } };
const paths = (r: ReturnType<typeof validateAnswers>) => (r.ok ? [] : r.errors.map((e) => e.path));

describe("answer validation against a form version", () => {
  it("accepts a complete sheet and normalises the note", () => {
    const r = validateAnswers(q, { ...good, note: "  pusing sedikit  " }, DAY);
    expect(r).toEqual({ ok: true, answers: { ...good, note: "pusing sedikit" } });
    const empty = validateAnswers(q, { ...good, note: "   " }, DAY);
    expect(empty.ok && empty.answers.note).toBe(undefined);
  });

  it("names every bad field by its path", () => {
    const r = validateAnswers(
      q,
      {
        temperature: 50,
        symptoms: ["cough", "headache", "cough"],
        close_contact: { value: true },
        test_result: { value: "positive", date: "2026-02-30" },
        note: "x".repeat(501),
        mood: "fine",
      },
      DAY,
    );
    expect(paths(r).sort()).toEqual(
      [
        "answers.mood",
        "answers.temperature",
        "answers.symptoms.1",
        "answers.symptoms.2",
        "answers.close_contact.date",
        "answers.test_result.date",
        "answers.note",
      ].sort(),
    );
  });

  it("refuses wrong types, missing required answers and dates outside the window", () => {
    expect(paths(validateAnswers(q, { ...good, temperature: "36.5" }, DAY))).toEqual(["answers.temperature"]);
    expect(paths(validateAnswers(q, { symptoms: [] }, DAY)).sort()).toEqual(["answers.close_contact", "answers.temperature", "answers.test_result"]);
    expect(paths(validateAnswers(q, { ...good, close_contact: { value: true, date: "2026-03-17" } }, DAY))).toEqual(["answers.close_contact.date"]);
    expect(paths(validateAnswers(q, { ...good, close_contact: { value: true, date: "2024-01-01" } }, DAY))).toEqual(["answers.close_contact.date"]);
    expect(paths(validateAnswers(q, { ...good, close_contact: { value: false, date: "2026-03-01" } }, DAY))).toEqual(["answers.close_contact.date"]);
    expect(paths(validateAnswers(q, { ...good, close_contact: "no" }, DAY))).toEqual(["answers.close_contact"]);
    expect(paths(validateAnswers(q, { ...good, test_result: { value: "none", when: "x" } }, DAY))).toEqual(["answers.test_result.when"]);
    expect(paths(validateAnswers(q, { ...good, test_result: { value: "maybe" } }, DAY))).toEqual(["answers.test_result.value"]);
    expect(paths(validateAnswers(q, { ...good, temperature: Number.NaN }, DAY))).toEqual(["answers.temperature"]);
  });
});

describe("form definition", () => {
  it("accepts the default form", () => {
    expect(FormDefinition.safeParse(DEFAULT_FORM).success).toBe(true);
  });

  it("ties each rule criterion to a question of the right shape", () => {
    const withoutTemperature = { ...DEFAULT_FORM, questions: q.filter((x) => x.id !== "temperature") };
    const r = FormDefinition.safeParse(withoutTemperature);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["rule.temperatureAtLeast"]);
    const off = FormDefinition.safeParse({ ...withoutTemperature, rule: { ...DEFAULT_FORM.rule, temperatureAtLeast: null } });
    expect(off.success).toBe(true);
  });

  it("refuses duplicate ids and an empty number range", () => {
    const dup = FormDefinition.safeParse({
      ...DEFAULT_FORM,
      questions: [...q, { id: "note", type: "text", label: { id: "Lagi", en: "Again" }, required: false, maxLength: 10 }],
    });
    expect(dup.error?.issues.map((i) => i.path.join("."))).toEqual([`questions.${q.length}.id`]);
    const range = FormDefinition.safeParse({
      ...DEFAULT_FORM,
      questions: q.map((x) => (x.type === "number" ? { ...x, min: 43, max: 34 } : x)),
    });
    expect(range.error?.issues.map((i) => i.path.join("."))).toEqual(["questions.0.max"]);
  });
});
