import type { Role } from "../../db/schema.js";
import { type Actor, type Grant, hasAgencyWideRole, hasRoleOver, type ScopeTarget } from "../../platform/actor.js";
import type { EmployeeTarget } from "../org/policies.js";

const HR: readonly Role[] = ["hr_admin"];
/** Roles that read rosters and policies within their scope. */
export const ROSTER_READERS: readonly Role[] = ["hr_admin", "leader"];
/** Roles that may see comorbidity and pregnancy of the employees in their scope. */
export const SENSITIVE_READERS: readonly Role[] = ["hr_admin", "health_officer"];
const FACTOR_READERS: readonly Role[] = ["hr_admin", "leader", "health_officer"];

const isSelf = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && a.employeeId === t.employeeId;
const isSupervisor = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && t.supervisorId === a.employeeId;

/** The grant and the target share part of the tree: one covers the other. */
function overlaps(g: Grant, t: ScopeTarget): boolean {
  if (g.agencyId !== t.agencyId) return false;
  if (g.unitPath === null || t.unitPath === null) return true;
  return t.unitPath.startsWith(g.unitPath) || g.unitPath.startsWith(t.unitPath);
}

/**
 * Who may do what with work arrangements, declared once. A roster's target is
 * its scope: the rostered unit subtree, or the agency (unitPath null).
 */
export const arrangementPolicy = {
  /** Policy versions: agency-wide HR admins edit; HR admins and leaders of the agency read. */
  viewPolicies: (a: Actor, agencyId: string) => a.grants.some((g) => ROSTER_READERS.includes(g.role) && g.agencyId === agencyId),
  managePolicies: (a: Actor, agencyId: string) => hasAgencyWideRole(a, HR, agencyId),

  /** Generate, override, publish, discard: HR admins whose scope covers the whole roster. */
  manageRoster: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
  /** List rosters: HR admins and leaders of the agency (each roster then checked with viewRoster). */
  listRosters: (a: Actor, agencyId: string) => a.grants.some((g) => ROSTER_READERS.includes(g.role) && g.agencyId === agencyId),
  /** Read a roster (draft or published): HR admins and leaders whose scope meets it; rows are then filtered by scope. */
  viewRoster: (a: Actor, t: ScopeTarget) => a.grants.some((g) => ROSTER_READERS.includes(g.role) && overlaps(g, t)),
  /** Someone's published week: the person, their supervisor, HR admins and leaders in scope. */
  viewWeek: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, ROSTER_READERS, t),

  /** Factors without the sensitive ones: the person, their supervisor, overseers in scope. */
  viewFactors: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, FACTOR_READERS, t),
  /** Comorbidity, pregnancy and health state: the person, HR admins and health officers in scope. */
  viewSensitiveFactors: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || hasRoleOver(a, SENSITIVE_READERS, t),
  declareFactors: (a: Actor, t: EmployeeTarget) => isSelf(a, t),
  verifyCommute: (a: Actor, t: EmployeeTarget) => hasRoleOver(a, HR, t),

  /** Requests: only for oneself; decided by the supervisor of the day (acting officials included). */
  request: (a: Actor, t: EmployeeTarget) => isSelf(a, t),
  decideRequest: (a: Actor, t: EmployeeTarget) => isSupervisor(a, t),
  viewRequest: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, ROSTER_READERS, t),

  /** Open conflicts: HR admins and leaders read; HR admins in scope resolve. */
  viewConflicts: (a: Actor, agencyId: string) => a.grants.some((g) => ROSTER_READERS.includes(g.role) && g.agencyId === agencyId),
  resolveConflict: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
};
