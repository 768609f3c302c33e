import type { Role } from "../../db/schema.js";
import { type Actor, hasRoleOver } from "../../platform/actor.js";
import type { EmployeeTarget } from "../org/policies.js";

const OVERSEERS: readonly Role[] = ["hr_admin", "leader", "health_officer"];
const isSelf = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && a.employeeId === t.employeeId;
const isSupervisor = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && t.supervisorId === a.employeeId;

/**
 * Who may do what with someone's logbook, declared once.
 * Exact coordinates: the person and HR in scope. Health answers: the person
 * and health officers in scope. Supervisors see results (geofence, cleared),
 * never the raw data.
 */
export const logbookPolicy = {
  /** Check-in results, report, cleared flag. */
  viewDay: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, OVERSEERS, t),
  viewCoordinates: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || hasRoleOver(a, ["hr_admin"], t),
  viewHealthAnswers: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || hasRoleOver(a, ["health_officer"], t),
  /** Check in, fill the health check and the report: only for oneself. */
  writeOwn: (a: Actor, t: EmployeeTarget) => isSelf(a, t),
  review: (a: Actor, t: EmployeeTarget) => isSupervisor(a, t),
  manageTargets: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || hasRoleOver(a, ["hr_admin"], t),
  viewTargets: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || isSupervisor(a, t) || hasRoleOver(a, ["hr_admin", "leader"], t),
  /** Registered home places: the person proposes, HR approves. */
  proposePlace: (a: Actor, t: EmployeeTarget) => isSelf(a, t) || hasRoleOver(a, ["hr_admin"], t),
  decidePlace: (a: Actor, t: EmployeeTarget) => hasRoleOver(a, ["hr_admin"], t),
};

export type LogbookPolicy = typeof logbookPolicy;
