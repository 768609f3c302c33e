import type { Db } from "../../../platform/context.js";

export function checkinsOf(db: Db, employeeId: string, from: string, to: string) {
  return db
    .selectFrom("checkins")
    .select(["work_date", "kind", "mode", "expected_mode", "server_time", "minutes_off"])
    .where("employee_id", "=", employeeId)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .execute();
}

export function reportsOf(db: Db, employeeId: string, from: string, to: string) {
  return db
    .selectFrom("daily_reports")
    .select(["work_date", "status"])
    .where("employee_id", "=", employeeId)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .execute();
}

export function healthOf(db: Db, employeeId: string, from: string, to: string) {
  return db
    .selectFrom("health_checks")
    .select(["work_date", "cleared"])
    .where("employee_id", "=", employeeId)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .execute();
}

/** The employee's SKP targets of a period with the activities and minutes reported against each (drafts excluded). */
export async function targetsWithProgress(db: Db, employeeId: string, period: string) {
  const targets = await db
    .selectFrom("skp_targets")
    .select(["id", "code", "title", "indicators"])
    .where("employee_id", "=", employeeId)
    .where("period", "=", period)
    .where("archived", "=", 0)
    .orderBy("code")
    .orderBy("created_at")
    .execute();
  if (targets.length === 0) return [];
  const progress = await db
    .selectFrom("report_activities as a")
    .innerJoin("daily_reports as r", "r.id", "a.report_id")
    .select((eb) => ["a.rhk_id", eb.fn.countAll<number>().as("activities"), eb.fn.sum<number>("a.minutes").as("minutes")])
    .where("r.employee_id", "=", employeeId)
    .where("r.status", "<>", "draft")
    .where(
      "a.rhk_id",
      "in",
      targets.map((t) => t.id),
    )
    .groupBy("a.rhk_id")
    .execute();
  const byId = new Map(progress.map((p) => [p.rhk_id, p]));
  return targets.map((t) => ({ ...t, activities: Number(byId.get(t.id)?.activities ?? 0), minutes: Number(byId.get(t.id)?.minutes ?? 0) }));
}
