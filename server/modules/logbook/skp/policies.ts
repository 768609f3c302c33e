import type { Role } from "../../../db/schema.js";
import { type Actor, hasRoleOver, type ScopeTarget } from "../../../platform/actor.js";
import { logbookPolicy } from "../policies.js";

const HR: readonly Role[] = ["hr_admin"];

/** Who may do what with SKP targets: the logbook rules, plus the import (HR only). */
export const skpPolicy = {
  view: logbookPolicy.viewTargets,
  manage: logbookPolicy.manageTargets,
  /** Start an import into the agency: HR admins of any scope inside it. */
  startImport: (a: Actor, agencyId: string) => a.grants.some((g) => HR.includes(g.role) && g.agencyId === agencyId),
  /** Each imported row: the employee must be inside the importer's HR scope. */
  importFor: (a: Actor, t: ScopeTarget) => hasRoleOver(a, HR, t),
};
