import { fromJson } from "../../../db/dialect.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { emitLearningEvent } from "../events.js";
import { recordLessonOutcome } from "../progress/service.js";
import type { Snapshot } from "./presenter.js";
import * as repo from "./repository.js";
import { passes, scoreAnswer, totalOf } from "./scoring.js";
import type { Answer, ItemScore } from "./types.js";

/**
 * Closes an open attempt with the answers saved so far: every item is
 * scored, essays wait for a grade. Does nothing to an attempt already closed
 * (a submit racing the time limit closes it once).
 */
export async function closeAttempt(trx: Db, ctx: Ctx | SystemCtx, attemptId: string, reason: "submitted" | "time_limit"): Promise<void> {
  const attempt = await repo.getAttempt(trx, attemptId);
  if (attempt?.status !== "open") return;
  const at = ctx.now().toISOString();
  if (!(await repo.markClosed(trx, attemptId, reason, at))) return;
  const items = await repo.itemsOf(trx, attemptId);
  for (const i of items) {
    const s = scoreAnswer(fromJson<Snapshot>(i.snapshot), i.answer === null ? null : fromJson<Answer>(i.answer));
    await repo.updateItem(trx, attemptId, i.question_id, { points: s.points, pending: s.pending ? 1 : 0, correct: s.pending ? null : s.correct ? 1 : 0 });
  }
  await audit(trx, ctx, {
    action: "learning.quiz.submitted",
    subjectType: "quiz_attempt",
    subjectId: attemptId,
    agencyId: attempt.agency_id,
    changes: { reason },
  });
  await settleAttempt(trx, ctx, attemptId);
}

/**
 * Totals an attempt whose items are all scored: status "graded", the score
 * and the pass, the lesson outcome (best of the graded attempts; completed
 * only once one has passed) and the quiz_submitted event. An attempt with an
 * essay still pending stays "pending".
 */
export async function settleAttempt(trx: Db, ctx: Ctx | SystemCtx, attemptId: string): Promise<void> {
  const attempt = await repo.getAttempt(trx, attemptId);
  if (!attempt || attempt.status === "open") return;
  const items = await repo.itemsOf(trx, attemptId);
  const scores: ItemScore[] = items.map((i) => ({
    points: i.points ?? 0,
    max: fromJson<Snapshot>(i.snapshot).points,
    pending: i.pending === 1,
    correct: i.correct === null ? null : i.correct === 1,
  }));
  const total = totalOf(scores);
  if (total.pending) return;
  const settings = await repo.getSettings(trx, attempt.lesson_id);
  const passed = passes(total.percent, settings?.passing_score ?? 0);
  const at = ctx.now().toISOString();
  await repo.updateAttempt(trx, attemptId, {
    status: "graded",
    points: total.points,
    max_points: total.max,
    percent: total.percent,
    passed: passed ? 1 : 0,
    graded_at: at,
    graded_by: ctx.actor?.userId ?? null,
  });
  await emitLearningEvent(trx, {
    kind: "quiz_submitted",
    agencyId: attempt.agency_id,
    employeeId: attempt.employee_id,
    courseId: await repo.courseOfEnrolment(trx, attempt.enrolment_id),
    lessonId: attempt.lesson_id,
    attemptId,
    scaled: total.percent / 100,
    passed,
    at,
  });
  const graded = (await repo.attemptsOf(trx, attempt.enrolment_id, attempt.lesson_id)).filter((a) => a.status === "graded");
  const best = Math.max(...graded.map((a) => a.percent ?? 0));
  // A quiz lesson is completed only by a passing attempt (with no passing score, any attempt passes):
  // a failed one leaves it open with its best score, so the course is not completed by a failure.
  const anyPassed = graded.some((a) => a.passed === 1);
  await recordLessonOutcome(trx, ctx, {
    enrolmentId: attempt.enrolment_id,
    lessonId: attempt.lesson_id,
    completed: anyPassed,
    score: best,
    passed: anyPassed,
  });
}
