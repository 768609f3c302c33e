import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LESSON_KINDS } from "../courses/schema.js";
import { type CompletionRule, evaluateCompletion, type LessonState, parseRule } from "./completion.js";

const lessonArb: fc.Arbitrary<LessonState> = fc.record({
  lessonId: fc.uuid(),
  kind: fc.constantFrom(...LESSON_KINDS),
  required: fc.boolean(),
  completed: fc.boolean(),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  passed: fc.option(fc.boolean(), { nil: null }),
});
const ruleArb: fc.Arbitrary<CompletionRule> = fc.record({
  requireAllLessons: fc.boolean(),
  requireQuizzesPassed: fc.boolean(),
  minScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});
const lessonsArb = fc.array(lessonArb, { maxLength: 12 });

describe("course completion rule", () => {
  it("progress is 0..100 and 100 exactly when complete", () => {
    fc.assert(
      fc.property(ruleArb, lessonsArb, (rule, lessons) => {
        const r = evaluateCompletion(rule, lessons);
        expect(r.progressPct).toBeGreaterThanOrEqual(0);
        expect(r.progressPct).toBeLessThanOrEqual(100);
        expect(r.progressPct === 100).toBe(r.complete);
        expect(r.complete).toBe(r.missing.length === 0);
      }),
    );
  });

  it("the score is the average of the scored lessons, within their range", () => {
    fc.assert(
      fc.property(ruleArb, lessonsArb, (rule, lessons) => {
        const r = evaluateCompletion(rule, lessons);
        const scores = lessons.map((l) => l.score).filter((s): s is number => s !== null);
        if (scores.length === 0) expect(r.score).toBeNull();
        else {
          expect(r.score).toBeGreaterThanOrEqual(Math.min(...scores) - 0.05);
          expect(r.score).toBeLessThanOrEqual(Math.max(...scores) + 0.05);
        }
      }),
    );
  });

  it("completing one more lesson never makes a complete course incomplete, nor lowers progress", () => {
    fc.assert(
      fc.property(ruleArb, lessonsArb, fc.nat(), (rule, lessons, pick) => {
        fc.pre(lessons.length > 0);
        const i = pick % lessons.length;
        const more = lessons.map((l, j) => (j === i ? { ...l, completed: true } : l));
        const a = evaluateCompletion(rule, lessons);
        const b = evaluateCompletion(rule, more);
        if (a.complete) expect(b.complete).toBe(true);
        expect(b.progressPct).toBeGreaterThanOrEqual(a.progressPct);
      }),
    );
  });

  it("every lesson completed, every quiz passed and full marks complete any course with lessons", () => {
    fc.assert(
      fc.property(ruleArb, fc.array(lessonArb, { minLength: 1, maxLength: 12 }), (rule, lessons) => {
        const done = lessons.map((l) => ({ ...l, completed: true, passed: true, score: 100 }));
        expect(evaluateCompletion(rule, done).complete).toBe(true);
      }),
    );
  });

  it("a required quiz not passed blocks completion when quizzes must be passed", () => {
    fc.assert(
      fc.property(lessonsArb, fc.option(fc.boolean(), { nil: null }), (lessons, passed) => {
        fc.pre(passed !== true);
        const quiz: LessonState = { lessonId: "q", kind: "quiz", required: true, completed: true, score: 100, passed };
        const r = evaluateCompletion({ requireAllLessons: false, requireQuizzesPassed: true, minScore: null }, [...lessons, quiz]);
        expect(r.complete).toBe(false);
        expect(r.missing).toContain("quizzes");
      }),
    );
  });

  it("a score below the minimum blocks completion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (min) => {
        const lessons: LessonState[] = [{ lessonId: "a", kind: "assignment", required: true, completed: true, score: min - 1, passed: true }];
        expect(evaluateCompletion({ requireAllLessons: true, requireQuizzesPassed: false, minScore: min }, lessons).missing).toEqual(["score"]);
      }),
    );
  });

  it("only required lessons count when some are required; no lessons never completes", () => {
    const l = (required: boolean, completed: boolean): LessonState => ({
      lessonId: String(Math.random()),
      kind: "text",
      required,
      completed,
      score: null,
      passed: null,
    });
    const rule = { requireAllLessons: true, requireQuizzesPassed: false, minScore: null };
    expect(evaluateCompletion(rule, [l(true, true), l(false, false)]).complete).toBe(true);
    expect(evaluateCompletion(rule, [l(true, true), l(true, false)]).progressPct).toBe(50);
    expect(evaluateCompletion(rule, []).complete).toBe(false);
  });

  it("parses stored rules with defaults", () => {
    expect(parseRule(null)).toEqual({ requireAllLessons: true, requireQuizzesPassed: true, minScore: null });
    expect(parseRule({ requireAllLessons: false, minScore: 70 })).toEqual({ requireAllLessons: false, requireQuizzesPassed: true, minScore: 70 });
  });
});
