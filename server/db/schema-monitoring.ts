import type { Selectable } from "kysely";
import type { Json } from "./schema.js";

/**
 * One row per unit and day: counts of the unit's own staff (not its subtree).
 * Activity counts follow the unit recorded on the check-in, health check or
 * report; `employees` is the unit's active headcount when the row was computed.
 */
export interface MonitoringUnitDayTable {
  unit_id: string;
  agency_id: string;
  work_date: string;
  employees: number;
  /** Check-ins ("in") of the day, and those with minutes_off > 0. */
  checked_in: number;
  late: number;
  wfo: number;
  wfh: number;
  dl: number;
  cuti: number;
  sakit: number;
  health_filled: number;
  health_not_cleared: number;
  /** Reports of the day submitted or approved; approved; returned. */
  reports_submitted: number;
  reports_approved: number;
  reports_returned: number;
  /** Review queue flow on this day (local date of the report events): submissions in, returns and approvals out. */
  review_in: number;
  review_out: number;
  /** Reports of the day with a review; rd_0..rd_10 their review delays as a histogram (see rollup/histogram.ts). */
  reviewed: number;
  rd_0: number;
  rd_1: number;
  rd_2: number;
  rd_3: number;
  rd_4: number;
  rd_5: number;
  rd_6: number;
  rd_7: number;
  rd_8: number;
  rd_9: number;
  rd_10: number;
  refreshed_at: string;
}

/** The refresh job's watermark: changes after it are not yet in the rollup. */
export interface MonitoringRollupStateTable {
  name: string;
  watermark: string;
  last_result: Json | null;
  updated_at: string;
}

export type ExportKind = "people" | "trends" | "weekly";
export type ExportFormat = "csv" | "xlsx" | "pdf";
export type ExportStatus = "queued" | "running" | "done" | "failed";

export interface MonitoringExportTable {
  id: string;
  agency_id: string;
  created_by: string;
  kind: ExportKind;
  format: ExportFormat;
  params: Json;
  status: ExportStatus;
  total: number;
  processed: number;
  filename: string | null;
  error: string | null;
  file_id: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface MonitoringTables {
  monitoring_unit_days: MonitoringUnitDayTable;
  monitoring_rollup_state: MonitoringRollupStateTable;
  monitoring_exports: MonitoringExportTable;
}

export type MonitoringUnitDay = Selectable<MonitoringUnitDayTable>;
export type MonitoringExport = Selectable<MonitoringExportTable>;
