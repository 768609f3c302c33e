export const MODES = ["WFO", "WFH", "CUTI", "DL", "SAKIT"] as const;
export type Mode = (typeof MODES)[number];
export type RosterStatus = "generating" | "draft" | "published" | "superseded" | "failed";

export interface Roster {
  id: string;
  week: string;
  dates: string[];
  unit: { id: string; name: string } | null;
  status: RosterStatus;
  totalCount: number;
  processedCount: number;
  conflictCount: number;
  message: string | null;
  publishedAt: string | null;
}

export interface Cell {
  date: string;
  mode: Mode;
  source: "generated" | "override" | "request";
  reasonCode: string;
  reason: string;
}

export interface GridRow {
  employeeId: string;
  name: string;
  unitId: string;
  pinned: "echelon" | "essential" | "front_desk" | null;
  priority: number;
  factors: string[];
  cells: Cell[];
}

export interface UnitDay {
  date: string;
  headcount: number;
  office: number;
  home: number;
  cap: number;
  capPct: number;
  window: string | null;
}

export interface GridUnit {
  unitId: string;
  unitName: string;
  depth: number;
  days: UnitDay[];
}

export interface Conflict {
  id: string;
  unitName: string;
  date: string;
  rule: string;
  text: string;
  status: "open" | "resolved";
}

export interface Grid {
  roster: Roster;
  units: GridUnit[];
  rows: GridRow[];
  total: number;
  page: number;
  pageSize: number;
  conflicts: Conflict[];
}

export interface GridFilter {
  unitId?: string;
  mode?: Mode;
  date?: string;
  q?: string;
  page: number;
}

export interface WeekDay {
  date: string;
  workday: boolean;
  dayOff: { nameId: string; nameEn: string } | null;
  cell: Cell | null;
}

export interface Week {
  employeeId: string;
  name: string;
  week: string;
  rosterId: string | null;
  publishedAt: string | null;
  days: WeekDay[];
}

export type RequestStatus = "pending" | "approved" | "declined" | "cancelled";
export type RequestOutcome = "applied" | "conflict" | "awaiting_roster";

export interface ModeRequest {
  id: string;
  employee: { id: string; name: string };
  unit: { id: string; name: string };
  date: string;
  mode: "WFO" | "WFH";
  reason: string;
  status: RequestStatus;
  outcome: RequestOutcome | null;
  decidedBy: { id: string; name: string } | null;
  comment: string | null;
  canDecide: boolean;
}

export interface RequestInput {
  date: string;
  mode: "WFO" | "WFH";
  reason: string;
}
