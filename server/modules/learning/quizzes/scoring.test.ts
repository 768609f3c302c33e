import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMarks, rubricTotal } from "../assignments/rubric.js";
import { formatCertificateNumber, isBehind, parseCertificateNumber } from "../credit/number.js";
import { drawQuestions, prng, shuffle } from "./draw.js";
import { gradeEssay, keyOf, normaliseShort, scoreAnswer, totalOf } from "./scoring.js";
import { deadlineOf, GRACE_MS, withinTime } from "./timing.js";
import type { Answer, QuestionContent, QuestionForScoring } from "./types.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
const options = (n: number) => ids(n).map((id) => ({ id, text: id.toUpperCase() }));

const content: fc.Arbitrary<QuestionContent> = fc.oneof(
  fc.integer({ min: 2, max: 6 }).chain((n) => fc.nat(n - 1).map((c) => ({ kind: "single" as const, options: options(n), correct: `o${c}` }))),
  fc
    .integer({ min: 2, max: 6 })
    .chain((n) => fc.subarray(ids(n), { minLength: 1 }).map((correct) => ({ kind: "multiple" as const, options: options(n), correct }))),
  fc.boolean().map((correct) => ({ kind: "true_false" as const, correct })),
  fc
    .array(
      fc.string({ minLength: 1, maxLength: 12 }).filter((x) => normaliseShort(x) !== ""),
      { minLength: 1, maxLength: 3 },
    )
    .map((accepted) => ({ kind: "short" as const, accepted })),
  fc.integer({ min: 1, max: 6 }).map((n) => ({ kind: "matching" as const, pairs: ids(n).map((id) => ({ id, left: `L${id}`, right: `R${id}` })) })),
  fc.integer({ min: 1, max: 6 }).map((n) => ({ kind: "ordering" as const, items: options(n) })),
);

const question: fc.Arbitrary<QuestionForScoring> = fc.record({ points: fc.integer({ min: 1, max: 10 }), content });

/** Any answer shaped like the question's kind (right, wrong or partial). */
function answerFor(c: QuestionContent): fc.Arbitrary<Answer> {
  const pool = ids(6);
  switch (c.kind) {
    case "single":
      return fc.constantFrom(...pool).map((optionId) => ({ kind: "single", optionId }));
    case "multiple":
      return fc.subarray(pool).map((optionIds) => ({ kind: "multiple", optionIds }));
    case "true_false":
      return fc.boolean().map((value) => ({ kind: "true_false", value }));
    case "short":
      return fc.string({ maxLength: 12 }).map((text) => ({ kind: "short", text }));
    case "matching":
      return fc
        .shuffledSubarray(
          c.pairs.map((p) => p.id),
          { minLength: c.pairs.length, maxLength: c.pairs.length },
        )
        .map((rights) => ({ kind: "matching", matches: Object.fromEntries(c.pairs.map((p, i) => [p.id, rights[i]])) }));
    case "ordering":
      return fc
        .shuffledSubarray(
          c.items.map((i) => i.id),
          { minLength: c.items.length, maxLength: c.items.length },
        )
        .map((order) => ({ kind: "ordering", order }));
    case "essay":
      return fc.string().map((text) => ({ kind: "essay", text }));
  }
}

describe("quiz scoring", () => {
  it("keeps every score within [0, max]", () => {
    fc.assert(
      fc.property(
        question.chain((q) => fc.tuple(fc.constant(q), answerFor(q.content))),
        ([q, a]) => {
          const s = scoreAnswer(q, a);
          expect(s.points).toBeGreaterThanOrEqual(0);
          expect(s.points).toBeLessThanOrEqual(s.max);
          expect(s.max).toBe(q.points);
        },
      ),
    );
  });

  it("gives full marks for the key and 0 for no answer", () => {
    fc.assert(
      fc.property(question, (q) => {
        const key = keyOf(q.content);
        expect(scoreAnswer(q, key)).toEqual({ points: q.points, max: q.points, pending: false, correct: true });
        expect(scoreAnswer(q, null).points).toBe(0);
      }),
    );
  });

  it("does not depend on the order of multiple-choice picks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.subarray(ids(n), { minLength: 1 }), fc.subarray(ids(n)), fc.integer({ min: 1, max: 100 }))),
        ([correct, picks, seed]) => {
          const q: QuestionForScoring = { points: 4, content: { kind: "multiple", options: options(6), correct } };
          const a = scoreAnswer(q, { kind: "multiple", optionIds: picks });
          const b = scoreAnswer(q, { kind: "multiple", optionIds: shuffle(picks, prng(String(seed))) });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("does not depend on the order in which matches are listed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray(ids(n), { minLength: n, maxLength: n }), fc.nat())),
        ([n, rights, seed]) => {
          const pairs = ids(n).map((id) => ({ id, left: id, right: id }));
          const q: QuestionForScoring = { points: 3, content: { kind: "matching", pairs } };
          const entries = pairs.map((p, i) => [p.id, rights[i]] as const);
          const a = scoreAnswer(q, { kind: "matching", matches: Object.fromEntries(entries) });
          const b = scoreAnswer(q, { kind: "matching", matches: Object.fromEntries(shuffle(entries, prng(String(seed)))) });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("scores multiple choice proportionally with a penalty for wrong picks", () => {
    const q: QuestionForScoring = { points: 4, content: { kind: "multiple", options: options(4), correct: ["o0", "o1"] } };
    expect(scoreAnswer(q, { kind: "multiple", optionIds: ["o0"] }).points).toBe(2);
    expect(scoreAnswer(q, { kind: "multiple", optionIds: ["o0", "o2"] }).points).toBe(0);
    expect(scoreAnswer(q, { kind: "multiple", optionIds: ["o0", "o1", "o2", "o3"] }).points).toBe(0);
    expect(scoreAnswer(q, { kind: "multiple", optionIds: ["o1", "o0"] }).correct).toBe(true);
  });

  it("scores matching and ordering by the share in place", () => {
    const m: QuestionForScoring = { points: 4, content: { kind: "matching", pairs: ids(4).map((id) => ({ id, left: id, right: id })) } };
    expect(scoreAnswer(m, { kind: "matching", matches: { o0: "o0", o1: "o1", o2: "o3", o3: "o2" } }).points).toBe(2);
    const o: QuestionForScoring = { points: 3, content: { kind: "ordering", items: options(3) } };
    expect(scoreAnswer(o, { kind: "ordering", order: ["o0", "o2", "o1"] }).points).toBe(1);
    expect(scoreAnswer(o, { kind: "single", optionId: "o0" }).points).toBe(0);
  });

  it("matches short answers after normalising", () => {
    const q: QuestionForScoring = { points: 1, content: { kind: "short", accepted: ["Pancasila", "Garuda Pancasila"] } };
    expect(scoreAnswer(q, { kind: "short", text: "  pancasila! " }).correct).toBe(true);
    expect(scoreAnswer(q, { kind: "short", text: "GARUDA   pancasila" }).correct).toBe(true);
    expect(scoreAnswer(q, { kind: "short", text: "Pancasil" }).correct).toBe(false);
    expect(scoreAnswer(q, { kind: "short", text: "" }).points).toBe(0);
    expect(normaliseShort("Café  Déjà-vu")).toBe("cafe deja vu");
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseShort(normaliseShort(s))).toBe(normaliseShort(s));
      }),
    );
  });

  it("keeps an essay pending until graded, and refuses a grade out of range", () => {
    const q: QuestionForScoring = { points: 5, content: { kind: "essay", guidance: null } };
    expect(scoreAnswer(q, { kind: "essay", text: "..." })).toEqual({ points: 0, max: 5, pending: true, correct: null });
    expect(gradeEssay(5, 6)).toBeNull();
    expect(gradeEssay(5, -1)).toBeNull();
    expect(gradeEssay(5, 3.5)?.points).toBe(3.5);
    const t = totalOf([scoreAnswer(q, { kind: "essay", text: "x" }), { points: 1, max: 1, pending: false, correct: true }]);
    expect(t).toEqual({ points: 1, max: 6, percent: 16.67, pending: true });
  });

  it("totals within [0, 100]", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }))), (xs) => {
        const t = totalOf(xs.map(([max, share]) => ({ points: Math.round(max * share * 100) / 100, max, pending: false, correct: null })));
        expect(t.percent).toBeGreaterThanOrEqual(0);
        expect(t.percent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("drawing and shuffling", () => {
  it("shuffle keeps the same elements", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (xs, seed) => {
        const out = shuffle(xs, prng(seed));
        expect([...out].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it("draws distinct questions from the banks, at most the count each, the same for the same seed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 4 }),
        fc.string(),
        fc.boolean(),
        (spec, seed, mix) => {
          const banks = new Map(spec.map(([size], b) => [`b${b}`, Array.from({ length: size }, (_, i) => `b${b}q${i}`)]));
          const draws = spec.map(([, count], b) => ({ bankId: `b${b}`, count }));
          const out = drawQuestions(draws, banks, seed, mix);
          expect(new Set(out).size).toBe(out.length);
          expect(out.length).toBe(spec.reduce((s, [size, count]) => s + Math.min(size, count), 0));
          for (const [b, [, count]] of spec.entries()) expect(out.filter((id) => id.startsWith(`b${b}q`)).length).toBeLessThanOrEqual(count);
          expect(drawQuestions(draws, banks, seed, mix)).toEqual(out);
        },
      ),
    );
  });

  it("keeps the bank order when the quiz does not shuffle", () => {
    const banks = new Map([["b", ["q1", "q2", "q3"]]]);
    expect(drawQuestions([{ bankId: "b", count: 3 }], banks, "s", false)).toEqual(["q1", "q2", "q3"]);
  });
});

describe("time limit", () => {
  it("accepts writes until the deadline plus the grace", () => {
    const deadline = deadlineOf("2026-03-01T00:00:00.000Z", 10);
    expect(deadline).toBe("2026-03-01T00:10:00.000Z");
    expect(withinTime(deadline, new Date(Date.parse("2026-03-01T00:10:00Z") + GRACE_MS))).toBe(true);
    expect(withinTime(deadline, new Date(Date.parse("2026-03-01T00:10:00Z") + GRACE_MS + 1))).toBe(false);
    expect(withinTime(deadlineOf("2026-03-01T00:00:00Z", null), new Date("2030-01-01"))).toBe(true);
  });
});

describe("rubric", () => {
  const criteria = [
    { id: "c1", title: "Isi", maxPoints: 10 },
    { id: "c2", title: "Bahasa", maxPoints: 5 },
  ];
  it("refuses marks out of range, missing or unknown", () => {
    expect(checkMarks(criteria, { c1: 10, c2: 5 })).toEqual([]);
    expect(checkMarks(criteria, { c1: 11, c2: 5 }).map((e) => e.path)).toEqual(["marks.c1"]);
    expect(checkMarks(criteria, { c1: 1, c3: 1 }).map((e) => e.path)).toEqual(["marks.c3", "marks.c2"]);
  });
  it("totals valid marks within [0, max]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }), (a, b) => {
        const t = rubricTotal(criteria, { c1: a, c2: b });
        expect(t.points).toBe(a + b);
        expect(t.percent).toBeGreaterThanOrEqual(0);
        expect(t.percent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("certificate numbers and JP", () => {
  it("formats and reads back numbers", () => {
    expect(formatCertificateNumber(2026, 123)).toBe("ABDI/2026/000123");
    expect(parseCertificateNumber("abdi-2026-000123")?.number).toBe("ABDI/2026/000123");
    expect(parseCertificateNumber("ABDI/2026/12")).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 999_999 }), (y, n) => {
        expect(parseCertificateNumber(formatCertificateNumber(y, n))).toEqual({ year: y, serial: n, number: formatCertificateNumber(y, n) });
      }),
    );
  });
  it("judges who is behind pro rata in the current year", () => {
    expect(isBehind(8, 2026, "2026-05-31")).toBe(true);
    expect(isBehind(10, 2026, "2026-05-31")).toBe(false);
    expect(isBehind(19, 2025, "2026-05-31")).toBe(true);
    expect(isBehind(20, 2026, "2026-12-31")).toBe(false);
    expect(isBehind(0, 2027, "2026-12-31")).toBe(false);
  });
});
