import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "./answers.js";
import { shiftDate } from "./dates.js";
import { DEFAULT_FORM, type HealthRule } from "./questions.js";
import { evaluateHealth } from "./rule.js";

const DAY = "2026-03-16";
const rule = DEFAULT_FORM.rule;
const SYMPTOMS = ["fever", "cough", "sore_throat", "shortness_of_breath", "loss_of_smell_taste", "fatigue", "diarrhoea"];

const healthy = (over: Answers = {}): Answers => ({
  temperature: 36.6,
  symptoms: [],
  close_contact: { value: false },
  test_result: { value: "none" },
  ...over,
});

const answersArb = fc.record({
  temperature: fc.double({ min: 34, max: 43, noNaN: true }),
  symptoms: fc.subarray(SYMPTOMS),
  contactDaysAgo: fc.option(fc.integer({ min: 0, max: 366 }), { nil: undefined }),
  test: fc.constantFrom("none", "negative", "positive"),
  testDaysAgo: fc.integer({ min: 0, max: 366 }),
});
type Gen = typeof answersArb extends fc.Arbitrary<infer T> ? T : never;

const toAnswers = (g: Gen, temperature = g.temperature): Answers => ({
  temperature,
  symptoms: g.symptoms,
  close_contact: g.contactDaysAgo === undefined ? { value: false } : { value: true, date: shiftDate(DAY, -g.contactDaysAgo) },
  test_result: g.test === "none" ? { value: "none" } : { value: g.test, date: shiftDate(DAY, -g.testDaysAgo) },
});

describe("health rule", () => {
  it("clears a healthy answer sheet", () => {
    expect(evaluateHealth(rule, healthy(), DAY)).toEqual({ cleared: true, reasons: [] });
  });

  it("gives every reason in a stable order", () => {
    const v = evaluateHealth(
      rule,
      healthy({
        temperature: 38.2,
        symptoms: ["cough"],
        close_contact: { value: true, date: DAY },
        test_result: { value: "positive", date: shiftDate(DAY, -3) },
      }),
      DAY,
    );
    expect(v).toEqual({ cleared: false, reasons: ["temperature", "symptoms", "close_contact", "positive_test"] });
  });

  it("treats the temperature threshold as inclusive", () => {
    expect(evaluateHealth(rule, healthy({ temperature: 37.5 }), DAY).reasons).toEqual(["temperature"]);
    expect(evaluateHealth(rule, healthy({ temperature: 37.4 }), DAY).cleared).toBe(true);
  });

  it("counts a contact 14 days ago as recent and one 15 days ago as past", () => {
    expect(evaluateHealth(rule, healthy({ close_contact: { value: true, date: shiftDate(DAY, -14) } }), DAY).reasons).toEqual(["close_contact"]);
    expect(evaluateHealth(rule, healthy({ close_contact: { value: true, date: shiftDate(DAY, -15) } }), DAY)).toEqual({ cleared: true, reasons: [] });
  });

  it("counts a positive test within the window only; a negative test never", () => {
    expect(evaluateHealth(rule, healthy({ test_result: { value: "positive", date: shiftDate(DAY, -15) } }), DAY).cleared).toBe(true);
    expect(evaluateHealth(rule, healthy({ test_result: { value: "positive", date: shiftDate(DAY, -1) } }), DAY).reasons).toEqual(["positive_test"]);
    expect(evaluateHealth(rule, healthy({ test_result: { value: "negative", date: DAY } }), DAY).cleared).toBe(true);
  });

  it("switches criteria off when the rule says so", () => {
    const off: HealthRule = { temperatureAtLeast: null, anySymptom: false, contactWithinDays: null, positiveTestWithinDays: null };
    const sick = healthy({ temperature: 40, symptoms: ["fever"], close_contact: { value: true, date: DAY }, test_result: { value: "positive", date: DAY } });
    expect(evaluateHealth(off, sick, DAY).cleared).toBe(true);
  });

  it("property: is monotonic in temperature (warmer never clears what cooler does not)", () => {
    fc.assert(
      fc.property(answersArb, fc.double({ min: 34, max: 43, noNaN: true }), (g, other) => {
        const [low, high] = g.temperature <= other ? [g.temperature, other] : [other, g.temperature];
        const atLow = evaluateHealth(rule, toAnswers(g, low), DAY);
        const atHigh = evaluateHealth(rule, toAnswers(g, high), DAY);
        if (atHigh.cleared) expect(atLow.cleared).toBe(true);
        for (const r of atLow.reasons) expect(atHigh.reasons).toContain(r);
      }),
    );
  });

  it("property — each listed symptom means not cleared under the default rule", () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...SYMPTOMS), (g, symptom) => {
        const a = toAnswers({ ...g, symptoms: g.symptoms.includes(symptom) ? g.symptoms : [...g.symptoms, symptom] });
        const v = evaluateHealth(rule, a, DAY);
        expect(v.cleared).toBe(false);
        expect(v.reasons).toContain("symptoms");
      }),
    );
  });

  it("property: a contact 15 or more days ago never blocks on its own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 366 }), fc.double({ min: 34, max: 37.4, noNaN: true }), (daysAgo, temperature) => {
        const v = evaluateHealth(rule, healthy({ temperature, close_contact: { value: true, date: shiftDate(DAY, -daysAgo) } }), DAY);
        expect(v).toEqual({ cleared: true, reasons: [] });
      }),
    );
  });

  it("property: cleared exactly when there is no reason", () => {
    fc.assert(
      fc.property(answersArb, (g) => {
        const v = evaluateHealth(rule, toAnswers(g), DAY);
        expect(v.cleared).toBe(v.reasons.length === 0);
      }),
    );
  });
});
