import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";
import type { ArrangementTables } from "./schema-arrangement.js";
import type { ContentTables } from "./schema-content.js";
import type { LearningTables } from "./schema-learning.js";
import type { LearningAssessmentTables } from "./schema-learning-assessment.js";
import type { LogbookTables } from "./schema-logbook.js";
import type { LrsTables } from "./schema-lrs.js";
import type { MonitoringTables } from "./schema-monitoring.js";

/** 0 or 1: booleans are integers on both engines (see dialect.ts). */
export type Bool = number;
/** JSON column: written as a string, read with fromJson(). */
export type Json = ColumnType<unknown, string, string>;

export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  timezone: string;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  agency_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  timezone: string;
  /** Materialised path of ids, "/root/child/self/": a subtree is `path LIKE prefix%`. */
  path: string;
  depth: number;
  created_at: string;
  updated_at: string;
}

export interface PositionTable {
  id: string;
  agency_id: string;
  unit_id: string;
  name: string;
  kind: "structural" | "functional" | "executor";
  /** 1 = eselon I (highest) .. 4 = eselon IV; null for non-structural positions. */
  echelon: number | null;
  is_head: Bool;
  created_at: string;
  updated_at: string;
}

export interface EmployeeTable {
  id: string;
  agency_id: string;
  unit_id: string;
  position_id: string | null;
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  employment_type: "PNS" | "PPPK";
  status: "active" | "inactive";
  /** Explicit supervisor; null means "derived from the unit tree". */
  supervisor_id: string | null;
  birth_date: string;
  gender: "M" | "F";
  /** First appointment, "YYYY-MM". */
  appointed_on: string;
  created_at: string;
  updated_at: string;
}

export interface ActingAssignmentTable {
  id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  kind: "plt" | "plh";
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  employee_id: string | null;
  email: string | null;
  display_name: string;
  password_hash: string;
  must_change_password: Bool;
  is_operator: Bool;
  is_demo: Bool;
  disabled: Bool;
  locale: string;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export type Role = "hr_admin" | "leader" | "health_officer" | "learning_admin" | "facilitator";

export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: Role;
  agency_id: string;
  /** null: the whole agency; otherwise the unit and everything below it. */
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
  locked_until: string | null;
}

export interface AuditEventTable {
  id: string;
  agency_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  changes: Json;
  ip: string | null;
  request_id: string | null;
  created_at: string;
}

export interface AccessLogTable {
  id: string;
  agency_id: string | null;
  actor_user_id: string | null;
  subject_employee_id: string | null;
  category: string;
  detail: string | null;
  ip: string | null;
  request_id: string | null;
  created_at: string;
}

export interface ImportJobTable {
  id: string;
  agency_id: string;
  created_by: string;
  kind: string;
  filename: string;
  mode: "valid_rows" | "all_or_nothing";
  /** 1: validate and report only, write nothing. */
  dry_run: Bool;
  status: "validating" | "importing" | "done" | "rejected" | "failed";
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  error_count: number;
  errors: Json;
  message: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface SettingTable {
  key: string;
  value: Json;
  updated_at: string;
}

export interface DB extends LogbookTables, ArrangementTables, MonitoringTables, LearningTables, LearningAssessmentTables, LrsTables, ContentTables {
  agencies: AgencyTable;
  units: UnitTable;
  positions: PositionTable;
  employees: EmployeeTable;
  acting_assignments: ActingAssignmentTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  access_log: AccessLogTable;
  import_jobs: ImportJobTable;
  settings: SettingTable;
}

export type Agency = Selectable<AgencyTable>;
export type Unit = Selectable<UnitTable>;
export type Position = Selectable<PositionTable>;
export type Employee = Selectable<EmployeeTable>;
export type NewEmployee = Insertable<EmployeeTable>;
export type EmployeeUpdate = Updateable<EmployeeTable>;
export type User = Selectable<UserTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type ActingAssignment = Selectable<ActingAssignmentTable>;
export type ImportJob = Selectable<ImportJobTable>;
