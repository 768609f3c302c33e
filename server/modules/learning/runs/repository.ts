import type { Insertable, Updateable } from "kysely";
import type { CourseRun, CourseRunTable, Enrolment, EnrolmentTable } from "../../../db/schema-learning.js";
import type { Db } from "../../../platform/context.js";

export function getRun(db: Db, id: string): Promise<CourseRun | undefined> {
  return db.selectFrom("course_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export function runsOf(db: Db, courseId: string): Promise<CourseRun[]> {
  return db.selectFrom("course_runs").selectAll().where("course_id", "=", courseId).orderBy("starts_on").orderBy("created_at").execute();
}

export async function insertRun(db: Db, row: Insertable<CourseRunTable>): Promise<void> {
  await db.insertInto("course_runs").values(row).execute();
}

export async function updateRun(db: Db, id: string, set: Updateable<CourseRunTable>): Promise<void> {
  await db.updateTable("course_runs").set(set).where("id", "=", id).execute();
}

export async function facilitatorsOf(db: Db, runIds: string[]): Promise<{ run_id: string; employee_id: string; name: string }[]> {
  if (runIds.length === 0) return [];
  return db
    .selectFrom("run_facilitators")
    .innerJoin("employees", "employees.id", "run_facilitators.employee_id")
    .select(["run_facilitators.run_id", "run_facilitators.employee_id", "employees.name"])
    .where("run_facilitators.run_id", "in", runIds)
    .orderBy("employees.name")
    .execute();
}

export async function setFacilitators(db: Db, runId: string, employeeIds: string[]): Promise<void> {
  await db.deleteFrom("run_facilitators").where("run_id", "=", runId).execute();
  if (employeeIds.length > 0)
    await db
      .insertInto("run_facilitators")
      .values(employeeIds.map((employee_id) => ({ run_id: runId, employee_id })))
      .execute();
}

/** Serialises enrolments into one run (capacity) on PostgreSQL; SQLite's single writer already does. */
export async function lockRun(db: Db, engine: "sqlite" | "postgres", id: string): Promise<void> {
  if (engine === "postgres") await db.selectFrom("course_runs").select("id").where("id", "=", id).forUpdate().execute();
}

/** Seats taken: active and completed enrolments. */
export async function seatsTaken(db: Db, runIds: string[]): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("enrolments")
    .select(["run_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("run_id", "in", runIds)
    .where("status", "!=", "withdrawn")
    .groupBy("run_id")
    .execute();
  return new Map(rows.map((r) => [r.run_id, Number(r.n)]));
}

export function getEnrolment(db: Db, id: string): Promise<Enrolment | undefined> {
  return db.selectFrom("enrolments").selectAll().where("id", "=", id).executeTakeFirst();
}

export function enrolmentOf(db: Db, runId: string, employeeId: string): Promise<Enrolment | undefined> {
  return db.selectFrom("enrolments").selectAll().where("run_id", "=", runId).where("employee_id", "=", employeeId).executeTakeFirst();
}

export function enrolmentsOfEmployeeInCourse(db: Db, courseId: string, employeeId: string): Promise<Enrolment[]> {
  return db
    .selectFrom("enrolments")
    .selectAll()
    .where("course_id", "=", courseId)
    .where("employee_id", "=", employeeId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Course ids among `courseIds` the employee has completed. */
export async function completedCourseIds(db: Db, employeeId: string, courseIds: string[]): Promise<Set<string>> {
  if (courseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("enrolments")
    .select("course_id")
    .where("employee_id", "=", employeeId)
    .where("status", "=", "completed")
    .where("course_id", "in", courseIds)
    .execute();
  return new Set(rows.map((r) => r.course_id));
}

export async function insertEnrolment(db: Db, row: Insertable<EnrolmentTable>): Promise<void> {
  await db.insertInto("enrolments").values(row).execute();
}

export async function updateEnrolment(db: Db, id: string, set: Updateable<EnrolmentTable>): Promise<void> {
  await db.updateTable("enrolments").set(set).where("id", "=", id).execute();
}

/** A run's class list: learners with their unit, status and progress. */
export function classList(db: Db, runId: string) {
  return db
    .selectFrom("enrolments")
    .innerJoin("employees", "employees.id", "enrolments.employee_id")
    .innerJoin("units", "units.id", "enrolments.unit_id")
    .select([
      "enrolments.id",
      "enrolments.employee_id",
      "employees.name",
      "units.name as unit_name",
      "enrolments.status",
      "enrolments.source",
      "enrolments.progress_pct",
      "enrolments.score",
      "enrolments.due_on",
      "enrolments.started_at",
      "enrolments.completed_at",
    ])
    .where("enrolments.run_id", "=", runId)
    .where("enrolments.status", "!=", "withdrawn")
    .orderBy("employees.name")
    .execute();
}

export function attendanceOf(db: Db, runId: string, lessonId: string) {
  return db.selectFrom("live_attendance").selectAll().where("run_id", "=", runId).where("lesson_id", "=", lessonId).execute();
}

export async function upsertAttendance(
  db: Db,
  row: { lesson_id: string; run_id: string; employee_id: string; present: number; recorded_by: string; recorded_at: string },
): Promise<void> {
  await db
    .insertInto("live_attendance")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["lesson_id", "run_id", "employee_id"]).doUpdateSet({ present: row.present, recorded_by: row.recorded_by, recorded_at: row.recorded_at }),
    )
    .execute();
}

/** The agency's "today" (its time zone). */
export async function agencyToday(db: Db, agencyId: string, now: Date): Promise<string> {
  const a = await db.selectFrom("agencies").select("timezone").where("id", "=", agencyId).executeTakeFirst();
  return new Intl.DateTimeFormat("en-CA", { timeZone: a?.timezone ?? "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Mandatory-enrolment rules with what a list shows: the course, the run and the unit by name. */
function rulesWithNames(db: Db) {
  return db
    .selectFrom("enrolment_rules")
    .innerJoin("courses", "courses.id", "enrolment_rules.course_id")
    .innerJoin("course_runs", "course_runs.id", "enrolment_rules.run_id")
    .leftJoin("units", "units.id", "enrolment_rules.unit_id")
    .selectAll("enrolment_rules")
    .select(["courses.title as course_title", "course_runs.title as run_title", "course_runs.kind as run_kind", "units.name as unit_name"]);
}

export const rulesOfAgency = (db: Db, agencyId: string) =>
  rulesWithNames(db).where("enrolment_rules.agency_id", "=", agencyId).orderBy("enrolment_rules.created_at").execute();
export const ruleWithNames = (db: Db, id: string) => rulesWithNames(db).where("enrolment_rules.id", "=", id).executeTakeFirst();
export type RuleWithNames = NonNullable<Awaited<ReturnType<typeof ruleWithNames>>>;

/** Runs the employee is named facilitator of, with their course, newest first. */
export function runsFacilitatedBy(db: Db, employeeId: string) {
  return db
    .selectFrom("course_runs")
    .innerJoin("run_facilitators", "run_facilitators.run_id", "course_runs.id")
    .innerJoin("courses", "courses.id", "course_runs.course_id")
    .selectAll("course_runs")
    .select(["courses.title as course_title", "courses.code as course_code"])
    .where("run_facilitators.employee_id", "=", employeeId)
    .orderBy("course_runs.created_at", "desc")
    .orderBy("course_runs.id", "desc")
    .execute();
}
