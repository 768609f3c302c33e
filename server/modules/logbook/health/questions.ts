import { z } from "zod";

/**
 * The health questionnaire as data. An agency publishes versions of it; each
 * answer row points at the version it was given in, so its meaning survives
 * later edits. Labels carry both languages; the presenter picks one.
 */
export const Label = z.object({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
export type Label = z.infer<typeof Label>;

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and _ (at most 40), starting with a letter");

const common = { id: Key, label: Label, required: z.boolean() };

export const NumberQuestion = z.object({ ...common, type: z.literal("number"), min: z.number(), max: z.number(), unit: z.string().max(20).nullable() });
export const MultiQuestion = z.object({
  ...common,
  type: z.literal("multi"),
  options: z
    .array(z.object({ id: Key, label: Label }))
    .min(1)
    .max(30),
});
/** One option of a list; an option with a `dateLabel` asks for a date too (e.g. "positive" → test date). */
export const ChoiceQuestion = z.object({
  ...common,
  type: z.literal("choice"),
  options: z
    .array(z.object({ id: Key, label: Label, dateLabel: Label.nullable() }))
    .min(2)
    .max(30),
});
/** Yes or no; with `dateWhenYes` a "yes" also asks for a date (e.g. the last contact). */
export const YesNoQuestion = z.object({ ...common, type: z.literal("yes_no"), dateWhenYes: Label.nullable() });
export const TextQuestion = z.object({ ...common, type: z.literal("text"), maxLength: z.number().int().min(1).max(2000) });

export const Question = z.discriminatedUnion("type", [NumberQuestion, MultiQuestion, ChoiceQuestion, YesNoQuestion, TextQuestion]);
export type Question = z.infer<typeof Question>;

/**
 * When an answer sheet is "not cleared". Each criterion reads a question with
 * a fixed id (see RULE_QUESTIONS); null or false switches it off.
 */
export const HealthRule = z.object({
  temperatureAtLeast: z.number().min(35).max(42).nullable(),
  anySymptom: z.boolean(),
  /** Not cleared when the last close contact is at most this many days before the day of the check. */
  contactWithinDays: z.number().int().min(0).max(90).nullable(),
  /** Not cleared when a positive test is at most this many days before the day of the check. */
  positiveTestWithinDays: z.number().int().min(0).max(90).nullable(),
});
export type HealthRule = z.infer<typeof HealthRule>;

/** The question each criterion of the rule reads, and what it must look like. */
export const RULE_QUESTIONS = {
  temperatureAtLeast: { id: "temperature", type: "number" },
  anySymptom: { id: "symptoms", type: "multi" },
  contactWithinDays: { id: "close_contact", type: "yes_no" },
  positiveTestWithinDays: { id: "test_result", type: "choice" },
} as const;
export const POSITIVE_OPTION = "positive";

function checkForm(form: { questions: Question[]; rule: HealthRule }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  form.questions.forEach((q, i) => {
    if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `duplicate question id "${q.id}"` });
    seen.add(q.id);
    if (q.type === "number" && q.min >= q.max) ctx.addIssue({ code: "custom", path: ["questions", i, "max"], message: "max must be above min" });
    if (q.type === "multi" || q.type === "choice") {
      const ids = q.options.map((o) => o.id);
      ids.forEach((id, j) => {
        if (ids.indexOf(id) !== j) ctx.addIssue({ code: "custom", path: ["questions", i, "options", j, "id"], message: `duplicate option id "${id}"` });
      });
    }
  });
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  for (const [criterion, need] of Object.entries(RULE_QUESTIONS) as [keyof typeof RULE_QUESTIONS, { id: string; type: string }][]) {
    const value = form.rule[criterion];
    if (value === null || value === false) continue;
    const q = byId.get(need.id);
    if (!q || q.type !== need.type) {
      ctx.addIssue({ code: "custom", path: ["rule", criterion], message: `needs a question "${need.id}" of type ${need.type}` });
    } else if (q.type === "yes_no" && q.dateWhenYes === null) {
      ctx.addIssue({ code: "custom", path: ["rule", criterion], message: `question "${need.id}" must ask for the date` });
    } else if (q.type === "choice" && !q.options.some((o) => o.id === POSITIVE_OPTION && o.dateLabel !== null)) {
      ctx.addIssue({ code: "custom", path: ["rule", criterion], message: `question "${need.id}" needs an option "${POSITIVE_OPTION}" that asks for the date` });
    }
  }
}

/** A complete form version as published: questions plus the rule, checked against each other. */
export const FormDefinition = z.object({ questions: z.array(Question).min(1).max(40), rule: HealthRule }).superRefine((form, ctx) => checkForm(form, ctx));
export type FormDefinition = z.infer<typeof FormDefinition>;

const l = (id: string, en: string): Label => ({ id, en });

/** Version 1 of every agency's form, created the first time the agency needs one. */
export const DEFAULT_FORM: FormDefinition = {
  questions: [
    { id: "temperature", type: "number", label: l("Suhu tubuh", "Body temperature"), required: true, min: 34, max: 43, unit: "°C" },
    {
      id: "symptoms",
      type: "multi",
      label: l("Gejala yang Anda alami hari ini", "Symptoms you have today"),
      required: true,
      options: [
        { id: "fever", label: l("Demam", "Fever") },
        { id: "cough", label: l("Batuk", "Cough") },
        { id: "sore_throat", label: l("Sakit tenggorokan", "Sore throat") },
        { id: "shortness_of_breath", label: l("Sesak napas", "Shortness of breath") },
        { id: "loss_of_smell_taste", label: l("Hilang penciuman atau perasa", "Loss of smell or taste") },
        { id: "fatigue", label: l("Lelah", "Fatigue") },
        { id: "diarrhoea", label: l("Diare", "Diarrhoea") },
      ],
    },
    {
      id: "close_contact",
      type: "yes_no",
      label: l("Kontak erat dengan kasus terkonfirmasi?", "Close contact with a confirmed case?"),
      required: true,
      dateWhenYes: l("Tanggal kontak terakhir", "Date of last contact"),
    },
    {
      id: "test_result",
      type: "choice",
      label: l("Hasil tes terakhir (antigen/PCR)", "Latest test result (antigen/PCR)"),
      required: true,
      options: [
        { id: "none", label: l("Tidak ada tes", "No test"), dateLabel: null },
        { id: "negative", label: l("Negatif", "Negative"), dateLabel: l("Tanggal tes", "Test date") },
        { id: POSITIVE_OPTION, label: l("Positif", "Positive"), dateLabel: l("Tanggal tes", "Test date") },
      ],
    },
    { id: "note", type: "text", label: l("Catatan", "Note"), required: false, maxLength: 500 },
  ],
  rule: { temperatureAtLeast: 37.5, anySymptom: true, contactWithinDays: 14, positiveTestWithinDays: 14 },
};
