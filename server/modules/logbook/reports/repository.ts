import type { Insertable, Updateable } from "kysely";
import type { DailyReport, DailyReportTable, ReportActivityTable, ReportEventTable, ReportStatus } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

export function findReport(db: Db, employeeId: string, workDate: string): Promise<DailyReport | undefined> {
  return db.selectFrom("daily_reports").selectAll().where("employee_id", "=", employeeId).where("work_date", "=", workDate).executeTakeFirst();
}

export function getReport(db: Db, id: string): Promise<DailyReport | undefined> {
  return db.selectFrom("daily_reports").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getReports(db: Db, ids: string[]): Promise<DailyReport[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("daily_reports").selectAll().where("id", "in", ids).execute();
}

/** Creates the day's report unless a concurrent request just did; answers the stored row either way. */
export async function insertReport(db: Db, row: Insertable<DailyReportTable>): Promise<DailyReport> {
  await db
    .insertInto("daily_reports")
    .values(row)
    .onConflict((oc) => oc.columns(["employee_id", "work_date"]).doNothing())
    .execute();
  return (await findReport(db, row.employee_id, row.work_date)) as DailyReport;
}

/**
 * Changes a report only while it is in one of the expected states: the state
 * check and the write are one statement, so a concurrent review or edit
 * cannot slip in between. Answers whether the row changed.
 */
export async function updateReportIf(db: Db, id: string, expected: ReportStatus[], patch: Updateable<DailyReportTable>): Promise<boolean> {
  const r = await db.updateTable("daily_reports").set(patch).where("id", "=", id).where("status", "in", expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceActivities(db: Db, reportId: string, rows: Insertable<ReportActivityTable>[]): Promise<void> {
  await db.deleteFrom("report_activities").where("report_id", "=", reportId).execute();
  if (rows.length) await db.insertInto("report_activities").values(rows).execute();
}

function activityQuery(db: Db) {
  return db
    .selectFrom("report_activities as a")
    .leftJoin("skp_targets as t", "t.id", "a.rhk_id")
    .leftJoin("files as f", "f.id", "a.evidence_file_id")
    .select([
      "a.report_id",
      "a.ordinal",
      "a.description",
      "a.rhk_id",
      "a.output_qty",
      "a.output_unit",
      "a.minutes",
      "a.evidence_url",
      "a.evidence_file_id",
      "t.code as rhk_code",
      "t.title as rhk_title",
      "f.filename as file_name",
      "f.mime as file_mime",
      "f.size as file_size",
    ]);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>["execute"]>>[number];

/** Activities of these reports in order, with their target's code and title and their file's metadata (never its bytes). */
export async function activitiesOf(db: Db, reportIds: string[]): Promise<ActivityRow[]> {
  if (reportIds.length === 0) return [];
  const rows: ActivityRow[] = [];
  for (let i = 0; i < reportIds.length; i += 500) {
    const chunk = reportIds.slice(i, i + 500);
    rows.push(...(await activityQuery(db).where("a.report_id", "in", chunk).orderBy("a.report_id").orderBy("a.ordinal").execute()));
  }
  return rows;
}

export async function insertEvents(db: Db, rows: Insertable<ReportEventTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("report_events")
      .values(rows.slice(i, i + 200))
      .execute();
}

export function eventsOf(db: Db, reportId: string) {
  return db
    .selectFrom("report_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select(["e.id", "e.action", "e.comment", "e.snapshot", "e.created_at", "e.actor_user_id", "u.display_name"])
    .where("e.report_id", "=", reportId)
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
}

export function reportsInRange(db: Db, employeeId: string, from: string, to: string): Promise<DailyReport[]> {
  return db
    .selectFrom("daily_reports")
    .selectAll()
    .where("employee_id", "=", employeeId)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .orderBy("work_date", "desc")
    .execute();
}

/** The account of each employee (to notify them). */
export function usersOfEmployees(db: Db, employeeIds: string[]) {
  if (employeeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "employee_id"]).where("employee_id", "in", employeeIds).where("disabled", "=", 0).execute();
}
