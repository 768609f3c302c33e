import type { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import type { Answers } from "./answers.js";
import type { Label, Question } from "./questions.js";
import type { HealthCheckWithVersion, HealthFormRow } from "./repository.js";
import { NOT_CLEARED_ADVICE, type Reason } from "./rule.js";
import type { FormDefinition, FormOut, HealthDayOut, Lang, LocalizedQuestion } from "./schema.js";

export function formDefinitionOf(row: HealthFormRow): FormDefinition {
  return { questions: fromJson<Question[]>(row.questions), rule: fromJson<FormDefinition["rule"]>(row.rule) };
}

export function presentForm(row: HealthFormRow): FormOut {
  const def = formDefinitionOf(row);
  return { id: row.id, version: row.version, publishedAt: row.created_at, publishedBy: row.created_by, ...def };
}

const pick = (label: Label, lang: Lang) => label[lang];

function localizeQuestion(q: Question, lang: Lang): z.infer<typeof LocalizedQuestion> {
  const base = { id: q.id, type: q.type, label: pick(q.label, lang), required: q.required };
  switch (q.type) {
    case "number":
      return { ...base, min: q.min, max: q.max, unit: q.unit };
    case "multi":
      return { ...base, options: q.options.map((o) => ({ id: o.id, label: pick(o.label, lang) })) };
    case "choice":
      return { ...base, options: q.options.map((o) => ({ id: o.id, label: pick(o.label, lang), dateLabel: o.dateLabel ? pick(o.dateLabel, lang) : null })) };
    case "yes_no":
      return { ...base, dateLabel: q.dateWhenYes ? pick(q.dateWhenYes, lang) : null };
    case "text":
      return { ...base, maxLength: q.maxLength };
  }
}

/** The form for the person filling it: labels in one language. */
export function presentLocalizedForm(row: HealthFormRow, lang: Lang) {
  const def = formDefinitionOf(row);
  return {
    formId: row.id,
    version: row.version,
    publishedAt: row.created_at,
    lang,
    questions: def.questions.map((q) => localizeQuestion(q, lang)),
    rule: def.rule,
  };
}

export function adviceFor(cleared: boolean): (typeof NOT_CLEARED_ADVICE)[number][] {
  return cleared ? [] : [...NOT_CLEARED_ADVICE];
}

/**
 * A day of someone's health checks as the viewer may see it. Without
 * `showAnswers` only the date and the cleared flag leave the server: the
 * reasons are health data too (they tell a symptom or a positive test).
 */
export function presentDay(row: HealthCheckWithVersion, showAnswers: boolean): HealthDayOut {
  const out: HealthDayOut = { workDate: row.work_date, cleared: row.cleared === 1, submittedAt: row.updated_at };
  if (!showAnswers) return out;
  return {
    ...out,
    formVersion: row.form_version,
    reasons: fromJson<Reason[]>(row.reasons),
    answers: row.answers === null ? null : fromJson<Answers>(row.answers),
    answersPurged: row.answers_purged_at !== null,
  };
}
