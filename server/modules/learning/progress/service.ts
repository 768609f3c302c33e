import { fromJson } from "../../../db/dialect.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import * as courseRepo from "../courses/repository.js";
import { creditCompletion } from "../credit/service.js";
import { emitLearningEvent } from "../events.js";
import * as runRepo from "../runs/repository.js";
import { evaluateCompletion, type LessonState, parseRule } from "./completion.js";
import * as repo from "./repository.js";

export interface LessonOutcome {
  enrolmentId: string;
  lessonId: string;
  completed: boolean;
  /** 0..100 */
  score: number | null;
  passed: boolean | null;
  /** Video position and watched share, when the learner's player reports them. */
  media?: { positionS: number; watchedS: number; durationS: number | null };
}

/**
 * Records what decided a lesson (a mark, a watched video, an attempt, a grade,
 * an attendance) inside the caller's transaction: upserts the lesson's
 * progress, recomputes the enrolment's progress and score, evaluates the
 * course's completion rule and, when the course becomes complete, completes
 * the enrolment and credits it (creditCompletion). A completed enrolment stays
 * completed.
 */
export async function recordLessonOutcome(trx: Db, ctx: Ctx | SystemCtx, input: LessonOutcome): Promise<void> {
  const enrolment = await runRepo.getEnrolment(trx, input.enrolmentId);
  if (!enrolment) throw notFound("Enrolment");
  const lesson = await courseRepo.getLesson(trx, input.lessonId);
  if (!lesson || lesson.course_id !== enrolment.course_id) throw invalid([{ path: "lessonId", message: "not a lesson of this enrolment's course" }]);
  const now = ctx.now().toISOString();
  const before = await repo.getProgress(trx, enrolment.id, lesson.id);
  const wasCompleted = before?.status === "completed";
  await repo.upsertProgress(trx, {
    enrolment_id: enrolment.id,
    lesson_id: lesson.id,
    status: input.completed ? "completed" : "in_progress",
    position_s: input.media?.positionS ?? before?.position_s ?? 0,
    watched_s: input.media?.watchedS ?? before?.watched_s ?? 0,
    duration_s: input.media?.durationS ?? before?.duration_s ?? null,
    score: input.score,
    passed: input.passed === null ? null : input.passed ? 1 : 0,
    completed_at: input.completed ? (before?.completed_at ?? now) : null,
    updated_at: now,
  });
  const base = { agencyId: enrolment.agency_id, employeeId: enrolment.employee_id, courseId: enrolment.course_id, enrolmentId: enrolment.id, at: now };
  if (!enrolment.started_at) await emitLearningEvent(trx, { kind: "course_started", ...base });
  if (input.completed && !wasCompleted) await emitLearningEvent(trx, { kind: "lesson_completed", ...base, lessonId: lesson.id });

  const course = await courseRepo.getCourse(trx, enrolment.course_id);
  if (!course) throw notFound("Course");
  const lessons = await courseRepo.lessonsOf(trx, course.id);
  const progress = new Map((await repo.progressOf(trx, enrolment.id)).map((p) => [p.lesson_id, p]));
  const states: LessonState[] = lessons.map((l) => {
    const p = progress.get(l.id);
    return {
      lessonId: l.id,
      kind: l.kind,
      required: l.required === 1,
      completed: p?.status === "completed",
      score: p?.score ?? null,
      passed: p?.passed === null || p?.passed === undefined ? null : p.passed === 1,
    };
  });
  const result = evaluateCompletion(parseRule(fromJson(course.completion_rule)), states);
  const completesNow = result.complete && enrolment.status === "active";
  await runRepo.updateEnrolment(trx, enrolment.id, {
    started_at: enrolment.started_at ?? now,
    progress_pct: enrolment.status === "completed" ? 100 : result.progressPct,
    score: result.score,
    ...(completesNow ? { status: "completed" as const, completed_at: now } : {}),
    updated_at: now,
  });
  if (completesNow) {
    await emitLearningEvent(trx, { kind: "course_completed", ...base, jp: course.jp });
    await creditCompletion(trx, ctx, enrolment.id);
  }
}
