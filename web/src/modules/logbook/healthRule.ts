import type { Answers, DatedAnswer, HealthReason, HealthRule } from "./types";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dated(v: unknown): DatedAnswer | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "value" in v ? (v as DatedAnswer) : undefined;
}

const recent = (a: DatedAnswer, days: number, day: string) => a.date === undefined || daysBetween(a.date, day) <= days;

/**
 * The agency's rule applied on the device, for a check kept offline: the
 * person is guided at once; the server's verdict replaces it when it arrives.
 */
export function estimateHealth(rule: HealthRule, answers: Answers, day: string): { cleared: boolean; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const temperature = answers.temperature;
  if (rule.temperatureAtLeast !== null && typeof temperature === "number" && temperature >= rule.temperatureAtLeast) reasons.push("temperature");
  if (rule.anySymptom && Array.isArray(answers.symptoms) && answers.symptoms.length > 0) reasons.push("symptoms");
  const contact = dated(answers.close_contact);
  if (rule.contactWithinDays !== null && contact?.value === true && recent(contact, rule.contactWithinDays, day)) reasons.push("close_contact");
  const test = dated(answers.test_result);
  if (rule.positiveTestWithinDays !== null && test?.value === "positive" && recent(test, rule.positiveTestWithinDays, day)) reasons.push("positive_test");
  return { cleared: reasons.length === 0, reasons };
}
