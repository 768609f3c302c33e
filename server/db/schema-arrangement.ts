import type { Selectable } from "kysely";
import type { Bool, Json } from "./schema.js";

export type CommuteMode = "KRL" | "MRT" | "LRT" | "BUS";
export type RosterStatus = "generating" | "draft" | "published" | "superseded" | "failed";
export type RequestStatus = "pending" | "approved" | "declined" | "cancelled";
/** What an approved request did to the roster in force. */
export type RequestOutcome = "applied" | "conflict" | "awaiting_roster";

/**
 * One version of an agency's work-arrangement policy. The version in force on a
 * date is the one with the latest `effective_from` on or before it.
 */
export interface ArrangementPolicyTable {
  id: string;
  agency_id: string;
  effective_from: string;
  legal_basis: string;
  note: string | null;
  /** The rule set (caps, risk levels, weights, pinned roles, minimums, windows, keep-apart pairs): see arrangement/policy/schema.ts. */
  rules: Json;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Work-from-home factors an employee declares about themself; comorbidity and pregnancy are specific personal data. */
export interface ArrangementFactorTable {
  employee_id: string;
  agency_id: string;
  commute_mode: CommuteMode | null;
  commute_verified: Bool;
  commute_verified_by: string | null;
  commute_verified_at: string | null;
  comorbidity: Bool;
  pregnancy: Bool;
  caregiving: Bool;
  created_at: string;
  updated_at: string;
}

/** A week's roster for a unit subtree (or the whole agency): its state, its generation progress, what it was made from. */
export interface RosterTable {
  id: string;
  agency_id: string;
  /** Root of the rostered subtree; null for the whole agency. */
  unit_id: string | null;
  /** Monday of the week. */
  week_start: string;
  /** The workdays of the week (holidays removed), as rostered. */
  dates: Json;
  status: RosterStatus;
  total_count: number;
  processed_count: number;
  conflict_count: number;
  /** The engine's settings (cap base, pinned echelons, age threshold). */
  settings: Json | null;
  /** Keep-apart pairs both in the office on a day. */
  collisions: Json;
  /** Ids of the policy versions in force on the week's days. */
  policy_ids: Json;
  /** sha256 of the engine input: the same hash means the same roster. */
  input_hash: string | null;
  message: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  generated_at: string | null;
  published_by: string | null;
  published_at: string | null;
}

/** One employee's week in a roster. */
export interface RosterRowTable {
  roster_id: string;
  employee_id: string;
  unit_id: string;
  week_start: string;
  name: string;
  pinned: string | null;
  echelon: number | null;
  priority: number;
  factors: Json;
  partners: Json;
  /** One letter per roster date (O WFO, H WFH, C CUTI, D DL, S SAKIT): filters and the expected mode read it. */
  modes: string;
  office_days: number;
  /** The engine's cells (mode, reason, source) as JSON text on both engines: written and read whole, never queried into. */
  cells: string;
}

/** One unit's day summaries (headcount, office, cap …) in a roster, as JSON text. */
export interface RosterUnitTable {
  roster_id: string;
  unit_id: string;
  unit_name: string;
  days: string;
}

/**
 * A hard-rule conflict: `roster` ones are read from a roster's cells and
 * replaced whenever its cells change; `request` ones say why an approved
 * request could not be applied, and stay open until HR resolves them.
 */
export interface RosterConflictTable {
  id: string;
  roster_id: string;
  agency_id: string;
  unit_id: string;
  date: string;
  rule: string;
  employee_id: string | null;
  detail: Json;
  source: "roster" | "request";
  request_id: string | null;
  status: "open" | "resolved";
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

/** An employee's request to work from home or at the office on a date. */
export interface ArrangementRequestTable {
  id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  date: string;
  mode: "WFO" | "WFH";
  reason: string;
  status: RequestStatus;
  outcome: RequestOutcome | null;
  roster_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArrangementTables {
  arrangement_policies: ArrangementPolicyTable;
  arrangement_factors: ArrangementFactorTable;
  rosters: RosterTable;
  roster_rows: RosterRowTable;
  roster_units: RosterUnitTable;
  roster_conflicts: RosterConflictTable;
  arrangement_requests: ArrangementRequestTable;
}

export type ArrangementPolicy = Selectable<ArrangementPolicyTable>;
export type ArrangementFactor = Selectable<ArrangementFactorTable>;
export type RosterRecord = Selectable<RosterTable>;
export type RosterRowRecord = Selectable<RosterRowTable>;
export type RosterConflictRecord = Selectable<RosterConflictTable>;
export type ArrangementRequest = Selectable<ArrangementRequestTable>;
