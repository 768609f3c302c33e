import type { Insertable, Updateable } from "kysely";
import type { SkpTarget, SkpTargetTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

export function listTargets(db: Db, employeeId: string, period: string, includeArchived: boolean): Promise<SkpTarget[]> {
  let q = db.selectFrom("skp_targets").selectAll().where("employee_id", "=", employeeId).where("period", "=", period);
  if (!includeArchived) q = q.where("archived", "=", 0);
  return q.orderBy("code").orderBy("created_at").orderBy("id").execute();
}

export function getTarget(db: Db, id: string): Promise<SkpTarget | undefined> {
  return db.selectFrom("skp_targets").selectAll().where("id", "=", id).executeTakeFirst();
}

export function targetsByIds(db: Db, ids: string[]): Promise<SkpTarget[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("skp_targets").selectAll().where("id", "in", ids).execute();
}

/** Active targets of these employees in these periods (what an import may update). */
export function activeTargetsOf(db: Db, employeeIds: string[], periods: string[]): Promise<SkpTarget[]> {
  if (employeeIds.length === 0 || periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("skp_targets")
    .selectAll()
    .where("employee_id", "in", employeeIds)
    .where("period", "in", periods)
    .where("archived", "=", 0)
    .orderBy("created_at")
    .execute();
}

/** Another active target of the employee and period with this code (codes are unique among active targets). */
export function findActiveByCode(db: Db, employeeId: string, period: string, code: string, exceptId?: string) {
  let q = db
    .selectFrom("skp_targets")
    .select("id")
    .where("employee_id", "=", employeeId)
    .where("period", "=", period)
    .where("code", "=", code)
    .where("archived", "=", 0);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.executeTakeFirst();
}

export async function insertTargets(db: Db, rows: Insertable<SkpTargetTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("skp_targets")
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function updateTarget(db: Db, id: string, patch: Updateable<SkpTargetTable>): Promise<void> {
  await db.updateTable("skp_targets").set(patch).where("id", "=", id).execute();
}

/** Employees of an agency by NIP, with their unit path (for scope checks). */
export function employeesByNip(db: Db, agencyId: string, nips: string[]) {
  if (nips.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.id", "employees.nip", "employees.agency_id", "employees.status", "units.path as unit_path"])
    .where("employees.agency_id", "=", agencyId)
    .where("employees.nip", "in", nips)
    .execute();
}
