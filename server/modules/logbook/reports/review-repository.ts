import type { DailyReport, ReportStatus } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Reports of these employees in one state, oldest day first. */
export async function queue(db: Db, employeeIds: string[], status: ReportStatus, limit: number): Promise<{ rows: DailyReport[]; total: number }> {
  if (employeeIds.length === 0) return { rows: [], total: 0 };
  const base = db.selectFrom("daily_reports").where("employee_id", "in", employeeIds).where("status", "=", status);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.selectAll().orderBy("work_date").orderBy("submitted_at").orderBy("id").limit(limit).execute(),
  ]);
  return { rows, total: Number(count.n) };
}

/** What a review needs to know about employees: who they are, where they work, their explicit supervisor. */
export async function employeesForReview(db: Db, ids: string[]) {
  const rows = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db
        .selectFrom("employees")
        .innerJoin("units", "units.id", "employees.unit_id")
        .select([
          "employees.id",
          "employees.name",
          "employees.nip",
          "employees.agency_id",
          "employees.unit_id",
          "employees.supervisor_id",
          "units.path as unit_path",
          "units.name as unit_name",
        ])
        .where("employees.id", "in", part)
        .execute()),
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

export interface DayKey {
  employee_id: string;
  work_date: string;
}

export const dayKey = (k: DayKey) => `${k.employee_id}|${k.work_date}`;

/**
 * The check-in results and the cleared flag of these employee-days. Only the
 * derived columns are read: never coordinates, never health answers.
 */
export async function dayResults(db: Db, days: DayKey[]) {
  const employeeIds = [...new Set(days.map((d) => d.employee_id))];
  const dates = [...new Set(days.map((d) => d.work_date))];
  const checkins = new Map<string, { kind: "in" | "out"; mode: string; geofence: string; placeName: string | null }[]>();
  const cleared = new Map<string, boolean>();
  if (days.length === 0) return { checkins, cleared };
  for (const part of chunks(employeeIds)) {
    const [cRows, hRows] = await Promise.all([
      db
        .selectFrom("checkins")
        .select(["employee_id", "work_date", "kind", "mode", "geofence", "place_name"])
        .where("employee_id", "in", part)
        .where("work_date", "in", dates)
        .orderBy("server_time")
        .execute(),
      db.selectFrom("health_checks").select(["employee_id", "work_date", "cleared"]).where("employee_id", "in", part).where("work_date", "in", dates).execute(),
    ]);
    for (const c of cRows) {
      const list = checkins.get(dayKey(c)) ?? [];
      list.push({ kind: c.kind, mode: c.mode, geofence: c.geofence, placeName: c.place_name });
      checkins.set(dayKey(c), list);
    }
    for (const h of hRows) cleared.set(dayKey(h), h.cleared === 1);
  }
  return { checkins, cleared };
}
