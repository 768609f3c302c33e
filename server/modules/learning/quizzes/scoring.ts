import type { Answer, ItemScore, QuestionContent, QuestionForScoring } from "./types.js";

/**
 * Scoring of one answer, pure. The rules per kind:
 *
 * - single, true/false: all or nothing.
 * - multiple: proportional with a penalty: (right picks − wrong picks) / number
 *   of right options, never below 0. Picking every option therefore earns
 *   little; the order of the picks does not matter.
 * - short: all or nothing; the answer matches when its normalised form
 *   (`normaliseShort`) equals the normalised form of one accepted answer.
 * - matching: proportional: the share of left items matched to their own right item.
 * - ordering: proportional: the share of items standing at their correct position.
 * - essay: pending until a facilitator grades it (`gradeEssay`).
 *
 * No answer, or an answer of another kind, earns 0. Points are rounded to
 * two decimals; the result is always within [0, max].
 */
export function scoreAnswer(q: QuestionForScoring, answer: Answer | null): ItemScore {
  const max = q.points;
  if (q.content.kind === "essay") return { points: 0, max, pending: answer !== null, correct: null };
  const share = answer && answer.kind === q.content.kind ? shareOf(q.content, answer) : 0;
  const clamped = Math.min(1, Math.max(0, share));
  return { points: round2(clamped * max), max, pending: false, correct: clamped === 1 };
}

function shareOf(c: QuestionContent, a: Answer): number {
  switch (c.kind) {
    case "single":
      return a.kind === "single" && a.optionId === c.correct ? 1 : 0;
    case "true_false":
      return a.kind === "true_false" && a.value === c.correct ? 1 : 0;
    case "multiple": {
      if (a.kind !== "multiple" || c.correct.length === 0) return 0;
      const key = new Set(c.correct);
      const picked = new Set(a.optionIds);
      let right = 0;
      let wrong = 0;
      for (const id of picked) {
        if (key.has(id)) right += 1;
        else wrong += 1;
      }
      return Math.max(0, (right - wrong) / key.size);
    }
    case "short": {
      if (a.kind !== "short") return 0;
      const given = normaliseShort(a.text);
      return given !== "" && c.accepted.some((x) => normaliseShort(x) === given) ? 1 : 0;
    }
    case "matching": {
      if (a.kind !== "matching" || c.pairs.length === 0) return 0;
      const right = c.pairs.filter((p) => a.matches[p.id] === p.id).length;
      return right / c.pairs.length;
    }
    case "ordering": {
      if (a.kind !== "ordering" || c.items.length === 0) return 0;
      const right = c.items.filter((item, i) => a.order[i] === item.id).length;
      return right / c.items.length;
    }
    case "essay":
      return 0;
  }
}

/**
 * The form in which short answers are compared: Unicode NFKC, lower case,
 * accents removed, punctuation dropped, whitespace collapsed.
 * "  Pancasila! " and "pancasila" match; "Ibu Kota" and "ibukota" do not.
 */
export function normaliseShort(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A facilitator's grade for an essay: points within [0, max], else null (refused). */
export function gradeEssay(max: number, points: number): ItemScore | null {
  if (!Number.isFinite(points) || points < 0 || points > max) return null;
  return { points: round2(points), max, pending: false, correct: points === max };
}

export interface AttemptTotal {
  points: number;
  max: number;
  /** 0..100, two decimals; 0 for an empty quiz. */
  percent: number;
  /** Some essay is still waiting for a grade. */
  pending: boolean;
}

export function totalOf(items: ItemScore[]): AttemptTotal {
  const points = round2(items.reduce((s, i) => s + i.points, 0));
  const max = round2(items.reduce((s, i) => s + i.max, 0));
  const percent = max > 0 ? Math.min(100, round2((points / max) * 100)) : 0;
  return { points, max, percent, pending: items.some((i) => i.pending) };
}

export function passes(percent: number, passingScore: number): boolean {
  return percent >= passingScore;
}

/** The answer that earns full marks (shown in a review "with correct answers"). */
export function keyOf(c: QuestionContent): Answer | null {
  switch (c.kind) {
    case "single":
      return { kind: "single", optionId: c.correct };
    case "multiple":
      return { kind: "multiple", optionIds: [...c.correct] };
    case "true_false":
      return { kind: "true_false", value: c.correct };
    case "short":
      return { kind: "short", text: c.accepted[0] ?? "" };
    case "matching":
      return { kind: "matching", matches: Object.fromEntries(c.pairs.map((p) => [p.id, p.id])) };
    case "ordering":
      return { kind: "ordering", order: c.items.map((i) => i.id) };
    case "essay":
      return null;
  }
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
