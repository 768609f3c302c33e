import type { Role } from "../../../db/schema.js";
import { type Actor, hasRoleOver, type ScopeTarget } from "../../../platform/actor.js";

/** Roles that see JP progress of the people in their grant's scope and decide claims. */
export const JP_HR: readonly Role[] = ["hr_admin"];

/** Who may do what with JP and certificates, declared once. */
export const creditPolicy = {
  /** A person's JP, claims and certificates: themself, their supervisor, HR in scope. */
  viewPerson: (a: Actor, p: ScopeTarget & { employeeId: string; supervisorId?: string | null }) =>
    a.employeeId === p.employeeId || (a.employeeId !== null && p.supervisorId === a.employeeId) || hasRoleOver(a, JP_HR, p),
  claimFor: (a: Actor, employeeId: string) => a.employeeId === employeeId,
  decideClaim: (a: Actor, p: ScopeTarget) => hasRoleOver(a, JP_HR, p),
  revokeCertificate: (a: Actor, p: ScopeTarget) => hasRoleOver(a, JP_HR, p),
  /** The certificate PDF: the holder, HR in scope, the agency's learning admins. */
  readCertificate: (a: Actor, p: ScopeTarget & { employeeId: string }) =>
    a.employeeId === p.employeeId || hasRoleOver(a, JP_HR, p) || a.grants.some((g) => g.role === "learning_admin" && g.agencyId === p.agencyId),
};
