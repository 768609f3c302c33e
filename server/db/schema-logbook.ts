import type { Selectable } from "kysely";
import type { Bool, Json } from "./schema.js";

export type WorkMode = "WFO" | "WFH" | "DL" | "CUTI" | "SAKIT";
/** Where a check-in was, as the server judged it. */
export type Geofence = "office" | "home" | "other_place" | "outside" | "poor_fix" | "unavailable";

export interface PlaceTable {
  id: string;
  agency_id: string;
  /** Offices: the unit they serve (null = the whole agency). */
  unit_id: string | null;
  /** Home and other places: the employee they belong to. */
  employee_id: string | null;
  kind: "office" | "home" | "other";
  name: string;
  lat: number;
  lng: number;
  /** Circle radius in metres; null when `polygon` is set. */
  radius_m: number | null;
  /** [[lat, lng], …] ring; null for circles. */
  polygon: Json | null;
  status: "pending" | "approved" | "rejected";
  decided_by: string | null;
  decided_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckinTable {
  id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  /** The day in the unit's time zone. */
  work_date: string;
  kind: "in" | "out";
  mode: WorkMode;
  expected_mode: WorkMode | null;
  server_time: string;
  device_time: string | null;
  /** Exact position: purged after the retention period (coords_purged_at set). */
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
  /** The browser's reason when no position was given (denied, unavailable, timeout). */
  position_error: string | null;
  geofence: Geofence;
  place_id: string | null;
  place_name: string | null;
  distance_m: number | null;
  /** Minutes late (in) or early (out) against the unit's working hours; 0 when on time. */
  minutes_off: number | null;
  coords_purged_at: string | null;
  note: string | null;
  created_at: string;
}

export interface HealthFormTable {
  id: string;
  agency_id: string;
  version: number;
  questions: Json;
  rule: Json;
  created_by: string | null;
  created_at: string;
}

export interface HealthCheckTable {
  id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  work_date: string;
  form_id: string;
  /** The answers: specific personal data, purged after retention (answers_purged_at set). */
  answers: Json | null;
  cleared: Bool;
  /** Derived reasons (rule ids) kept after the answers are purged. */
  reasons: Json;
  answers_purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SkpTargetTable {
  id: string;
  agency_id: string;
  employee_id: string;
  /** SKP period, e.g. "2026". */
  period: string;
  code: string | null;
  title: string;
  /** [{ name, target, unit }] */
  indicators: Json;
  archived: Bool;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FileTable {
  id: string;
  agency_id: string;
  owner_user_id: string;
  purpose: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export type ReportStatus = "draft" | "submitted" | "returned" | "approved";

export interface DailyReportTable {
  id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  work_date: string;
  status: ReportStatus;
  deadline_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewer_employee_id: string | null;
  review_comment: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface ReportActivityTable {
  id: string;
  report_id: string;
  ordinal: number;
  description: string;
  rhk_id: string | null;
  output_qty: number;
  output_unit: string;
  minutes: number;
  evidence_url: string | null;
  evidence_file_id: string | null;
}

export interface ReportEventTable {
  id: string;
  report_id: string;
  actor_user_id: string | null;
  action: "submitted" | "returned" | "approved" | "resubmitted";
  comment: string | null;
  /** The report's activities as they were at this step. */
  snapshot: Json;
  created_at: string;
}

export interface CalendarDayTable {
  id: string;
  date: string;
  kind: "holiday" | "cuti_bersama";
  name_id: string;
  name_en: string;
  legal_basis: string;
  /** Which shipped or edited dataset the row comes from, e.g. "skb-2026-v1" or "operator". */
  dataset: string;
  created_at: string;
  updated_at: string;
}

export interface CalendarPeriodTable {
  id: string;
  kind: "ramadan";
  starts_on: string;
  ends_on: string;
  name_id: string;
  name_en: string;
  legal_basis: string;
  dataset: string;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  body_hash: string;
  status_code: number;
  response: Json;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  agency_id: string | null;
  kind: string;
  params: Json;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

/** One row per recurring job: the lease makes one instance run it at a time. */
export interface JobLeaseTable {
  name: string;
  locked_until: string;
  holder: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_result: Json | null;
}

export interface LogbookTables {
  job_leases: JobLeaseTable;
  places: PlaceTable;
  checkins: CheckinTable;
  health_forms: HealthFormTable;
  health_checks: HealthCheckTable;
  skp_targets: SkpTargetTable;
  files: FileTable;
  daily_reports: DailyReportTable;
  report_activities: ReportActivityTable;
  report_events: ReportEventTable;
  calendar_days: CalendarDayTable;
  calendar_periods: CalendarPeriodTable;
  idempotency_keys: IdempotencyKeyTable;
  notifications: NotificationTable;
}

export type Place = Selectable<PlaceTable>;
export type Checkin = Selectable<CheckinTable>;
export type HealthCheck = Selectable<HealthCheckTable>;
export type DailyReport = Selectable<DailyReportTable>;
export type SkpTarget = Selectable<SkpTargetTable>;
