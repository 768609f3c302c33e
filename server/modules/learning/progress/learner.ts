import { fromJson } from "../../../db/dialect.js";
import type { Enrolment, Lesson, LessonProgress } from "../../../db/schema-learning.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { presentCourse, presentLesson } from "../courses/presenter.js";
import * as courseRepo from "../courses/repository.js";
import type { LessonConfig } from "../courses/schema.js";
import { learningPolicy } from "../policies.js";
import { loadRun } from "../runs/load.js";
import * as runRepo from "../runs/repository.js";
import * as repo from "./repository.js";
import type { ProgressIn } from "./schema.js";
import { recordLessonOutcome } from "./service.js";

export const DEFAULT_VIDEO_THRESHOLD = 0.9;

/** An enrolment the viewer may see: the learner, admins in scope, the run's facilitators. */
export async function loadEnrolment(ctx: Ctx, id: string, db: Db = ctx.db): Promise<Enrolment> {
  const e = await runRepo.getEnrolment(db, id);
  if (!e || !learningPolicy.visibleAgency(ctx.actor, e.agency_id)) throw notFound("Enrolment");
  if (learningPolicy.learnAs(ctx.actor, e.employee_id)) return e;
  const unit = await db.selectFrom("units").select("path").where("id", "=", e.unit_id).executeTakeFirst();
  const { target } = await loadRun(ctx, e.run_id, db);
  authorize(
    learningPolicy.viewEnrolment(ctx.actor, { employeeId: e.employee_id, person: { agencyId: e.agency_id, unitPath: unit?.path ?? null }, run: target }),
  );
  return e;
}

/** Why a lesson cannot be opened yet (a cohort run that has not started); null when open. */
async function lockOf(ctx: Ctx, e: Enrolment): Promise<string | null> {
  const run = await runRepo.getRun(ctx.db, e.run_id);
  if (!run) return null;
  const today = await runRepo.agencyToday(ctx.db, e.agency_id, ctx.now());
  if (run.kind === "cohort" && run.starts_on && today < run.starts_on) return "not_started";
  return null;
}

function presentProgress(p: LessonProgress | undefined) {
  return {
    status: p?.status ?? "not_started",
    positionS: p?.position_s ?? 0,
    watchedS: p?.watched_s ?? 0,
    durationS: p?.duration_s ?? null,
    score: p?.score ?? null,
    passed: p?.passed === null || p?.passed === undefined ? null : p.passed === 1,
    completedAt: p?.completed_at ?? null,
  };
}

function presentEnrolment(e: Enrolment) {
  return {
    id: e.id,
    runId: e.run_id,
    courseId: e.course_id,
    employeeId: e.employee_id,
    source: e.source,
    status: e.status,
    dueOn: e.due_on,
    startedAt: e.started_at,
    completedAt: e.completed_at,
    progressPct: e.progress_pct,
    score: e.score,
  };
}

/** The course player's outline: modules, lessons (without their content) with this enrolment's progress and locks. */
export async function getEnrolmentView(ctx: Ctx, id: string) {
  const e = await loadEnrolment(ctx, id);
  const course = await courseRepo.getCourse(ctx.db, e.course_id);
  if (!course) throw notFound("Course");
  const [modules, lessons, progress, lock] = await Promise.all([
    courseRepo.modulesOf(ctx.db, course.id),
    courseRepo.lessonsOf(ctx.db, course.id),
    repo.progressOf(ctx.db, e.id),
    lockOf(ctx, e),
  ]);
  const byLesson = new Map(progress.map((p) => [p.lesson_id, p]));
  return {
    enrolment: presentEnrolment(e),
    course: presentCourse(course),
    outline: modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: lessons
        .filter((l) => l.module_id === m.id)
        .map((l) => ({
          id: l.id,
          kind: l.kind,
          title: l.title,
          required: l.required === 1,
          durationMin: l.duration_min,
          locked: lock,
          progress: presentProgress(byLesson.get(l.id)),
        })),
    })),
  };
}

async function enrolmentLesson(ctx: Ctx, enrolmentId: string, lessonId: string): Promise<{ e: Enrolment; lesson: Lesson }> {
  const e = await loadEnrolment(ctx, enrolmentId);
  const lesson = await courseRepo.getLesson(ctx.db, lessonId);
  if (!lesson || lesson.course_id !== e.course_id) throw notFound("Lesson");
  return { e, lesson };
}

/** A lesson's content for the learner (media as URLs of the media endpoint). */
export async function getLessonForLearner(ctx: Ctx, enrolmentId: string, lessonId: string) {
  const { e, lesson } = await enrolmentLesson(ctx, enrolmentId, lessonId);
  const lock = await lockOf(ctx, e);
  if (lock) throw conflict("This run has not started yet");
  const out = presentLesson(lesson);
  const mediaUrl = out.config.mediaId ? `/api/v1/learning/media/${out.config.mediaId}` : null;
  return { ...out, mediaUrl, progress: presentProgress(await repo.getProgress(ctx.db, e.id, lesson.id)) };
}

/** Loads and checks a progress report before its transaction (SQLite serves one connection: no reads outside `trx` inside it). */
export async function prepareProgress(ctx: Ctx, enrolmentId: string, lessonId: string): Promise<{ e: Enrolment; lesson: Lesson }> {
  const { e, lesson } = await enrolmentLesson(ctx, enrolmentId, lessonId);
  authorize(learningPolicy.learnAs(ctx.actor, e.employee_id), "Only the learner records their progress");
  if (e.status === "withdrawn") throw conflict("This enrolment was withdrawn");
  if (await lockOf(ctx, e)) throw conflict("This run has not started yet");
  return { e, lesson };
}

/**
 * The learner's player reports progress. Video: position and watched seconds;
 * the lesson completes when the watched share reaches its threshold. Text,
 * PDF and link: completed on the learner's mark. Live sessions complete from
 * the facilitator's attendance, quizzes and assignments from their results.
 */
export async function reportProgress(ctx: Ctx, trx: Db, target: { e: Enrolment; lesson: Lesson }, input: ProgressIn) {
  const { e, lesson } = target;
  const before = await repo.getProgress(trx, e.id, lesson.id);
  const wasCompleted = before?.status === "completed";
  const config = fromJson<LessonConfig>(lesson.config) ?? {};
  let completed = wasCompleted;
  let media: { positionS: number; watchedS: number; durationS: number | null } | undefined;
  if (lesson.kind === "video") {
    const duration = config.durationSeconds ?? input.duration ?? before?.duration_s ?? null;
    const watched = Math.max(before?.watched_s ?? 0, duration ? Math.min(input.watchedSeconds, duration) : input.watchedSeconds);
    media = { positionS: duration ? Math.min(input.position, duration) : input.position, watchedS: watched, durationS: duration };
    const threshold = config.completionThreshold ?? DEFAULT_VIDEO_THRESHOLD;
    completed = wasCompleted || (duration !== null && watched / duration >= threshold);
  } else if (lesson.kind === "text" || lesson.kind === "pdf" || lesson.kind === "link") {
    completed = wasCompleted || input.completed;
  } else if (input.completed && !wasCompleted) {
    throw conflict(
      lesson.kind === "live" ? "Attendance at a live session is recorded by its facilitator" : "This lesson is completed by its result, not by a mark",
    );
  }
  await recordLessonOutcome(trx, ctx, {
    enrolmentId: e.id,
    lessonId: lesson.id,
    completed,
    score: before?.score ?? null,
    passed: before?.passed === null || before?.passed === undefined ? null : before.passed === 1,
    media,
  });
  const after = await runRepo.getEnrolment(trx, e.id);
  return { lesson: presentProgress(await repo.getProgress(trx, e.id, lesson.id)), enrolment: presentEnrolment(after ?? e) };
}
