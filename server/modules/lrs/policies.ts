import type { Role } from "../../db/schema.js";
import { type Actor, hasRoleOver, type ScopeTarget } from "../../platform/actor.js";

/** Roles that manage an agency's LRS clients and read learning records in their scope. */
export const LRS_ADMINS: readonly Role[] = ["learning_admin", "hr_admin"];

export const lrsPolicy = {
  /** LRS clients: learning and HR admins of the agency (agency-wide grants). */
  manageClients: (a: Actor, agencyId: string) => a.grants.some((g) => LRS_ADMINS.includes(g.role) && g.agencyId === agencyId && g.unitPath === null),
  /** A person's learning record: the person, and learning/HR admins whose grant covers the person's unit. */
  readRecord: (a: Actor, person: ScopeTarget & { employeeId: string }) => a.employeeId === person.employeeId || hasRoleOver(a, LRS_ADMINS, person),
};
