import type { Insertable, Updateable } from "kysely";
import type { Engine } from "../../../config.js";
import type {
  RequestOutcome,
  RosterConflictTable,
  RosterRecord,
  RosterRowTable,
  RosterStatus,
  RosterTable,
  RosterUnitTable,
} from "../../../db/schema-arrangement.js";
import type { Db } from "../../../platform/context.js";

/** Rows per INSERT: 13 columns × 1,000 stays inside both engines' parameter limits. */
export const INSERT_BATCH = 1000;

async function insertBatches<T>(items: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += INSERT_BATCH) await write(items.slice(i, i + INSERT_BATCH));
}

// ---------- rosters ----------

export function getRoster(db: Db, id: string): Promise<RosterRecord | undefined> {
  return db.selectFrom("rosters").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The roster row, locked for the rest of the transaction on PostgreSQL (SQLite serialises writers anyway). */
export function lockRoster(db: Db, engine: Engine, id: string): Promise<RosterRecord | undefined> {
  const q = db.selectFrom("rosters").selectAll().where("id", "=", id);
  return (engine === "postgres" ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertRoster(db: Db, row: Insertable<RosterTable>): Promise<void> {
  await db.insertInto("rosters").values(row).execute();
}

/** Updates a roster only while it is in one of the expected states; false when it was not. */
export async function updateRoster(db: Db, id: string, patch: Updateable<RosterTable>, expected?: RosterStatus[]): Promise<boolean> {
  let q = db.updateTable("rosters").set(patch).where("id", "=", id);
  if (expected) q = q.where("status", "in", expected);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rosters of the same scope and week in these states. */
export function rostersOfScope(db: Db, agencyId: string, unitId: string | null, week: string, statuses: RosterStatus[]) {
  let q = db.selectFrom("rosters").selectAll().where("agency_id", "=", agencyId).where("week_start", "=", week).where("status", "in", statuses);
  q = unitId === null ? q.where("unit_id", "is", null) : q.where("unit_id", "=", unitId);
  return q.execute();
}

export function listRosters(db: Db, agencyId: string, f: { week?: string; status?: RosterStatus }) {
  let q = db
    .selectFrom("rosters")
    .leftJoin("units", "units.id", "rosters.unit_id")
    .selectAll("rosters")
    .select(["units.name as unit_name", "units.path as unit_path"])
    .where("rosters.agency_id", "=", agencyId);
  if (f.week) q = q.where("rosters.week_start", "=", f.week);
  if (f.status) q = q.where("rosters.status", "=", f.status);
  return q.orderBy("rosters.week_start", "desc").orderBy("rosters.created_at", "desc").limit(200).execute();
}

export async function deleteRoster(db: Db, id: string): Promise<void> {
  await deleteContent(db, id);
  await db.deleteFrom("rosters").where("id", "=", id).execute();
}

export async function deleteContent(db: Db, id: string): Promise<void> {
  await db.deleteFrom("roster_conflicts").where("roster_id", "=", id).execute();
  await db.deleteFrom("roster_units").where("roster_id", "=", id).execute();
  await db.deleteFrom("roster_rows").where("roster_id", "=", id).execute();
}

export function staleGenerations(db: Db, idleBefore: string) {
  return db.selectFrom("rosters").select(["id", "agency_id"]).where("status", "=", "generating").where("updated_at", "<", idleBefore).execute();
}

// ---------- rows, units, conflicts ----------

export function insertRows(db: Db, rows: Insertable<RosterRowTable>[]): Promise<void> {
  return insertBatches(rows, (b) => db.insertInto("roster_rows").values(b).execute());
}

export function insertUnits(db: Db, rows: RosterUnitTable[]): Promise<void> {
  return insertBatches(rows, (b) => db.insertInto("roster_units").values(b).execute());
}

export function insertConflicts(db: Db, rows: Insertable<RosterConflictTable>[]): Promise<void> {
  return insertBatches(rows, (b) => db.insertInto("roster_conflicts").values(b).execute());
}

export function getRow(db: Db, rosterId: string, employeeId: string) {
  return db.selectFrom("roster_rows").selectAll().where("roster_id", "=", rosterId).where("employee_id", "=", employeeId).executeTakeFirst();
}

export function rowsOfUnit(db: Db, rosterId: string, unitId: string) {
  return db.selectFrom("roster_rows").selectAll().where("roster_id", "=", rosterId).where("unit_id", "=", unitId).execute();
}

export function rowsByIds(db: Db, rosterId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("roster_rows").selectAll().where("roster_id", "=", rosterId).where("employee_id", "in", ids).execute();
}

export async function updateRow(db: Db, rosterId: string, employeeId: string, patch: Updateable<RosterRowTable>): Promise<void> {
  await db.updateTable("roster_rows").set(patch).where("roster_id", "=", rosterId).where("employee_id", "=", employeeId).execute();
}

export function getUnitDays(db: Db, rosterId: string, unitId: string) {
  return db.selectFrom("roster_units").selectAll().where("roster_id", "=", rosterId).where("unit_id", "=", unitId).executeTakeFirst();
}

export async function updateUnitDays(db: Db, rosterId: string, unitId: string, days: string): Promise<void> {
  await db.updateTable("roster_units").set({ days }).where("roster_id", "=", rosterId).where("unit_id", "=", unitId).execute();
}

/** Unit names as rostered (the names the reasons were written with). */
export async function unitNamesOf(db: Db, rosterId: string, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom("roster_units").select(["unit_id", "unit_name"]).where("roster_id", "=", rosterId).where("unit_id", "in", unitIds).execute();
  return new Map(rows.map((r) => [r.unit_id, r.unit_name]));
}

export function unitsOfRoster(db: Db, rosterId: string) {
  return db
    .selectFrom("roster_units")
    .innerJoin("units", "units.id", "roster_units.unit_id")
    .selectAll("roster_units")
    .select(["units.path", "units.parent_id", "units.depth"])
    .where("roster_units.roster_id", "=", rosterId)
    .orderBy("units.path")
    .execute();
}

/** The generated (cell-derived) conflicts of a unit in a roster. */
export function unitConflicts(db: Db, rosterId: string, unitId: string) {
  return db.selectFrom("roster_conflicts").selectAll().where("roster_id", "=", rosterId).where("unit_id", "=", unitId).where("source", "=", "roster").execute();
}

/** Replaces the cell-derived conflicts of one unit and day. */
export async function replaceDayConflicts(db: Db, rosterId: string, unitId: string, date: string, rows: Insertable<RosterConflictTable>[]): Promise<void> {
  await db
    .deleteFrom("roster_conflicts")
    .where("roster_id", "=", rosterId)
    .where("unit_id", "=", unitId)
    .where("date", "=", date)
    .where("source", "=", "roster")
    .execute();
  await insertConflicts(db, rows);
}

export async function countOpenConflicts(db: Db, rosterId: string): Promise<number> {
  const r = await db
    .selectFrom("roster_conflicts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("roster_id", "=", rosterId)
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Account ids of a roster's employees (for the publication notice). */
export async function userIdsOfRoster(db: Db, rosterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("roster_rows")
    .innerJoin("users", "users.employee_id", "roster_rows.employee_id")
    .select("users.id")
    .where("roster_rows.roster_id", "=", rosterId)
    .where("users.disabled", "=", 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Closes the open request conflicts of one cell (HR decided the cell). */
export async function resolveRequestConflictsOfCell(
  db: Db,
  rosterId: string,
  employeeId: string,
  date: string,
  r: { by: string; at: string; resolution: string },
): Promise<void> {
  await db
    .updateTable("roster_conflicts")
    .set({ status: "resolved", resolution: r.resolution, resolved_by: r.by, resolved_at: r.at })
    .where("roster_id", "=", rosterId)
    .where("employee_id", "=", employeeId)
    .where("date", "=", date)
    .where("source", "=", "request")
    .where("status", "=", "open")
    .execute();
}

/** Published rosters of a week other than this one, with the path of their root unit (null: agency-wide). */
export function otherPublished(db: Db, agencyId: string, week: string, exceptId: string) {
  return db
    .selectFrom("rosters")
    .leftJoin("units", "units.id", "rosters.unit_id")
    .select(["rosters.id", "units.path"])
    .where("rosters.agency_id", "=", agencyId)
    .where("rosters.week_start", "=", week)
    .where("rosters.status", "=", "published")
    .where("rosters.id", "!=", exceptId)
    .execute();
}

export async function markSuperseded(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.updateTable("rosters").set({ status: "superseded" }).where("id", "in", ids).execute();
}

/** Approved requests on some dates of the employees in a roster, oldest first. */
export function approvedRequestsInRoster(db: Db, rosterId: string, dates: string[]) {
  return db
    .selectFrom("arrangement_requests")
    .innerJoin("roster_rows", (j) => j.onRef("roster_rows.employee_id", "=", "arrangement_requests.employee_id").on("roster_rows.roster_id", "=", rosterId))
    .select([
      "arrangement_requests.id",
      "arrangement_requests.employee_id",
      "arrangement_requests.date",
      "arrangement_requests.mode",
      "arrangement_requests.reason",
    ])
    .where("arrangement_requests.status", "=", "approved")
    .where("arrangement_requests.date", "in", dates)
    .orderBy("arrangement_requests.date")
    .orderBy("arrangement_requests.created_at")
    .execute();
}

export async function setRequestOutcome(db: Db, id: string, outcome: RequestOutcome, rosterId: string | null, at: string): Promise<void> {
  await db.updateTable("arrangement_requests").set({ outcome, roster_id: rosterId, updated_at: at }).where("id", "=", id).execute();
}

/** Whether an open conflict of this roster names the request. */
export async function hasOpenRequestConflict(db: Db, rosterId: string, requestId: string): Promise<boolean> {
  const row = await db
    .selectFrom("roster_conflicts")
    .select("id")
    .where("roster_id", "=", rosterId)
    .where("request_id", "=", requestId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row !== undefined;
}

/** The modes of an employee's week in the latest published roster holding them (one indexed lookup: the check-in path uses it). */
export function publishedModesOf(db: Db, employeeId: string, week: string) {
  return db
    .selectFrom("roster_rows")
    .innerJoin("rosters", "rosters.id", "roster_rows.roster_id")
    .select(["rosters.dates", "roster_rows.modes"])
    .where("roster_rows.employee_id", "=", employeeId)
    .where("roster_rows.week_start", "=", week)
    .where("rosters.status", "=", "published")
    .orderBy("rosters.published_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
