import type { LessonProgress, LessonProgressTable } from "../../../db/schema-learning.js";
import type { Db } from "../../../platform/context.js";

export function progressOf(db: Db, enrolmentId: string): Promise<LessonProgress[]> {
  return db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolmentId).execute();
}

export function getProgress(db: Db, enrolmentId: string, lessonId: string): Promise<LessonProgress | undefined> {
  return db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolmentId).where("lesson_id", "=", lessonId).executeTakeFirst();
}

export async function upsertProgress(db: Db, row: LessonProgressTable): Promise<void> {
  const { enrolment_id: _e, lesson_id: _l, ...update } = row;
  await db
    .insertInto("lesson_progress")
    .values(row)
    .onConflict((oc) => oc.columns(["enrolment_id", "lesson_id"]).doUpdateSet(update))
    .execute();
}

/** The learner's enrolments with their course and run, newest first. */
export function enrolmentsOfEmployee(db: Db, employeeId: string) {
  return db
    .selectFrom("enrolments")
    .innerJoin("courses", "courses.id", "enrolments.course_id")
    .innerJoin("course_runs", "course_runs.id", "enrolments.run_id")
    .select([
      "enrolments.id",
      "enrolments.status",
      "enrolments.source",
      "enrolments.progress_pct",
      "enrolments.score",
      "enrolments.due_on",
      "enrolments.started_at",
      "enrolments.completed_at",
      "enrolments.created_at",
      "courses.id as course_id",
      "courses.code as course_code",
      "courses.title as course_title",
      "courses.topic as course_topic",
      "courses.jp as course_jp",
      "course_runs.id as run_id",
      "course_runs.title as run_title",
      "course_runs.kind as run_kind",
      "course_runs.starts_on as run_starts_on",
      "course_runs.ends_on as run_ends_on",
    ])
    .where("enrolments.employee_id", "=", employeeId)
    .where("enrolments.status", "!=", "withdrawn")
    .orderBy("enrolments.created_at", "desc")
    .execute();
}

/** The employee's enrolments (not withdrawn) in any of the courses, newest first. */
export function enrolmentsInCourses(db: Db, employeeId: string, courseIds: string[]) {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("enrolments")
    .select(["id", "course_id", "status", "progress_pct", "created_at"])
    .where("employee_id", "=", employeeId)
    .where("course_id", "in", courseIds)
    .where("status", "!=", "withdrawn")
    .orderBy("created_at", "desc")
    .execute();
}

/** Each path's course ids, in the path's order. */
export async function pathCourseIds(db: Db, pathIds: string[]): Promise<Map<string, string[]>> {
  if (pathIds.length === 0) return new Map();
  const rows = await db.selectFrom("learning_path_courses").select(["path_id", "course_id"]).where("path_id", "in", pathIds).orderBy("ordinal").execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.path_id, [...(out.get(r.path_id) ?? []), r.course_id]);
  return out;
}
