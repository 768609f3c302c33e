import type { Role } from "../../../db/schema.js";
import { type Actor, hasRoleOver } from "../../../platform/actor.js";
import type { EmployeeTarget } from "../../org/policies.js";
import { logbookPolicy } from "../policies.js";

/** Roles whose grant lets a person export the reports inside its scope. */
export const EXPORT_ROLES: readonly Role[] = ["hr_admin", "leader"];

const isSelf = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && a.employeeId === t.employeeId;
const isSupervisor = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && t.supervisorId === a.employeeId;

/** Who may do what with daily reports and their evidence, on top of the logbook rules. */
export const reportPolicy = {
  read: logbookPolicy.viewDay,
  /** Only one's own report is written: there is no route that writes someone else's. */
  write: logbookPolicy.writeOwn,
  review: logbookPolicy.review,
  /** The e-Kinerja export: oneself, the supervisor, HR admins and leaders in scope. */
  export: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, EXPORT_ROLES, t),
  /** An uploaded file: its owner, and whoever may see the owner's day. */
  readFile: (a: Actor, file: { ownerUserId: string }, owner: EmployeeTarget | null) =>
    a.userId === file.ownerUserId || (owner !== null && logbookPolicy.viewDay(a, owner)),
};
