import { type Actor, hasAgencyWideRole } from "../../../platform/actor.js";
import { HR, orgPolicy } from "../policies.js";

export interface JobTarget {
  agencyId: string;
  createdBy: string;
}

/**
 * Who may import employees and see import jobs, declared once. Starting an
 * import takes an HR grant in the agency; each row is then checked against the
 * importer's HR scope. A job report lists rows of the whole file, so agency-wide
 * HR admins see every job of the agency and unit-scoped ones only their own.
 */
export const importPolicy = {
  start: (a: Actor, agencyId: string) => orgPolicy.importEmployees(a, agencyId),
  writeUnit: (a: Actor, agencyId: string, unitPath: string) => orgPolicy.manageEmployee(a, { agencyId, unitPath }),
  seeAllJobs: (a: Actor, agencyId: string) => hasAgencyWideRole(a, HR, agencyId),
  viewJob: (a: Actor, job: JobTarget) => hasAgencyWideRole(a, HR, job.agencyId) || (orgPolicy.importEmployees(a, job.agencyId) && job.createdBy === a.userId),
};
