import { sql } from "kysely";
import type { Engine } from "../../../config.js";
import { ilike, likeEscape } from "../../../db/dialect.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";
import { inScope } from "../scope.js";

/** The reading queries of rosters: grid pages, open conflicts, a team's published week. */

export interface GridFilter {
  rosterId: string;
  agencyId: string;
  scope: Scope;
  /** Unit subtree (or exact unit) filter. */
  unit: { id: string; path: string; subtree: boolean } | null;
  /** Mode letter on a day index (0-based), or on any day when null. */
  mode: { letter: string; dayIndex: number | null } | null;
  q?: string;
  page: number;
  pageSize: number;
}

export async function gridPage(db: Db, engine: Engine, f: GridFilter) {
  let q = db
    .selectFrom("roster_rows")
    .innerJoin("units", "units.id", "roster_rows.unit_id")
    .where("roster_rows.roster_id", "=", f.rosterId)
    .where(inScope(f.agencyId, f.scope));
  if (f.unit) q = f.unit.subtree ? q.where("units.path", "like", `${likeEscape(f.unit.path)}%`) : q.where("roster_rows.unit_id", "=", f.unit.id);
  if (f.mode) {
    q =
      f.mode.dayIndex === null
        ? q.where("roster_rows.modes", "like", `%${f.mode.letter}%`)
        : q.where(sql<string>`substr(roster_rows.modes, ${f.mode.dayIndex + 1}, 1)`, "=", f.mode.letter);
  }
  if (f.q) q = q.where("roster_rows.name", ilike(engine), `%${likeEscape(f.q)}%`);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .selectAll("roster_rows")
      .select("units.path as unit_path")
      .orderBy("units.path")
      .orderBy("roster_rows.name")
      .orderBy("roster_rows.employee_id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Open conflicts of a roster inside the viewer's scope. */
export function openConflictsInScope(db: Db, rosterId: string, agencyId: string, scope: Scope) {
  return db
    .selectFrom("roster_conflicts")
    .innerJoin("units", "units.id", "roster_conflicts.unit_id")
    .selectAll("roster_conflicts")
    .select(["units.name as unit_name", "units.path as unit_path"])
    .where("roster_conflicts.roster_id", "=", rosterId)
    .where("roster_conflicts.status", "=", "open")
    .where(inScope(agencyId, scope))
    .orderBy("roster_conflicts.date")
    .orderBy("units.path")
    .limit(1000)
    .execute();
}

export interface TeamFilter {
  agencyId: string;
  scope: Scope;
  /** Employees the viewer supervises, visible whatever the scope. */
  reports: string[];
  unitPath: string | null;
  page: number;
  pageSize: number;
}

/** A page of the active employees a viewer oversees. */
export async function teamPage(db: Db, f: TeamFilter) {
  let q = db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .where("employees.agency_id", "=", f.agencyId)
    .where("employees.status", "=", "active")
    .where(inScope(f.agencyId, f.scope, { column: "employees.id", ids: f.reports }));
  if (f.unitPath) q = q.where("units.path", "like", `${likeEscape(f.unitPath)}%`);
  const [count, people] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .select(["employees.id", "employees.name", "units.id as unit_id", "units.name as unit_name", "units.path as unit_path"])
      .orderBy("units.path")
      .orderBy("employees.name")
      .orderBy("employees.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { people, total: Number(count.n) };
}

/** The published rows of a week for some employees: the latest published roster per person. */
export async function publishedRowsOf(db: Db, week: string, employeeIds: string[]) {
  const rows =
    employeeIds.length === 0 ? [] : await publishedRows(db, week).where("roster_rows.employee_id", "in", employeeIds).orderBy("rosters.published_at").execute();
  return new Map(rows.map((r) => [r.employee_id, r]));
}

/** One person's row in the latest published roster of a week, with what its cells need to be read. */
export function publishedRowOf(db: Db, week: string, employeeId: string) {
  return publishedRows(db, week).where("roster_rows.employee_id", "=", employeeId).orderBy("rosters.published_at", "desc").limit(1).executeTakeFirst();
}

function publishedRows(db: Db, week: string) {
  return db
    .selectFrom("roster_rows")
    .innerJoin("rosters", "rosters.id", "roster_rows.roster_id")
    .innerJoin("roster_units", (j) => j.onRef("roster_units.roster_id", "=", "roster_rows.roster_id").onRef("roster_units.unit_id", "=", "roster_rows.unit_id"))
    .select([
      "roster_rows.employee_id",
      "roster_rows.cells",
      "roster_rows.factors",
      "roster_units.unit_name",
      "rosters.id as roster_id",
      "rosters.dates",
      "rosters.settings",
      "rosters.published_at",
    ])
    .where("roster_rows.week_start", "=", week)
    .where("rosters.status", "=", "published");
}

export function unitPlace(db: Db, unitId: string) {
  return db.selectFrom("units").select(["path", "parent_id", "depth"]).where("id", "=", unitId).executeTakeFirstOrThrow();
}

export function dayConflicts(db: Db, rosterId: string, unitId: string, date: string) {
  return db.selectFrom("roster_conflicts").selectAll().where("roster_id", "=", rosterId).where("unit_id", "=", unitId).where("date", "=", date).execute();
}

export interface ConflictFilter {
  agencyId: string;
  scope: Scope;
  status: "open" | "resolved" | "all";
  source?: "roster" | "request";
  week?: string;
  rosterId?: string;
  page: number;
  pageSize: number;
}

/** Conflicts inside the viewer's scope; without a roster named, only those of drafts and published rosters. */
export async function listConflicts(db: Db, f: ConflictFilter) {
  let q = db
    .selectFrom("roster_conflicts")
    .innerJoin("rosters", "rosters.id", "roster_conflicts.roster_id")
    .innerJoin("units", "units.id", "roster_conflicts.unit_id")
    .leftJoin("employees", "employees.id", "roster_conflicts.employee_id")
    .where("roster_conflicts.agency_id", "=", f.agencyId)
    .where(inScope(f.agencyId, f.scope));
  if (f.status !== "all") q = q.where("roster_conflicts.status", "=", f.status);
  if (f.source) q = q.where("roster_conflicts.source", "=", f.source);
  if (f.week) q = q.where("rosters.week_start", "=", f.week);
  q = f.rosterId ? q.where("rosters.id", "=", f.rosterId) : q.where("rosters.status", "in", ["draft", "published"]);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .selectAll("roster_conflicts")
      .select(["units.name as unit_name", "employees.name as employee_name", "rosters.week_start", "rosters.status as roster_status"])
      .orderBy("rosters.week_start", "desc")
      .orderBy("roster_conflicts.date")
      .orderBy("units.path")
      .orderBy("roster_conflicts.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { rows, total: Number(count.n) };
}

export function getConflict(db: Db, id: string) {
  return db
    .selectFrom("roster_conflicts")
    .innerJoin("rosters", "rosters.id", "roster_conflicts.roster_id")
    .innerJoin("units", "units.id", "roster_conflicts.unit_id")
    .leftJoin("employees", "employees.id", "roster_conflicts.employee_id")
    .selectAll("roster_conflicts")
    .select(["units.name as unit_name", "units.path as unit_path", "employees.name as employee_name", "rosters.week_start", "rosters.status as roster_status"])
    .where("roster_conflicts.id", "=", id)
    .executeTakeFirst();
}

/** Closes every open conflict a request caused in a roster. */
export async function resolveRequestConflicts(db: Db, rosterId: string, requestId: string, r: { by: string; at: string; resolution: string }): Promise<void> {
  await db
    .updateTable("roster_conflicts")
    .set({ status: "resolved", resolution: r.resolution, resolved_by: r.by, resolved_at: r.at })
    .where("roster_id", "=", rosterId)
    .where("request_id", "=", requestId)
    .where("status", "=", "open")
    .execute();
}
