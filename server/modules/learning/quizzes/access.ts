import type { Course, Enrolment, Lesson } from "../../../db/schema-learning.js";
import type { ScopeTarget } from "../../../platform/actor.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { AppError, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy, type RunTarget } from "../policies.js";

/**
 * Loading the course objects quizzes, assignments and credit work on, with
 * what policies need. Another agency's objects are "not found".
 */

export interface LessonRef {
  lesson: Lesson;
  course: Pick<Course, "id" | "agency_id" | "title" | "status" | "jp">;
}

export async function loadLesson(ctx: Ctx, lessonId: string, kind: "quiz" | "assignment"): Promise<LessonRef> {
  const row = await ctx.db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .selectAll("lessons")
    .select(["courses.agency_id", "courses.title as course_title", "courses.status as course_status", "courses.jp as course_jp"])
    .where("lessons.id", "=", lessonId)
    .executeTakeFirst();
  if (!row || !learningPolicy.visibleAgency(ctx.actor, row.agency_id)) throw notFound("Lesson");
  if (row.kind !== kind) throw new AppError("conflict", `This lesson is not a ${kind}`);
  const { agency_id, course_title, course_status, course_jp, ...lesson } = row;
  return { lesson, course: { id: lesson.course_id, agency_id, title: course_title, status: course_status, jp: course_jp } };
}

export async function runTarget(db: Db, runId: string, agencyId: string): Promise<RunTarget> {
  const rows = await db.selectFrom("run_facilitators").select("employee_id").where("run_id", "=", runId).execute();
  return { agencyId, facilitatorIds: rows.map((r) => r.employee_id) };
}

export interface EnrolmentRef {
  enrolment: Enrolment;
  person: ScopeTarget;
  run: RunTarget;
}

/** An enrolment as its learner, admins in scope and the run's facilitators see it. */
export async function loadEnrolment(ctx: Ctx, enrolmentId: string): Promise<EnrolmentRef> {
  const row = await ctx.db
    .selectFrom("enrolments")
    .innerJoin("units", "units.id", "enrolments.unit_id")
    .selectAll("enrolments")
    .select("units.path as unit_path")
    .where("enrolments.id", "=", enrolmentId)
    .executeTakeFirst();
  if (!row || !learningPolicy.visibleAgency(ctx.actor, row.agency_id)) throw notFound("Enrolment");
  const { unit_path, ...enrolment } = row;
  return { enrolment, person: { agencyId: row.agency_id, unitPath: unit_path }, run: await runTarget(ctx.db, row.run_id, row.agency_id) };
}

/** The learner themself, on an enrolment that is not withdrawn, on a lesson of its course. */
export async function loadOwnLesson(ctx: Ctx, enrolmentId: string, lessonId: string, kind: "quiz" | "assignment") {
  const ref = await loadEnrolment(ctx, enrolmentId);
  authorize(learningPolicy.learnAs(ctx.actor, ref.enrolment.employee_id), "Only the learner works on their own enrolment");
  const lesson = await loadLesson(ctx, lessonId, kind);
  if (lesson.lesson.course_id !== ref.enrolment.course_id) throw notFound("Lesson");
  if (ref.enrolment.status === "withdrawn") throw new AppError("conflict", "This enrolment was withdrawn");
  return { ...ref, ...lesson };
}

/** Reading an attempt or submission: the learner, admins in scope, the run's facilitators. */
export function authorizeView(ctx: Ctx, ref: { employeeId: string; person: ScopeTarget; run: RunTarget }): void {
  authorize(learningPolicy.viewEnrolment(ctx.actor, ref), "Only the learner, the run's facilitators and admins in scope see this");
}
