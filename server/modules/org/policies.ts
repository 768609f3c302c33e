import type { Role } from "../../db/schema.js";
import { type Actor, hasAgencyWideRole, hasRoleOver, type ScopeTarget } from "../../platform/actor.js";
import { AppError } from "../../platform/errors.js";

/** Roles whose grant lets a person see the employees in its scope. */
export const EMPLOYEE_VIEWER_ROLES: readonly Role[] = ["hr_admin", "leader", "health_officer"];
export const HR: readonly Role[] = ["hr_admin"];

export interface EmployeeTarget extends ScopeTarget {
  employeeId: string;
  /** The employee's supervisor (explicit or derived) on today's date. */
  supervisorId: string | null;
}

/**
 * Who may do what with the organisation, declared once. Routes call
 * `authorize(orgPolicy.x(actor, target))`; list queries use the same roles
 * through `scopeOf`.
 */
export const orgPolicy = {
  viewEmployee: (a: Actor, t: EmployeeTarget) =>
    a.employeeId === t.employeeId || hasRoleOver(a, EMPLOYEE_VIEWER_ROLES, t) || (a.employeeId !== null && t.supervisorId === a.employeeId),
  /** Full NIP, birth date, gender: the person themself and HR in scope. */
  viewEmployeePrivate: (a: Actor, t: EmployeeTarget) => a.employeeId === t.employeeId || hasRoleOver(a, HR, t),
  manageEmployee: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
  viewStructure: (a: Actor, agencyId: string) => a.agencyId === agencyId || a.grants.some((g) => g.agencyId === agencyId) || a.isOperator,
  manageUnit: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
  manageAgencyWide: (a: Actor, agencyId: string) => hasAgencyWideRole(a, HR, agencyId),
  /** A role may be granted only over a scope inside the granter's own HR scope. */
  manageGrant: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
  viewGrants: (a: Actor, agencyId: string) => a.grants.some((g) => g.role === "hr_admin" && g.agencyId === agencyId),
  importEmployees: (a: Actor, agencyId: string) => a.grants.some((g) => g.role === "hr_admin" && g.agencyId === agencyId),
  viewAudit: (a: Actor, agencyId: string) => hasAgencyWideRole(a, HR, agencyId) || a.isOperator,
  manageAgencies: (a: Actor) => a.isOperator,
};

export function authorize(allowed: boolean, detail?: string): void {
  if (!allowed) throw new AppError("forbidden", detail);
}

/** The agency a request works in: the actor's own, or (for operators and cross-agency grants) the one asked for. */
export function agencyOf(a: Actor, requested?: string): string {
  if (requested) {
    if (requested === a.agencyId || a.isOperator || a.grants.some((g) => g.agencyId === requested)) return requested;
    throw new AppError("forbidden", "Not a member of that agency");
  }
  const id = a.agencyId ?? a.grants[0]?.agencyId;
  if (!id) throw new AppError("bad_request", "agencyId is required");
  return id;
}
