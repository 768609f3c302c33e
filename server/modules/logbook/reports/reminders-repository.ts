import { toJson } from "../../../db/dialect.js";
import type { Db } from "../../../platform/context.js";

export function agencyIds(db: Db) {
  return db.selectFrom("agencies").select("id").orderBy("id").execute();
}

/** Active employees of an agency who can sign in, with their unit's time zone. */
export function employeesToRemind(db: Db, agencyId: string) {
  return db
    .selectFrom("employees")
    .innerJoin("users", "users.employee_id", "employees.id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.id as employee_id", "users.id as user_id", "units.timezone"])
    .where("employees.agency_id", "=", agencyId)
    .where("employees.status", "=", "active")
    .where("users.disabled", "=", 0)
    .execute();
}

/**
 * Employee-days that need no reminder: a report has been submitted (it may
 * since be returned or approved), or the check-in says leave or sick.
 */
export async function settledDays(db: Db, employeeIds: string[], dates: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (employeeIds.length === 0 || dates.length === 0) return out;
  for (let i = 0; i < employeeIds.length; i += 500) {
    const part = employeeIds.slice(i, i + 500);
    const [reports, absences] = await Promise.all([
      db
        .selectFrom("daily_reports")
        .select(["employee_id", "work_date"])
        .where("employee_id", "in", part)
        .where("work_date", "in", dates)
        .where("status", "!=", "draft")
        .execute(),
      db
        .selectFrom("checkins")
        .select(["employee_id", "work_date"])
        .where("employee_id", "in", part)
        .where("work_date", "in", dates)
        .where("mode", "in", ["CUTI", "SAKIT"])
        .execute(),
    ]);
    for (const r of [...reports, ...absences]) out.add(`${r.employee_id}|${r.work_date}`);
  }
  return out;
}

/**
 * Claims (user, date) reminders so each is sent once, also when two
 * instances run the job together: the claim is a row under a key no client
 * can send ("/" is not allowed in Idempotency-Key headers). Answers the
 * claims this call won.
 */
export async function claimReminders(db: Db, claims: { userId: string; date: string }[], now: string) {
  if (claims.length === 0) return [];
  const rows = await db
    .insertInto("idempotency_keys")
    .values(
      claims.map((c) => ({
        user_id: c.userId,
        key: `job/report-reminder/${c.date}`,
        method: "JOB",
        path: "report-reminder",
        body_hash: "",
        status_code: 200,
        response: toJson(null),
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(["user_id", "key"]).doNothing())
    .returning(["user_id", "key"])
    .execute();
  return rows.map((r) => ({ userId: r.user_id, date: r.key.slice(r.key.lastIndexOf("/") + 1) }));
}
