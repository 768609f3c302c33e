import { z } from "zod";
import { HealthRule, Question } from "./questions.js";
import { NOT_CLEARED_ADVICE, REASONS } from "./rule.js";

export { FormDefinition } from "./questions.js";

export const Lang = z.enum(["id", "en"]);
export type Lang = z.infer<typeof Lang>;
const IsoDate = z.iso.date();
const Reason = z.enum(REASONS);
const AnswersOut = z.record(z.string(), z.unknown());

/** Keeps every other header: the schema only documents and checks the key. */
export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z.string().optional().describe("Unique per submission (8-100 of A-Z a-z 0-9 _ . : -); a retry with the same key returns the first answer"),
});

export const SubmitBody = z.object({
  formVersion: z.number().int().min(1).describe("The form version the answers were given in"),
  answers: z.record(z.string().max(60), z.unknown()).describe("Answers by question id, checked against that version"),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const SubmitOut = z.object({
  id: z.string(),
  workDate: IsoDate,
  formVersion: z.number(),
  cleared: z.boolean(),
  reasons: z.array(Reason),
  /** Work modes the UI guides a not-cleared person to (empty when cleared). */
  advice: z.array(z.enum(NOT_CLEARED_ADVICE)),
  /** True when this replaced an earlier submission of the same day. */
  replaced: z.boolean(),
  submittedAt: z.string(),
});
export type SubmitOut = z.infer<typeof SubmitOut>;

/** A day as the viewer may see it: answers fields only for the person and health officers in scope. */
export const HealthDayOut = z.object({
  workDate: IsoDate,
  cleared: z.boolean(),
  submittedAt: z.string(),
  formVersion: z.number().optional(),
  reasons: z.array(Reason).optional(),
  answers: AnswersOut.nullable().optional(),
  answersPurged: z.boolean().optional(),
});
export type HealthDayOut = z.infer<typeof HealthDayOut>;

export const TodayOut = z.object({
  workDate: IsoDate,
  currentVersion: z.number(),
  check: HealthDayOut.extend({ advice: z.array(z.enum(NOT_CLEARED_ADVICE)) }).nullable(),
});

export const HistoryQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const HistoryOut = z.object({
  employee: z.object({ id: z.string(), name: z.string() }),
  from: IsoDate,
  to: IsoDate,
  answersVisible: z.boolean(),
  items: z.array(HealthDayOut),
});

export const CasesQuery = z.object({ date: IsoDate.optional(), unitId: z.uuid().optional(), agencyId: z.uuid().optional() });
const Person = z.object({ id: z.string(), name: z.string(), unitName: z.string() });
export const CasesOut = z.object({
  date: IsoDate,
  unitId: z.string().nullable(),
  /** Counts over the viewer's HR / leader / health scope; null without such a role. */
  counts: z.object({ employees: z.number(), submitted: z.number(), cleared: z.number(), notCleared: z.number(), notSubmitted: z.number() }).nullable(),
  /** Health officers: the not-cleared people of their scope with answers (the read is logged); null for others. */
  cases: z
    .array(
      z.object({
        employee: Person,
        cleared: z.literal(false),
        reasons: z.array(Reason),
        formVersion: z.number(),
        answers: AnswersOut.nullable(),
        submittedAt: z.string(),
      }),
    )
    .nullable(),
  truncated: z.boolean(),
  /** Supervisors: their direct reports with the day's status only. */
  directReports: z.array(z.object({ employee: Person, status: z.enum(["cleared", "not_cleared", "missing"]) })),
});

const LocalizedOption = z.object({ id: z.string(), label: z.string(), dateLabel: z.string().nullable().optional() });
export const LocalizedQuestion = z.object({
  id: z.string(),
  type: z.enum(["number", "multi", "choice", "yes_no", "text"]),
  label: z.string(),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().nullable().optional(),
  maxLength: z.number().optional(),
  options: z.array(LocalizedOption).optional(),
  dateLabel: z.string().nullable().optional(),
});

export const LocalizedFormOut = z.object({
  formId: z.string(),
  version: z.number(),
  publishedAt: z.string(),
  lang: Lang,
  questions: z.array(LocalizedQuestion),
  rule: HealthRule,
});

export const FormOut = z.object({
  id: z.string(),
  version: z.number(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  questions: z.array(Question),
  rule: HealthRule,
});
export type FormOut = z.infer<typeof FormOut>;
