import type { Insertable, Updateable } from "kysely";
import type { AssignmentSettingsTable, AssignmentSubmissionTable } from "../../../db/schema-learning-assessment.js";
import type { Db } from "../../../platform/context.js";

export const getSettings = (db: Db, lessonId: string) => db.selectFrom("assignment_settings").selectAll().where("lesson_id", "=", lessonId).executeTakeFirst();

export async function upsertSettings(db: Db, row: Insertable<AssignmentSettingsTable>): Promise<void> {
  const exists = await getSettings(db, row.lesson_id);
  if (exists) await db.updateTable("assignment_settings").set(row).where("lesson_id", "=", row.lesson_id).execute();
  else await db.insertInto("assignment_settings").values(row).execute();
}

/** Every column but the file's bytes. */
const META = [
  "id",
  "agency_id",
  "enrolment_id",
  "lesson_id",
  "run_id",
  "employee_id",
  "revision",
  "status",
  "text",
  "file_name",
  "file_mime",
  "file_size",
  "late",
  "submitted_at",
  "marks",
  "points",
  "max_points",
  "percent",
  "passed",
  "feedback",
  "graded_by",
  "graded_at",
] as const;

export const getSubmission = (db: Db, id: string) => db.selectFrom("assignment_submissions").select(META).where("id", "=", id).executeTakeFirst();
export type SubmissionMeta = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

export const submissionFile = (db: Db, id: string) =>
  db.selectFrom("assignment_submissions").select(["file_name", "file_mime", "file_data"]).where("id", "=", id).executeTakeFirst();

export const submissionsOf = (db: Db, enrolmentId: string, lessonId: string) =>
  db.selectFrom("assignment_submissions").select(META).where("enrolment_id", "=", enrolmentId).where("lesson_id", "=", lessonId).orderBy("revision").execute();

export const insertSubmission = (db: Db, row: Insertable<AssignmentSubmissionTable>) => db.insertInto("assignment_submissions").values(row).execute();
export const updateSubmission = (db: Db, id: string, patch: Updateable<AssignmentSubmissionTable>) =>
  db.updateTable("assignment_submissions").set(patch).where("id", "=", id).execute();

/** Submissions of a run waiting for a grade. */
export function waitingSubmissions(db: Db, runId: string) {
  return db
    .selectFrom("assignment_submissions as s")
    .innerJoin("employees", "employees.id", "s.employee_id")
    .innerJoin("lessons", "lessons.id", "s.lesson_id")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .leftJoin("assignment_settings", "assignment_settings.lesson_id", "s.lesson_id")
    .select([
      "s.id",
      "s.text",
      "s.file_name",
      "s.submitted_at",
      "employees.name as learner_name",
      "lessons.title as lesson_title",
      "courses.title as course_title",
      "assignment_settings.rubric",
    ])
    .where("s.run_id", "=", runId)
    .where("s.status", "=", "submitted")
    .orderBy("s.submitted_at")
    .execute();
}
