import type { Insertable } from "kysely";
import { newId } from "../../../db/ids.js";
import type { ReportActivityTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";
import { type FieldError, invalid } from "../../../platform/errors.js";
import { targetsByIds } from "../skp/repository.js";
import { EVIDENCE_PURPOSE, filesMeta } from "./files-repository.js";
import type { ActivityIn } from "./schema.js";

interface Owner {
  employeeId: string;
  userId: string;
  workDate: string;
}

/** What an activity refers to: checked when a draft is saved and again when it is submitted. */
export interface ActivityRefs {
  rhkId: string | null;
  fileId: string | null;
}

export const refsOf = (a: ActivityIn): ActivityRefs => ({ rhkId: a.rhkId, fileId: a.evidence && "fileId" in a.evidence ? a.evidence.fileId : null });

/**
 * Checks what the schema cannot: each RHK is one of the employee's own
 * active targets of the period covering the date, each file is the
 * employee's own evidence upload. Throws 400 naming the activity.
 */
export async function checkActivities(db: Db, owner: Owner, activities: ActivityRefs[]): Promise<void> {
  const period = owner.workDate.slice(0, 4);
  const rhkIds = [...new Set(activities.flatMap((a) => (a.rhkId ? [a.rhkId] : [])))];
  const fileIds = [...new Set(activities.flatMap((a) => (a.fileId ? [a.fileId] : [])))];
  const [targets, files] = await Promise.all([targetsByIds(db, rhkIds), filesMeta(db, fileIds)]);
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const fileById = new Map(files.map((f) => [f.id, f]));
  const errors: FieldError[] = [];
  activities.forEach((a, i) => {
    if (a.rhkId) {
      const t = targetById.get(a.rhkId);
      if (!t || t.employee_id !== owner.employeeId) errors.push({ path: `activities.${i}.rhkId`, message: "not one of your SKP targets" });
      else if (t.period !== period) errors.push({ path: `activities.${i}.rhkId`, message: `the target belongs to period ${t.period}, not ${period}` });
      else if (t.archived === 1) errors.push({ path: `activities.${i}.rhkId`, message: "the target is archived" });
    }
    if (a.fileId) {
      const f = fileById.get(a.fileId);
      if (!f || f.owner_user_id !== owner.userId || f.purpose !== EVIDENCE_PURPOSE) {
        errors.push({ path: `activities.${i}.evidence.fileId`, message: "not one of your uploaded evidence files" });
      }
    }
  });
  if (errors.length) throw invalid(errors, "Some activities refer to targets or files you cannot use");
}

export function activityRows(reportId: string, activities: ActivityIn[]): Insertable<ReportActivityTable>[] {
  return activities.map((a, i) => ({
    id: newId(),
    report_id: reportId,
    ordinal: i + 1,
    description: a.description,
    rhk_id: a.rhkId,
    output_qty: a.outputQty,
    output_unit: a.outputUnit,
    minutes: a.minutes,
    evidence_url: a.evidence && "url" in a.evidence ? a.evidence.url : null,
    evidence_file_id: a.evidence && "fileId" in a.evidence ? a.evidence.fileId : null,
  }));
}
