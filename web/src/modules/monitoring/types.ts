/** Answers of /api/v1/monitoring, as the web app reads them. */

export const MODES = ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const;
export type Mode = (typeof MODES)[number];

export const REPORT_STATUSES = ["none", "draft", "submitted", "returned", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const GEOFENCES = ["office", "home", "other_place", "outside", "poor_fix", "unavailable"] as const;
export type Geofence = (typeof GEOFENCES)[number];

export interface ScopeUnit {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  depth: number;
}

export interface Scope {
  units: ScopeUnit[];
  root: string;
  can: { healthNames: boolean; exactLocation: boolean };
}

export interface Counts {
  employees: number;
  checkedIn: number;
  notCheckedIn: number;
  late: number;
  checkedOut: number;
  modes: Record<Mode, number>;
  roster: { matched: number; differs: number; unrostered: number };
  health: { filled: number; notFilled: number; notCleared: number };
  reports: Record<ReportStatus, number>;
  office: { present: number; cap: number | null };
}

export interface BoardUnit extends Counts {
  id: string;
  name: string;
  depth: number;
}

export interface Board {
  date: string;
  unit: { id: string; name: string };
  timezone: string;
  generatedAt: string;
  totals: Counts;
  units: BoardUnit[];
}

export interface PersonRow {
  employeeId: string;
  name: string;
  nipMasked: string;
  unitId: string;
  unitName: string;
  phone: string | null;
  checkinAt: string | null;
  checkoutAt: string | null;
  mode: Mode | null;
  expectedMode: Mode | null;
  minutesLate: number | null;
  geofence: Geofence | null;
  /** null: no report for the day. */
  reportStatus: Exclude<ReportStatus, "none"> | null;
  healthCleared: boolean | null;
}

export interface MapPlace {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  radiusM: number | null;
  polygon: [number, number][] | null;
}

export interface MapPoint {
  employeeId: string;
  name: string;
  lat: number;
  lng: number;
  geofence: Geofence;
  mode: Mode;
  at: string;
}

export type ByGeofence = Partial<Record<Geofence, number>>;

export interface MapCluster {
  lat: number;
  lng: number;
  count: number;
  byGeofence: ByGeofence;
}

export interface MapAnswer {
  exact: boolean;
  places: MapPlace[];
  points?: MapPoint[];
  clusters: MapCluster[];
  totals: { byGeofence: ByGeofence };
}

export type Granularity = "day" | "week" | "month";

export interface TrendPoint {
  /** "2026-12-03", "2026-W49" or "2026-12". */
  period: string;
  workdays: number;
  employees: number;
  checkinCompliance: number | null;
  reportCompliance: number | null;
  officeShare: number | null;
  officeCap: number | null;
  healthNotCleared: number;
  reviewBacklog: number;
  medianReviewHours: number | null;
}

export interface Trends {
  from: string;
  to: string;
  granularity: Granularity;
  unit: { id: string; name: string };
  series: TrendPoint[];
  units: { id: string; name: string; depth: number; checkinCompliance: number | null; reportCompliance: number | null; officeShare: number | null }[];
}

export interface RhkActivity {
  from: string;
  to: string;
  unit: { id: string; name: string };
  rhk: { rhkId: string; title: string; activities: number; minutes: number }[];
}

export interface CalendarDay {
  date: string;
  workday: boolean;
  mode: Mode | null;
  expectedMode: Mode | null;
  checkinAt: string | null;
  minutesLate: number | null;
  onTime: boolean | null;
  reportStatus: Exclude<ReportStatus, "none"> | null;
  healthCleared: boolean | null;
}

export interface CalendarTarget {
  id: string;
  code: string | null;
  title: string;
  indicators: { name: string; target?: number | null; unit?: string | null }[];
  /** Activities reported against the target in the period, and their minutes. */
  activities: number;
  minutes: number;
}

export interface EmployeeCalendar {
  employee: { id: string; name: string; unitId: string; unitName: string };
  from: string;
  to: string;
  /** The performance year of the targets, e.g. "2026". */
  period: string;
  days: CalendarDay[];
  targets: CalendarTarget[];
}

export type ExportKind = "people" | "trends" | "weekly";
export type ExportFormat = "xlsx" | "csv" | "pdf";

export interface ExportJob {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  processed: number;
  filename: string | null;
  error: string | null;
}
