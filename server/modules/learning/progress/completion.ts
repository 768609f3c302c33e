import type { LessonKind } from "../../../db/schema-learning.js";

/** When a course counts as completed (stored as courses.completion_rule). */
export interface CompletionRule {
  /** Every required lesson completed (when false: at least one lesson completed). */
  requireAllLessons: boolean;
  /** Every required quiz lesson passed. */
  requireQuizzesPassed: boolean;
  /** Minimum average score (0..100) of the scored lessons; null for none. */
  minScore: number | null;
}

export const DEFAULT_RULE: CompletionRule = { requireAllLessons: true, requireQuizzesPassed: true, minScore: null };

export interface LessonState {
  lessonId: string;
  kind: LessonKind;
  required: boolean;
  completed: boolean;
  /** 0..100, for scored lessons (quizzes, assignments). */
  score: number | null;
  passed: boolean | null;
}

export interface CompletionResult {
  complete: boolean;
  /** 0..100: the share of required lessons completed (all lessons when none is required). */
  progressPct: number;
  /** Average score of the scored lessons, null when none has a score. */
  score: number | null;
  /** Why the course is not complete yet. */
  missing: ("lessons" | "quizzes" | "score")[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Evaluates a course's completion rule over the learner's lesson states. Pure. */
export function evaluateCompletion(rule: CompletionRule, lessons: readonly LessonState[]): CompletionResult {
  const required = lessons.filter((l) => l.required);
  const counted = required.length > 0 ? required : lessons;
  const done = counted.filter((l) => l.completed).length;
  const progressPct = counted.length === 0 ? 0 : Math.floor((done * 100) / counted.length);
  const scores = lessons.filter((l) => l.score !== null).map((l) => l.score as number);
  const score = scores.length === 0 ? null : round1(scores.reduce((a, b) => a + b, 0) / scores.length);

  const missing: CompletionResult["missing"] = [];
  const lessonsOk = rule.requireAllLessons ? counted.length > 0 && done === counted.length : lessons.some((l) => l.completed);
  if (!lessonsOk) missing.push("lessons");
  if (rule.requireQuizzesPassed && lessons.some((l) => l.kind === "quiz" && l.required && l.passed !== true)) missing.push("quizzes");
  if (rule.minScore !== null && (score === null || score < rule.minScore)) missing.push("score");
  return { complete: missing.length === 0, progressPct: missing.length === 0 ? 100 : Math.min(progressPct, 99), score, missing };
}

/** A stored rule, with defaults for missing fields. */
export function parseRule(value: unknown): CompletionRule {
  const v = (value && typeof value === "object" ? value : {}) as Partial<CompletionRule>;
  return {
    requireAllLessons: typeof v.requireAllLessons === "boolean" ? v.requireAllLessons : DEFAULT_RULE.requireAllLessons,
    requireQuizzesPassed: typeof v.requireQuizzesPassed === "boolean" ? v.requireQuizzesPassed : DEFAULT_RULE.requireQuizzesPassed,
    minScore: typeof v.minScore === "number" ? v.minScore : null,
  };
}
