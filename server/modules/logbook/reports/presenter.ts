import type { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import type { DailyReport } from "../../../db/schema-logbook.js";
import { maskNip } from "../../org/nip.js";
import type { ActivityRow } from "./repository.js";
import type { ActivityDto, DayResults, HistoryItem, ReportDto } from "./schema.js";

export const fileHref = (fileId: string) => `/api/v1/files/${fileId}`;

export function presentActivity(a: ActivityRow): ActivityDto {
  let evidence: ActivityDto["evidence"] = null;
  if (a.evidence_url) evidence = { url: a.evidence_url };
  else if (a.evidence_file_id) {
    evidence = {
      fileId: a.evidence_file_id,
      filename: a.file_name ?? "",
      mime: a.file_mime ?? "application/octet-stream",
      size: Number(a.file_size ?? 0),
      href: fileHref(a.evidence_file_id),
    };
  }
  return {
    ordinal: a.ordinal,
    description: a.description,
    rhk: a.rhk_id ? { id: a.rhk_id, code: a.rhk_code ?? null, title: a.rhk_title ?? "" } : null,
    outputQty: Number(a.output_qty),
    outputUnit: a.output_unit,
    minutes: a.minutes,
    evidence,
  };
}

/** Activity rows grouped by report id. */
export function byReport(rows: ActivityRow[]): Map<string, ActivityRow[]> {
  const out = new Map<string, ActivityRow[]>();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push(r);
    out.set(r.report_id, list);
  }
  return out;
}

export function presentReport(r: DailyReport, activities: ActivityRow[], now: Date): ReportDto {
  const acts = activities.map(presentActivity);
  return {
    id: r.id,
    employeeId: r.employee_id,
    workDate: r.work_date,
    status: r.status,
    revision: r.revision,
    deadlineAt: r.deadline_at,
    submittedAt: r.submitted_at,
    late: r.submitted_at !== null && r.submitted_at > r.deadline_at,
    overdue: r.submitted_at === null && now.toISOString() > r.deadline_at,
    reviewedAt: r.reviewed_at,
    reviewerId: r.reviewer_employee_id,
    reviewComment: r.review_comment,
    totalMinutes: acts.reduce((sum, a) => sum + a.minutes, 0),
    activities: acts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface EventRow {
  action: "submitted" | "resubmitted" | "returned" | "approved";
  comment: string | null;
  snapshot: unknown;
  created_at: string;
  actor_user_id: string | null;
  display_name: string | null;
}

export function presentEvent(e: EventRow): z.infer<typeof HistoryItem> {
  return {
    action: e.action,
    at: e.created_at,
    by: e.actor_user_id ? { userId: e.actor_user_id, name: e.display_name ?? "" } : null,
    comment: e.comment,
    activities: fromJson<ActivityDto[]>(e.snapshot),
  };
}

export interface QueueEmployee {
  id: string;
  name: string;
  nip: string;
  unit_id: string;
  unit_name: string;
}

/** A report in a supervisor's queue: the masked NIP and the day's results, never coordinates or health answers. */
export function presentQueueItem(r: DailyReport, activities: ActivityRow[], e: QueueEmployee, day: z.infer<typeof DayResults>, now: Date) {
  return {
    ...presentReport(r, activities, now),
    employee: { id: e.id, name: e.name, nip: maskNip(e.nip), unit: { id: e.unit_id, name: e.unit_name } },
    day: { checkins: day.checkins.map((c) => ({ kind: c.kind, mode: c.mode, geofence: c.geofence, placeName: c.placeName })), cleared: day.cleared },
  };
}
