import type { Role } from "../../../db/schema.js";
import { type Actor, hasAgencyWideRole, hasRole } from "../../../platform/actor.js";
import { orgPolicy } from "../../org/policies.js";
import { logbookPolicy } from "../policies.js";

/** Roles that see how many people of their scope are cleared (no names, no answers). */
export const HEALTH_COUNT_ROLES: readonly Role[] = ["hr_admin", "leader", "health_officer"];
/** Roles that see the not-cleared cases with their answers. */
export const HEALTH_CASE_ROLES: readonly Role[] = ["health_officer"];

/**
 * The health self-check, declared once. Per-person rules come from the
 * logbook policy: the person fills their own; answers for the person and
 * health officers in scope; date + cleared for everyone who may view the day.
 */
export const healthPolicy = {
  submit: logbookPolicy.writeOwn,
  viewDays: logbookPolicy.viewDay,
  viewAnswers: logbookPolicy.viewHealthAnswers,
  /** The questionnaire is not personal data: anyone of the agency may read every version. */
  viewForms: (a: Actor, agencyId: string) => orgPolicy.viewStructure(a, agencyId),
  /** A new version applies to the whole agency, so only agency-wide HR admins or health officers publish it. */
  publishForm: (a: Actor, agencyId: string) => hasAgencyWideRole(a, ["hr_admin", "health_officer"], agencyId),
  viewCases: (a: Actor) => hasRole(a, HEALTH_CASE_ROLES),
  viewCounts: (a: Actor) => hasRole(a, HEALTH_COUNT_ROLES),
};
