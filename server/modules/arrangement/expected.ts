import { fromJson } from "../../db/dialect.js";
import type { Db } from "../../platform/context.js";
import type { WorkMode } from "./engine/index.js";
import { publishedModesOf } from "./roster/repository.js";
import { decodeMode, mondayOf } from "./week.js";

/** The mode the published roster in force expects of an employee on a date; null without a published roster for that day. */
export async function publishedModeOn(db: Db, employeeId: string, date: string): Promise<WorkMode | null> {
  const row = await publishedModesOf(db, employeeId, mondayOf(date));
  if (!row) return null;
  const index = fromJson<string[]>(row.dates).indexOf(date);
  return index < 0 ? null : decodeMode(row.modes.charAt(index));
}
