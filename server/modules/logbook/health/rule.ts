import type { Answers, DatedAnswer } from "./answers.js";
import { daysBetween } from "./dates.js";
import { type HealthRule, POSITIVE_OPTION, RULE_QUESTIONS } from "./questions.js";

/** Stable ids of why an answer sheet is not cleared; the UI translates them. */
export const REASONS = ["temperature", "symptoms", "close_contact", "positive_test"] as const;
export type Reason = (typeof REASONS)[number];

export interface Verdict {
  cleared: boolean;
  /** In the order of REASONS; empty when cleared. */
  reasons: Reason[];
}

/** What the UI offers an employee who is not cleared: work from home or sick leave (work modes). */
export const NOT_CLEARED_ADVICE = ["WFH", "SAKIT"] as const;

function dated(v: unknown): DatedAnswer | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "value" in v ? (v as DatedAnswer) : undefined;
}

/** A dated event is "recent" when it lies at most `days` days before the day of the check; a missing date counts as recent. */
function recent(a: DatedAnswer, days: number, workDate: string): boolean {
  return a.date === undefined || daysBetween(a.date, workDate) <= days;
}

/**
 * Turns an answer sheet into cleared / not cleared. Pure: the same rule,
 * answers and day always give the same verdict. Answers missing for a
 * criterion do not trigger it (required questions are enforced by validation).
 */
export function evaluateHealth(rule: HealthRule, answers: Answers, workDate: string): Verdict {
  const reasons: Reason[] = [];
  const temperature = answers[RULE_QUESTIONS.temperatureAtLeast.id];
  if (rule.temperatureAtLeast !== null && typeof temperature === "number" && temperature >= rule.temperatureAtLeast) {
    reasons.push("temperature");
  }
  const symptoms = answers[RULE_QUESTIONS.anySymptom.id];
  if (rule.anySymptom && Array.isArray(symptoms) && symptoms.length > 0) reasons.push("symptoms");
  const contact = dated(answers[RULE_QUESTIONS.contactWithinDays.id]);
  if (rule.contactWithinDays !== null && contact?.value === true && recent(contact, rule.contactWithinDays, workDate)) {
    reasons.push("close_contact");
  }
  const test = dated(answers[RULE_QUESTIONS.positiveTestWithinDays.id]);
  if (rule.positiveTestWithinDays !== null && test?.value === POSITIVE_OPTION && recent(test, rule.positiveTestWithinDays, workDate)) {
    reasons.push("positive_test");
  }
  return { cleared: reasons.length === 0, reasons };
}
