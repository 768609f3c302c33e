import type { Answer, QuestionContent } from "./types.js";

/** An answer as the API carries it: see AnswerValue in schema.ts. */
export type WireAnswer = string | string[] | boolean | Record<string, string>;

/**
 * Reads a wire answer for a question, or null when it does not fit the
 * question (wrong shape, an id the question does not have).
 */
export function readAnswer(c: QuestionContent, v: WireAnswer): Answer | null {
  switch (c.kind) {
    case "single":
      return typeof v === "string" && c.options.some((o) => o.id === v) ? { kind: "single", optionId: v } : null;
    case "multiple": {
      if (!Array.isArray(v)) return null;
      const ids = new Set(c.options.map((o) => o.id));
      return v.every((id) => ids.has(id)) && new Set(v).size === v.length ? { kind: "multiple", optionIds: v } : null;
    }
    case "true_false":
      return typeof v === "boolean" ? { kind: "true_false", value: v } : null;
    case "short":
      return typeof v === "string" && v.length <= 500 ? { kind: "short", text: v } : null;
    case "essay":
      return typeof v === "string" ? { kind: "essay", text: v } : null;
    case "ordering": {
      if (!Array.isArray(v)) return null;
      const ids = c.items.map((i) => i.id);
      const ok = v.length === ids.length && new Set(v).size === v.length && v.every((id) => ids.includes(id));
      return ok ? { kind: "ordering", order: v } : null;
    }
    case "matching": {
      if (typeof v !== "object" || Array.isArray(v)) return null;
      const ids = new Set(c.pairs.map((p) => p.id));
      return Object.entries(v).every(([l, r]) => ids.has(l) && ids.has(r)) ? { kind: "matching", matches: v } : null;
    }
  }
}

export function writeAnswer(a: Answer): WireAnswer {
  switch (a.kind) {
    case "single":
      return a.optionId;
    case "multiple":
      return a.optionIds;
    case "true_false":
      return a.value;
    case "short":
    case "essay":
      return a.text;
    case "ordering":
      return a.order;
    case "matching":
      return a.matches;
  }
}
