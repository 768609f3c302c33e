import type { FieldError } from "../../../platform/errors.js";
import { round2 } from "../quizzes/scoring.js";

export interface Criterion {
  id: string;
  title: string;
  maxPoints: number;
}

export interface RubricTotal {
  points: number;
  max: number;
  /** 0..100, two decimals. */
  percent: number;
}

/**
 * Checks a facilitator's marks against the rubric: every criterion marked
 * once, each within [0, maxPoints], no unknown criterion. Returns the field
 * errors (empty when valid).
 */
export function checkMarks(criteria: readonly Criterion[], marks: Record<string, number>): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set(criteria.map((c) => c.id));
  for (const key of Object.keys(marks)) if (!ids.has(key)) errors.push({ path: `marks.${key}`, message: "not a criterion of this rubric" });
  for (const c of criteria) {
    const v = marks[c.id];
    if (v === undefined) errors.push({ path: `marks.${c.id}`, message: "required" });
    else if (!Number.isFinite(v) || v < 0 || v > c.maxPoints) errors.push({ path: `marks.${c.id}`, message: `between 0 and ${c.maxPoints}` });
  }
  return errors;
}

/** The total of valid marks. Without a rubric, `overall` (0..100) is the grade. */
export function rubricTotal(criteria: readonly Criterion[], marks: Record<string, number>): RubricTotal {
  const max = round2(criteria.reduce((s, c) => s + c.maxPoints, 0));
  const points = round2(criteria.reduce((s, c) => s + Math.min(c.maxPoints, Math.max(0, marks[c.id] ?? 0)), 0));
  return { points, max, percent: max > 0 ? round2((points / max) * 100) : 0 };
}
