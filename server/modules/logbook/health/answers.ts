import type { FieldError } from "../../../platform/errors.js";
import { daysBetween } from "./dates.js";
import type { Question } from "./questions.js";

/** A dated answer: yes/no or a choice, with the date the question asked for. */
export interface DatedAnswer {
  value: boolean | string;
  date?: string;
}
export type AnswerValue = number | string | string[] | DatedAnswer;
/** Answers by question id, as stored in health_checks.answers. */
export type Answers = Record<string, AnswerValue>;

/** How far back a date in an answer may lie (a contact or test more than a year ago is not about today). */
export const MAX_DATE_AGE_DAYS = 366;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

type Check = { ok: true; value: AnswerValue | undefined } | { ok: false; errors: FieldError[] };
const fail = (path: string, message: string): Check => ({ ok: false, errors: [{ path, message }] });

function checkDate(path: string, date: unknown, workDate: string): FieldError | null {
  if (typeof date !== "string" || !isRealDate(date)) return { path, message: "a date YYYY-MM-DD is required" };
  const age = daysBetween(date, workDate);
  if (age < 0) return { path, message: "the date cannot be after the day of the check" };
  if (age > MAX_DATE_AGE_DAYS) return { path, message: `the date cannot be more than ${MAX_DATE_AGE_DAYS} days before the day of the check` };
  return null;
}

/** A `{ value, date? }` answer where `wantsDate` says whether the chosen value asks for a date. */
function checkDated(path: string, raw: Record<string, unknown>, value: boolean | string, wantsDate: boolean, workDate: string): Check {
  const extra = Object.keys(raw).filter((k) => k !== "value" && k !== "date");
  if (extra.length) return fail(`${path}.${extra[0]}`, "unknown field");
  if (!wantsDate) {
    return raw.date === undefined || raw.date === null ? { ok: true, value: { value } } : fail(`${path}.date`, "this answer takes no date");
  }
  const bad = checkDate(`${path}.date`, raw.date, workDate);
  return bad ? { ok: false, errors: [bad] } : { ok: true, value: { value, date: raw.date as string } };
}

function checkOne(q: Question, raw: unknown, path: string, workDate: string): Check {
  switch (q.type) {
    case "number": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) return fail(path, "a number is required");
      if (raw < q.min || raw > q.max) return fail(path, `must be between ${q.min} and ${q.max}${q.unit ? ` ${q.unit}` : ""}`);
      return { ok: true, value: raw };
    }
    case "multi": {
      if (!Array.isArray(raw)) return fail(path, "a list of option ids is required");
      const errors: FieldError[] = [];
      raw.forEach((v, i) => {
        if (typeof v !== "string" || !q.options.some((o) => o.id === v)) errors.push({ path: `${path}.${i}`, message: "unknown option" });
        else if (raw.indexOf(v) !== i) errors.push({ path: `${path}.${i}`, message: "listed twice" });
      });
      return errors.length ? { ok: false, errors } : { ok: true, value: raw as string[] };
    }
    case "choice": {
      if (!isPlainObject(raw)) return fail(path, "an object { value, date? } is required");
      const option = q.options.find((o) => o.id === raw.value);
      if (!option) return fail(`${path}.value`, "unknown option");
      return checkDated(path, raw, option.id, option.dateLabel !== null, workDate);
    }
    case "yes_no": {
      if (!isPlainObject(raw)) return fail(path, "an object { value, date? } is required");
      if (typeof raw.value !== "boolean") return fail(`${path}.value`, "true or false is required");
      return checkDated(path, raw, raw.value, raw.value && q.dateWhenYes !== null, workDate);
    }
    case "text": {
      if (typeof raw !== "string") return fail(path, "text is required");
      const text = raw.trim();
      if (text.length > q.maxLength) return fail(path, `at most ${q.maxLength} characters`);
      return { ok: true, value: text === "" ? undefined : text };
    }
  }
}

/**
 * Checks an answer sheet against the questions of one form version. Returns
 * the normalised answers (text trimmed, empty text dropped) or every problem
 * with its field path (`answers.<question>[.<part>]`).
 */
export function validateAnswers(
  questions: Question[],
  raw: Record<string, unknown>,
  workDate: string,
): { ok: true; answers: Answers } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: Answers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors.push({ path: `answers.${key}`, message: "unknown question" });
  }
  for (const q of questions) {
    const path = `answers.${q.id}`;
    const value = raw[q.id];
    if (value === undefined || value === null) {
      if (q.required) errors.push({ path, message: "required" });
      continue;
    }
    const r = checkOne(q, value, path, workDate);
    if (!r.ok) errors.push(...r.errors);
    else if (r.value !== undefined) answers[q.id] = r.value;
    else if (q.required) errors.push({ path, message: "required" });
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}
