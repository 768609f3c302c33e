import { likeEscape } from "../../../db/dialect.js";
import type { Db } from "../../../platform/context.js";

/** Everything the roster engine reads, one query each, for one agency (optionally one unit subtree) and week. */

export function activeEmployees(db: Db, agencyId: string, scopePath: string | null) {
  let q = db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .leftJoin("positions", "positions.id", "employees.position_id")
    .select(["employees.id", "employees.unit_id", "employees.name", "employees.position_id", "employees.birth_date", "positions.echelon"])
    .where("employees.agency_id", "=", agencyId)
    .where("employees.status", "=", "active");
  if (scopePath) q = q.where("units.path", "like", `${likeEscape(scopePath)}%`);
  return q.execute();
}

export function agencyFactors(db: Db, agencyId: string) {
  return db
    .selectFrom("arrangement_factors")
    .select(["employee_id", "commute_mode", "commute_verified", "comorbidity", "pregnancy", "caregiving"])
    .where("agency_id", "=", agencyId)
    .execute();
}

/** Employees with a not-cleared health self-check between two dates. */
export async function notClearedBetween(db: Db, agencyId: string, from: string, to: string): Promise<Set<string>> {
  if (to < from) return new Set();
  const rows = await db
    .selectFrom("health_checks")
    .select("employee_id")
    .distinct()
    .where("agency_id", "=", agencyId)
    .where("cleared", "=", 0)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .execute();
  return new Set(rows.map((r) => r.employee_id));
}

/** Leave, official travel and sick leave already recorded as check-in modes on the roster's dates. */
export function recordedAbsences(db: Db, agencyId: string, dates: readonly string[]) {
  return db
    .selectFrom("checkins")
    .select(["employee_id", "work_date", "mode"])
    .where("agency_id", "=", agencyId)
    .where("work_date", "in", [...dates])
    .where("kind", "=", "in")
    .where("mode", "in", ["CUTI", "DL", "SAKIT"])
    .execute();
}

/** Office days per employee in the published rosters of some weeks (the latest published one per employee and week). */
export async function publishedOfficeDays(db: Db, agencyId: string, weeks: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom("roster_rows")
    .innerJoin("rosters", "rosters.id", "roster_rows.roster_id")
    .select(["roster_rows.employee_id", "roster_rows.week_start", "roster_rows.office_days", "rosters.published_at"])
    .where("rosters.agency_id", "=", agencyId)
    .where("rosters.status", "=", "published")
    .where("roster_rows.week_start", "in", [...weeks])
    .execute();
  const latest = new Map<string, { at: string; days: number }>();
  for (const r of rows) {
    const key = `${r.employee_id}|${r.week_start}`;
    const at = r.published_at ?? "";
    const seen = latest.get(key);
    if (!seen || at > seen.at) latest.set(key, { at, days: r.office_days });
  }
  const out = new Map<string, Map<string, number>>();
  for (const [key, v] of latest) {
    const [employeeId, week] = key.split("|");
    const perWeek = out.get(employeeId) ?? new Map<string, number>();
    perWeek.set(week, v.days);
    out.set(employeeId, perWeek);
  }
  return out;
}

/** Approved requests on the roster's dates, oldest first. */
export function approvedRequests(db: Db, agencyId: string, dates: readonly string[]) {
  return db
    .selectFrom("arrangement_requests")
    .select(["id", "employee_id", "date", "mode", "reason"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "approved")
    .where("date", "in", [...dates])
    .orderBy("date")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
