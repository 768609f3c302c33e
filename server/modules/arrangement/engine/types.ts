/**
 * Types of the weekly roster engine. The engine is pure: it reads these plain
 * values and returns plain, JSON-serialisable values. Dates are local calendar
 * dates of the unit ("YYYY-MM-DD"); holidays are already removed by the caller.
 */

export type IsoDate = string;

/** Where an employee is on a workday. */
export type WorkMode = "WFO" | "WFH" | "CUTI" | "DL" | "SAKIT";
/** Known absences: leave, official travel (dinas luar), sick leave. */
export type AbsenceKind = "CUTI" | "DL" | "SAKIT";
export type CommuteMode = "KRL" | "MRT" | "LRT" | "BUS";

/** Work-from-home priority factors; each has an HR-set weight. */
export type FactorKey = "krl" | "mrt" | "lrt" | "bus" | "comorbidity" | "pregnancy" | "age" | "caregiving" | "healthNotCleared";
export type PriorityWeights = Readonly<Record<FactorKey, number>>;

/**
 * Denominator of the office cap.
 * - "headcount": every employee of the unit in the roster, absent or not (default).
 *   The cap limits how many people share the unit's office; it is sized for the
 *   whole unit, and staff on leave or travel free space rather than shrink it.
 * - "available": only the staff not absent that day.
 */
export type CapBase = "headcount" | "available";

export interface RosterPolicy {
  weights: PriorityWeights;
  /** Age (years) at or above which the "age" factor applies. */
  ageThreshold: number;
  /** Echelons 1..N are pinned to the office; 0 pins nobody by echelon. */
  pinnedEchelons: number;
  capBase: CapBase;
  /** How many past weeks of `recentOfficeDays` count for rotation (1..4). */
  historyWeeks: number;
}

export interface RosterPolicyInput {
  weights?: Partial<Record<FactorKey, number>>;
  ageThreshold?: number;
  pinnedEchelons?: number;
  capBase?: CapBase;
  historyWeeks?: number;
}

export interface RosterUnit {
  id: string;
  parentId: string | null;
  name: string;
  /** Office cap in percent (0..100) for every day without a `capPctByDate` entry. */
  capPct: number;
  capPctByDate?: Readonly<Record<IsoDate, number>>;
  /** Minimum staff on site per day (pinned staff count towards it). */
  minOnSite: number;
  minOnSiteByDate?: Readonly<Record<IsoDate, number>>;
}

export interface EmployeeFactors {
  commute?: CommuteMode | null;
  comorbidity?: boolean;
  pregnancy?: boolean;
  caregiving?: boolean;
  /** Health self-check not cleared today or recently (the caller decides "recently"). */
  healthNotCleared?: boolean;
  /** Age in whole years during the week (see `ageOn`). */
  age?: number | null;
}

export interface RosterEmployee {
  id: string;
  unitId: string;
  name: string;
  /** 1 = eselon I (highest) .. 4; null for non-structural positions. */
  echelon: number | null;
  essential?: boolean;
  frontDesk?: boolean;
  factors?: EmployeeFactors;
  absences?: Readonly<Record<IsoDate, AbsenceKind>>;
  /** Office days of the last weeks, oldest first (only the last `historyWeeks` count). */
  recentOfficeDays?: readonly number[];
}

/** A day on which everyone who is not pinned works from home, except minimum staff. */
export interface NationalWindow {
  date: IsoDate;
  name: string;
  /** Office cap for non-pinned staff that day in percent; default 0. Never above the unit's cap. */
  capPct?: number;
  /** Keep each unit's minimum on-site staff in the office (default true). */
  keepMinOnSite?: boolean;
}

export interface RosterInput {
  dates: readonly IsoDate[];
  units: readonly RosterUnit[];
  employees: readonly RosterEmployee[];
  policy?: RosterPolicyInput;
  windows?: readonly NationalWindow[];
  /** Staff who share a desk or shift: not both in the office on the same day when avoidable. */
  keepApart?: ReadonlyArray<readonly [string, string]>;
}

export type PinBasis = "echelon" | "essential" | "front_desk";

export interface ReasonParamsByCode {
  absence: { kind: AbsenceKind };
  pinned: { basis: PinBasis; echelon: number | null; pinnedEchelons: number };
  office_rotation: { unitName: string; date: IsoDate; capPct: number; cap: number; priority: number };
  quota_full: { unitName: string; date: IsoDate; capPct: number; cap: number; priority: number; factors: FactorKey[]; ageThreshold: number };
  keep_apart: { partnerId: string; partnerName: string; priority: number; factors: FactorKey[]; ageThreshold: number };
  window_home: { window: string; date: IsoDate };
  window_office: { window: string; date: IsoDate; cap: number; minOnSite: number };
  override: { previous: WorkMode; note: string | null; by: string | null };
  request: { previous: WorkMode; note: string | null; requestId: string | null };
}
export type ReasonCode = keyof ReasonParamsByCode;
export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParamsByCode[C] } }[ReasonCode];

export type CellSource = "generated" | "override" | "request";

export interface RosterCell {
  date: IsoDate;
  mode: WorkMode;
  reason: Reason;
  source: CellSource;
}

export interface RosterRow {
  employeeId: string;
  unitId: string;
  name: string;
  pinned: PinBasis | null;
  echelon: number | null;
  priority: number;
  factors: FactorKey[];
  /** Keep-apart partners present in this roster, sorted. */
  partners: string[];
  /** One cell per roster date, in date order. */
  cells: RosterCell[];
}

/** What the unit's cap and minimum were derived from on a day (needed to recompute after a change). */
export interface DayRule {
  unitCapPct: number;
  unitMinOnSite: number;
  window: { name: string; capPct: number; keepMinOnSite: boolean } | null;
}

export interface UnitDaySummary {
  unitId: string;
  unitName: string;
  date: IsoDate;
  headcount: number;
  available: number;
  absent: number;
  office: number;
  home: number;
  pinnedAvailable: number;
  pinnedOffice: number;
  /** Effective cap in percent (a window lowers it). */
  capPct: number;
  /** Cap in people: floor(capPct × base), widened on window days for pinned and minimum staff. */
  cap: number;
  minOnSite: number;
  window: string | null;
  rule: DayRule;
}

export interface ConflictDetails {
  cap_exceeded_by_pinned: { pinned: number; cap: number; capPct: number };
  cap_below_min_on_site: { cap: number; minOnSite: number; capPct: number };
  min_on_site_unreachable: { available: number; minOnSite: number };
  cap_exceeded: { office: number; cap: number };
  min_on_site_not_met: { office: number; minOnSite: number };
  pinned_not_in_office: { basis: PinBasis; mode: WorkMode };
  employee_absent: { kind: AbsenceKind };
  cell_overridden: { mode: WorkMode };
}
export type ConflictRule = keyof ConflictDetails;
export type Conflict = {
  [R in ConflictRule]: { unitId: string; date: IsoDate; rule: R; employeeId: string | null; detail: ConflictDetails[R] };
}[ConflictRule];

export interface KeepApartCollision {
  date: IsoDate;
  a: string;
  b: string;
}

export interface Roster {
  version: 1;
  dates: IsoDate[];
  settings: { capBase: CapBase; pinnedEchelons: number; ageThreshold: number };
  /** Sorted by employeeId. */
  rows: RosterRow[];
  /** Sorted by unitId; one summary per roster date. */
  units: Array<{ unitId: string; unitName: string; days: UnitDaySummary[] }>;
  /** Sorted by unitId, date, rule, employeeId. */
  conflicts: Conflict[];
  /** Soft rule: keep-apart pairs who are both in the office on a day. Sorted by date, a, b. */
  collisions: KeepApartCollision[];
}

export type Lang = "id" | "en";
