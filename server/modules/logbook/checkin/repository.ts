import type { Insertable } from "kysely";
import type { Checkin, CheckinTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

/** What a check-in needs to know about the person: agency, unit, its path and time zone. */
export function employeeForCheckin(db: Db, employeeId: string) {
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.id", "employees.agency_id", "employees.unit_id", "employees.status", "units.path as unit_path", "units.timezone"])
    .where("employees.id", "=", employeeId)
    .executeTakeFirst();
}

/** The person's check-in and check-out of one day. */
export async function dayCheckins(db: Db, employeeId: string, workDate: string): Promise<{ in?: Checkin; out?: Checkin }> {
  const rows = await db.selectFrom("checkins").selectAll().where("employee_id", "=", employeeId).where("work_date", "=", workDate).execute();
  return { in: rows.find((r) => r.kind === "in"), out: rows.find((r) => r.kind === "out") };
}

export async function insertCheckin(db: Db, row: Insertable<CheckinTable>): Promise<void> {
  await db.insertInto("checkins").values(row).execute();
}

export function listCheckins(db: Db, employeeId: string, from: string, to: string): Promise<Checkin[]> {
  return db
    .selectFrom("checkins")
    .selectAll()
    .where("employee_id", "=", employeeId)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .orderBy("work_date")
    .orderBy("kind")
    .execute();
}
