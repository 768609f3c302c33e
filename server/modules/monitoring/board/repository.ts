import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Engine } from "../../../config.js";
import { ilike, likeEscape } from "../../../db/dialect.js";
import type { Unit } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { inSubtree } from "../scope.js";
import type { Bucket, MODES, REPORT_STATES } from "./schema.js";

/** One unit subtree on one work date. */
export interface Day {
  agencyId: string;
  path: string;
  date: string;
}

/**
 * Every active employee of the subtree with the day's check-in, check-out,
 * health check and daily report (each at most one row per employee and day).
 * Aliases: e, u, ci, co, h, r.
 */
export function dayRows(db: Db, d: Day) {
  return db
    .selectFrom("employees as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .leftJoin("checkins as ci", (j) =>
      j.onRef("ci.employee_id", "=", "e.id").on("ci.agency_id", "=", d.agencyId).on("ci.work_date", "=", d.date).on("ci.kind", "=", "in"),
    )
    .leftJoin("checkins as co", (j) =>
      j.onRef("co.employee_id", "=", "e.id").on("co.agency_id", "=", d.agencyId).on("co.work_date", "=", d.date).on("co.kind", "=", "out"),
    )
    .leftJoin("health_checks as h", (j) => j.onRef("h.employee_id", "=", "e.id").on("h.agency_id", "=", d.agencyId).on("h.work_date", "=", d.date))
    .leftJoin("daily_reports as r", (j) => j.onRef("r.employee_id", "=", "e.id").on("r.agency_id", "=", d.agencyId).on("r.work_date", "=", d.date))
    .where("e.agency_id", "=", d.agencyId)
    .where("e.status", "=", "active")
    .where(inSubtree(d, "u.path"));
}

type Cond = RawBuilder<SqlBool>;

/** The condition of each bucket; the board counts and the drill-down lists use the same ones, so they always agree. */
export const BUCKET_CONDITIONS: Record<Bucket, Cond> = {
  employees: sql<SqlBool>`1 = 1`,
  checked_in: sql<SqlBool>`ci.id is not null`,
  not_checked_in: sql<SqlBool>`ci.id is null`,
  late: sql<SqlBool>`ci.minutes_off > 0`,
  checked_out: sql<SqlBool>`co.id is not null`,
  "mode:WFO": sql<SqlBool>`ci.mode = 'WFO'`,
  "mode:WFH": sql<SqlBool>`ci.mode = 'WFH'`,
  "mode:DL": sql<SqlBool>`ci.mode = 'DL'`,
  "mode:CUTI": sql<SqlBool>`ci.mode = 'CUTI'`,
  "mode:SAKIT": sql<SqlBool>`ci.mode = 'SAKIT'`,
  "roster:differs": sql<SqlBool>`ci.expected_mode is not null and ci.mode <> ci.expected_mode`,
  "health:not_filled": sql<SqlBool>`h.id is null`,
  "health:not_cleared": sql<SqlBool>`h.cleared = 0`,
  "report:none": sql<SqlBool>`r.id is null`,
  "report:draft": sql<SqlBool>`r.status = 'draft'`,
  "report:submitted": sql<SqlBool>`r.status = 'submitted'`,
  "report:returned": sql<SqlBool>`r.status = 'returned'`,
  "report:approved": sql<SqlBool>`r.status = 'approved'`,
  office: sql<SqlBool>`ci.mode = 'WFO'`,
};

const EXTRA_CONDITIONS = {
  roster_matched: sql<SqlBool>`ci.mode = ci.expected_mode`,
  roster_unrostered: sql<SqlBool>`ci.id is not null and ci.expected_mode is null`,
  health_filled: sql<SqlBool>`h.id is not null`,
};

const countOf = (cond: Cond) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;

export interface GroupCounts {
  /** The direct child whose subtree the row counts; "" for the unit's own staff. */
  child: string;
  employees: number;
  checked_in: number;
  late: number;
  checked_out: number;
  modes: Record<(typeof MODES)[number], number>;
  roster_matched: number;
  roster_differs: number;
  roster_unrostered: number;
  health_filled: number;
  health_not_cleared: number;
  reports: Record<(typeof REPORT_STATES)[number], number>;
  report_none: number;
}

/**
 * The board's numbers in one grouped query: one row for the unit's own staff
 * and one per direct child subtree (the child id is the path segment right
 * after the unit's path; ids are fixed-length UUIDs).
 */
export function boardGroupsQuery(db: Db, d: Day) {
  const childKey = sql<string>`substr(u.path, ${sql.lit(d.path.length + 1)}, 36)`;
  const c = BUCKET_CONDITIONS;
  return dayRows(db, d)
    .select([
      childKey.as("child"),
      sql<number>`count(*)`.as("employees"),
      countOf(c.checked_in).as("checked_in"),
      countOf(c.late).as("late"),
      countOf(c.checked_out).as("checked_out"),
      countOf(c["mode:WFO"]).as("m_wfo"),
      countOf(c["mode:WFH"]).as("m_wfh"),
      countOf(c["mode:DL"]).as("m_dl"),
      countOf(c["mode:CUTI"]).as("m_cuti"),
      countOf(c["mode:SAKIT"]).as("m_sakit"),
      countOf(EXTRA_CONDITIONS.roster_matched).as("roster_matched"),
      countOf(c["roster:differs"]).as("roster_differs"),
      countOf(EXTRA_CONDITIONS.roster_unrostered).as("roster_unrostered"),
      countOf(EXTRA_CONDITIONS.health_filled).as("health_filled"),
      countOf(c["health:not_cleared"]).as("health_not_cleared"),
      countOf(c["report:none"]).as("report_none"),
      countOf(c["report:draft"]).as("r_draft"),
      countOf(c["report:submitted"]).as("r_submitted"),
      countOf(c["report:returned"]).as("r_returned"),
      countOf(c["report:approved"]).as("r_approved"),
    ])
    .groupBy(childKey);
}

export async function boardGroups(db: Db, d: Day): Promise<GroupCounts[]> {
  const rows = await boardGroupsQuery(db, d).execute();
  return rows.map((r) => ({
    child: r.child ?? "",
    employees: Number(r.employees),
    checked_in: Number(r.checked_in),
    late: Number(r.late),
    checked_out: Number(r.checked_out),
    modes: { WFO: Number(r.m_wfo), WFH: Number(r.m_wfh), DL: Number(r.m_dl), CUTI: Number(r.m_cuti), SAKIT: Number(r.m_sakit) },
    roster_matched: Number(r.roster_matched),
    roster_differs: Number(r.roster_differs),
    roster_unrostered: Number(r.roster_unrostered),
    health_filled: Number(r.health_filled),
    health_not_cleared: Number(r.health_not_cleared),
    report_none: Number(r.report_none),
    reports: { draft: Number(r.r_draft), submitted: Number(r.r_submitted), returned: Number(r.r_returned), approved: Number(r.r_approved) },
  }));
}

export function childUnits(db: Db, unitId: string): Promise<Pick<Unit, "id" | "name" | "depth">[]> {
  return db.selectFrom("units").select(["id", "name", "depth"]).where("parent_id", "=", unitId).orderBy("name").orderBy("id").execute();
}

export interface PersonRow {
  employee_id: string;
  name: string;
  nip: string;
  phone: string | null;
  unit_id: string;
  unit_name: string;
  unit_timezone: string;
  checkin_at: string | null;
  checkout_at: string | null;
  mode: (typeof MODES)[number] | null;
  expected_mode: (typeof MODES)[number] | null;
  minutes_off: number | null;
  geofence: string | null;
  report_status: (typeof REPORT_STATES)[number] | null;
  cleared: number | null;
}

export interface PeopleFilter extends Day {
  bucket: Bucket;
  q?: string;
}

function filtered(db: Db, engine: Engine, f: PeopleFilter) {
  let query = dayRows(db, f).where(BUCKET_CONDITIONS[f.bucket]);
  if (f.q) {
    const pattern = `%${likeEscape(f.q)}%`;
    query = query.where((eb) => eb.or([eb("e.name", ilike(engine), pattern), eb("e.nip", "like", `${likeEscape(f.q ?? "")}%`)]));
  }
  return query;
}

/** The people behind one number, by name; `limit` rows from `offset`. */
export async function people(db: Db, engine: Engine, f: PeopleFilter, page: { limit: number; offset: number }): Promise<PersonRow[]> {
  return filtered(db, engine, f)
    .select([
      "e.id as employee_id",
      "e.name",
      "e.nip",
      "e.phone",
      "u.id as unit_id",
      "u.name as unit_name",
      "u.timezone as unit_timezone",
      "ci.server_time as checkin_at",
      "co.server_time as checkout_at",
      "ci.mode",
      "ci.expected_mode",
      "ci.minutes_off",
      "ci.geofence",
      "r.status as report_status",
      "h.cleared",
    ])
    .orderBy("e.name")
    .orderBy("e.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPeople(db: Db, engine: Engine, f: PeopleFilter): Promise<number> {
  const row = await filtered(db, engine, f).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The units of the subtrees, ordered as a tree. */
export function unitsUnder(db: Db, agencyId: string, roots: Pick<Unit, "path">[]) {
  return db
    .selectFrom("units")
    .select(["id", "name", "parent_id", "path", "depth"])
    .where("agency_id", "=", agencyId)
    .where((eb) => eb.or(roots.map((r) => inSubtree(r, "path"))))
    .orderBy("path")
    .execute();
}
