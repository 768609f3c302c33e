import type { WorkMode } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

export interface RosterSubject {
  id: string;
  agencyId: string;
  unitId: string;
}

/**
 * The work mode the roster expects of an employee on a day. The arrangement
 * module (rosters) replaces this body; until it exists nothing is expected and
 * check-ins store `expected_mode` null.
 */
export async function expectedModeFor(_employee: RosterSubject, _date: string, _db?: Db): Promise<WorkMode | null> {
  return null;
}
