import type { Unit } from "../../db/schema.js";
import type { Ctx, Db } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { derivedSupervisor, loadSnapshot, todayIn } from "../org/hierarchy.js";
import type { EmployeeTarget } from "../org/policies.js";
import { orgPolicy } from "../org/policies.js";
import { type EmployeeWithUnit, getEmployee, getUnit } from "../org/repository.js";

/** The employee a logbook request is about, with what policies need to decide. */
export interface Subject {
  employee: EmployeeWithUnit;
  unit: Unit;
  /** The employee's "today" in their unit's time zone. */
  today: string;
  target: EmployeeTarget;
}

/**
 * Loads an employee for a logbook request. Another agency's employee is not
 * found (ids do not leak); the caller still authorizes with a logbook policy.
 */
export async function loadSubject(ctx: Ctx, employeeId: string, date?: string): Promise<Subject> {
  const employee = await getEmployee(ctx.db, employeeId);
  if (!employee || !orgPolicy.viewStructure(ctx.actor, employee.agency_id)) throw notFound("Employee");
  const unit = await getUnit(ctx.db, employee.unit_id);
  if (!unit) throw notFound("Unit");
  const today = todayIn(unit.timezone, ctx.now());
  const snapshot = await loadSnapshot(ctx.db, employee.agency_id, date ?? today);
  return {
    employee,
    unit,
    today,
    target: { agencyId: employee.agency_id, unitPath: employee.unit_path, employeeId: employee.id, supervisorId: derivedSupervisor(snapshot, employee) },
  };
}

/** The signed-in person as a logbook subject (their own day). */
export async function loadSelf(ctx: Ctx): Promise<Subject> {
  if (!ctx.actor.employeeId) throw notFound("Employee record of this account");
  return loadSubject(ctx, ctx.actor.employeeId);
}

/** User ids holding one of the roles over this employee's unit (e.g. health officers to notify). */
export async function usersWithRoleOver(db: Db, role: string, agencyId: string, unitPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom("role_grants")
    .leftJoin("units", "units.id", "role_grants.unit_id")
    .select(["role_grants.user_id", "units.path"])
    .where("role_grants.agency_id", "=", agencyId)
    .where("role_grants.role", "=", role as "health_officer")
    .execute();
  return rows.filter((r) => r.path === null || unitPath.startsWith(r.path)).map((r) => r.user_id);
}
