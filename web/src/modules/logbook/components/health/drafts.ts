import type { Answers, FormQuestion } from "../../types";

/** What the form holds for a question while it is being filled in. */
export type Draft =
  | { kind: "number"; value: number | string }
  | { kind: "multi"; value: string[] }
  | { kind: "dated"; value: string; date: string }
  | { kind: "text"; value: string };

export function emptyDraft(q: FormQuestion): Draft {
  if (q.type === "number") return { kind: "number", value: "" };
  if (q.type === "multi") return { kind: "multi", value: [] };
  if (q.type === "text") return { kind: "text", value: "" };
  return { kind: "dated", value: "", date: "" };
}

/** Whether the chosen answer of a yes/no or choice question also asks for a date. */
export function wantsDate(q: FormQuestion, value: string): boolean {
  if (q.type === "yes_no") return value === "yes" && Boolean(q.dateLabel);
  if (q.type === "choice") return Boolean(q.options?.find((o) => o.id === value)?.dateLabel);
  return false;
}

export type DraftProblem = "required" | "range" | "date";

/** The answers to send, or the problem of each question that is not ready (keyed by question id). */
export function toAnswers(questions: FormQuestion[], drafts: Record<string, Draft>): { answers: Answers; problems: Record<string, DraftProblem> } {
  const answers: Answers = {};
  const problems: Record<string, DraftProblem> = {};
  for (const q of questions) {
    const d = drafts[q.id] ?? emptyDraft(q);
    if (d.kind === "number") {
      if (d.value === "" || typeof d.value !== "number") {
        if (q.required) problems[q.id] = "required";
      } else if ((q.min !== undefined && d.value < q.min) || (q.max !== undefined && d.value > q.max)) problems[q.id] = "range";
      else answers[q.id] = d.value;
    } else if (d.kind === "multi") {
      answers[q.id] = d.value;
    } else if (d.kind === "text") {
      if (d.value.trim()) answers[q.id] = d.value.trim();
      else if (q.required) problems[q.id] = "required";
    } else if (!d.value) {
      if (q.required) problems[q.id] = "required";
    } else if (wantsDate(q, d.value) && !d.date) {
      problems[q.id] = "date";
    } else {
      const value = q.type === "yes_no" ? d.value === "yes" : d.value;
      answers[q.id] = wantsDate(q, d.value) ? { value, date: d.date } : { value };
    }
  }
  return { answers, problems };
}
