import { type Actor, hasRole } from "../../../platform/actor.js";
import { type EmployeeTarget, orgPolicy } from "../../org/policies.js";
import { logbookPolicy } from "../policies.js";

const isSelf = (a: Actor, t: EmployeeTarget) => a.employeeId !== null && a.employeeId === t.employeeId;

/**
 * Who may do what with places, composed from the org and logbook policies.
 * Offices: every member of the agency sees them; HR in scope of the office's
 * unit (agency-wide HR for agency-wide offices) manages them. Own places:
 * the person proposes, HR in scope decides (never on their own place).
 */
export const placePolicy = {
  viewOffices: (a: Actor, agencyId: string) => orgPolicy.viewStructure(a, agencyId),
  manageOffice: (a: Actor, t: { agencyId: string; unitPath: string | null }) =>
    t.unitPath === null ? orgPolicy.manageAgencyWide(a, t.agencyId) : orgPolicy.manageUnit(a, { agencyId: t.agencyId, unitPath: t.unitPath }),
  listOwnPlaces: logbookPolicy.viewDay,
  viewOwnPlaceCoordinates: logbookPolicy.viewCoordinates,
  propose: logbookPolicy.proposePlace,
  /** Edit or withdraw an own place: the person, or HR in scope. */
  change: logbookPolicy.proposePlace,
  decide: (a: Actor, t: EmployeeTarget) => logbookPolicy.decidePlace(a, t) && !isSelf(a, t),
  /** A place registered by HR for someone else needs no further decision. */
  approvesOnCreate: (a: Actor, t: EmployeeTarget) => logbookPolicy.decidePlace(a, t) && !isSelf(a, t),
  viewProposals: (a: Actor) => hasRole(a, ["hr_admin"]),
};
