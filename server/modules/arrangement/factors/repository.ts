import { likeEscape } from "../../../db/dialect.js";
import type { ArrangementFactor, ArrangementFactorTable } from "../../../db/schema-arrangement.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";
import { inScope } from "../scope.js";

export function getFactors(db: Db, employeeId: string): Promise<ArrangementFactor | undefined> {
  return db.selectFrom("arrangement_factors").selectAll().where("employee_id", "=", employeeId).executeTakeFirst();
}

export async function upsertFactors(db: Db, row: ArrangementFactorTable): Promise<void> {
  const { employee_id: _key, created_at: _created, ...update } = row;
  await db
    .insertInto("arrangement_factors")
    .values(row)
    .onConflict((oc) => oc.column("employee_id").doUpdateSet(update))
    .execute();
}

export async function setCommuteVerified(db: Db, employeeId: string, verified: boolean, by: string, at: string): Promise<void> {
  await db
    .updateTable("arrangement_factors")
    .set({ commute_verified: verified ? 1 : 0, commute_verified_by: verified ? by : null, commute_verified_at: verified ? at : null, updated_at: at })
    .where("employee_id", "=", employeeId)
    .execute();
}

/** Whether the person has a not-cleared health self-check between two dates. */
export async function healthNotCleared(db: Db, employeeId: string, from: string, to: string): Promise<boolean> {
  const row = await db
    .selectFrom("health_checks")
    .select("id")
    .where("employee_id", "=", employeeId)
    .where("cleared", "=", 0)
    .where("work_date", ">=", from)
    .where("work_date", "<=", to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface FactorListFilter {
  agencyId: string;
  scope: Scope;
  unitPath?: string;
  commute: "unverified" | "verified" | "any";
  page: number;
  pageSize: number;
}

/** Declared commutes in the HR admin's scope, for verification. */
export async function listDeclared(db: Db, f: FactorListFilter) {
  let q = db
    .selectFrom("arrangement_factors")
    .innerJoin("employees", "employees.id", "arrangement_factors.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .where("arrangement_factors.agency_id", "=", f.agencyId)
    .where("employees.status", "=", "active")
    .where(inScope(f.agencyId, f.scope));
  if (f.unitPath) q = q.where("units.path", "like", `${likeEscape(f.unitPath)}%`);
  if (f.commute !== "any")
    q = q.where("arrangement_factors.commute_mode", "is not", null).where("arrangement_factors.commute_verified", "=", f.commute === "verified" ? 1 : 0);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      "employees.id as employee_id",
      "employees.name",
      "units.id as unit_id",
      "units.name as unit_name",
      "arrangement_factors.commute_mode",
      "arrangement_factors.commute_verified",
      "arrangement_factors.commute_verified_at",
      "arrangement_factors.caregiving",
    ])
    .orderBy("employees.name")
    .orderBy("employees.id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}
