import type { WorkMode } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";
import { publishedModeOn } from "../../arrangement/expected.js";

export interface RosterSubject {
  id: string;
  agencyId: string;
  unitId: string;
}

/**
 * The work mode the published roster expects of an employee on a day (the
 * latest published roster of that week holding them), or null when no
 * published roster covers the day. Stored on each check-in as `expected_mode`.
 */
export async function expectedModeFor(employee: RosterSubject, date: string, db?: Db): Promise<WorkMode | null> {
  if (!db) return null;
  return publishedModeOn(db, employee.id, date);
}
