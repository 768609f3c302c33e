/**
 * Question kinds and their stored content (`questions.content`, JSON) and the
 * learner's answers (`quiz_attempt_items.answer`, JSON).
 */
export const QUESTION_KINDS = ["single", "multiple", "true_false", "short", "matching", "ordering", "essay"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Option {
  id: string;
  text: string;
}

export interface Pair {
  id: string;
  left: string;
  right: string;
}

export type QuestionContent =
  | { kind: "single"; options: Option[]; correct: string }
  | { kind: "multiple"; options: Option[]; correct: string[] }
  | { kind: "true_false"; correct: boolean }
  | { kind: "short"; accepted: string[] }
  | { kind: "matching"; pairs: Pair[] }
  /** `items` in the correct order. */
  | { kind: "ordering"; items: Option[] }
  | { kind: "essay"; guidance: string | null };

export type Answer =
  | { kind: "single"; optionId: string }
  | { kind: "multiple"; optionIds: string[] }
  | { kind: "true_false"; value: boolean }
  | { kind: "short"; text: string }
  /** left pair id → the pair id whose right side was chosen */
  | { kind: "matching"; matches: Record<string, string> }
  | { kind: "ordering"; order: string[] }
  | { kind: "essay"; text: string };

export interface QuestionForScoring {
  points: number;
  content: QuestionContent;
}

export interface ItemScore {
  /** Points earned, 0..max; 0 while pending. */
  points: number;
  max: number;
  /** An essay waits for a facilitator's grade. */
  pending: boolean;
  /** Full marks (true), none or partial (false), not decided yet (null). */
  correct: boolean | null;
}

export type ReviewMode = "none" | "score" | "answers";
