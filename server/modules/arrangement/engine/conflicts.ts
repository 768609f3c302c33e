import { dayLimits } from "./caps.js";
import type { CapBase, Conflict, DayRule, IsoDate, RosterCell, RosterRow, UnitDaySummary, WorkMode } from "./types.js";
import { compareStrings } from "./util.js";

export function isAbsence(mode: WorkMode): boolean {
  return mode === "CUTI" || mode === "DL" || mode === "SAKIT";
}

export function emptySummary(unitId: string, unitName: string, date: IsoDate, rule: DayRule): UnitDaySummary {
  return {
    unitId,
    unitName,
    date,
    headcount: 0,
    available: 0,
    absent: 0,
    office: 0,
    home: 0,
    pinnedAvailable: 0,
    pinnedOffice: 0,
    capPct: rule.unitCapPct,
    cap: 0,
    minOnSite: rule.unitMinOnSite,
    window: rule.window?.name ?? null,
    rule,
  };
}

/** Adds (sign 1) or removes (sign -1) one cell from a summary's counts, in place. */
export function tally(summary: UnitDaySummary, mode: WorkMode, pinned: boolean, sign: 1 | -1): void {
  summary.headcount += sign;
  if (isAbsence(mode)) {
    summary.absent += sign;
    return;
  }
  summary.available += sign;
  if (pinned) summary.pinnedAvailable += sign;
  if (mode === "WFO") {
    summary.office += sign;
    if (pinned) summary.pinnedOffice += sign;
  } else {
    summary.home += sign;
  }
}

/** Sets cap and minimum from the day's rule and the current counts, in place. */
export function applyLimits(summary: UnitDaySummary, capBase: CapBase): void {
  const limits = dayLimits(summary.rule, summary, capBase);
  summary.capPct = limits.capPct;
  summary.cap = limits.cap;
  summary.minOnSite = limits.minOnSite;
}

/**
 * Hard-rule conflicts visible in a unit's day counts:
 * - cap_exceeded_by_pinned: pinned staff in the office alone exceed the cap;
 * - cap_exceeded: the office count exceeds both the cap and the pinned count (only after an override);
 * - cap_below_min_on_site: the policy's cap is below its own minimum;
 * - min_on_site_unreachable: fewer staff are available than the minimum;
 * - min_on_site_not_met: fewer are in the office than the minimum, the cap and availability allow
 *   (only after an override or a request).
 * A unit without employees in the roster (e.g. a parent unit whose staff all sit
 * in sub-units) has no service to keep open and reports nothing.
 */
export function summaryConflicts(s: UnitDaySummary): Conflict[] {
  const out: Conflict[] = [];
  if (s.headcount === 0) return out;
  const base = { unitId: s.unitId, date: s.date, employeeId: null };
  if (s.pinnedOffice > s.cap) out.push({ ...base, rule: "cap_exceeded_by_pinned", detail: { pinned: s.pinnedOffice, cap: s.cap, capPct: s.capPct } });
  if (s.office > Math.max(s.cap, s.pinnedOffice)) out.push({ ...base, rule: "cap_exceeded", detail: { office: s.office, cap: s.cap } });
  if (s.minOnSite > s.cap) out.push({ ...base, rule: "cap_below_min_on_site", detail: { cap: s.cap, minOnSite: s.minOnSite, capPct: s.capPct } });
  if (s.available < s.minOnSite) out.push({ ...base, rule: "min_on_site_unreachable", detail: { available: s.available, minOnSite: s.minOnSite } });
  const reachable = Math.min(s.minOnSite, Math.max(s.cap, s.pinnedAvailable), s.available);
  if (s.office < reachable) out.push({ ...base, rule: "min_on_site_not_met", detail: { office: s.office, minOnSite: s.minOnSite } });
  return out;
}

/** A pinned employee who is available but not in the office (only after an override). */
export function pinnedConflict(row: RosterRow, cell: RosterCell): Conflict | null {
  if (row.pinned === null || cell.mode !== "WFH") return null;
  return { unitId: row.unitId, date: cell.date, rule: "pinned_not_in_office", employeeId: row.employeeId, detail: { basis: row.pinned, mode: cell.mode } };
}

export function compareConflicts(a: Conflict, b: Conflict): number {
  return (
    compareStrings(a.unitId, b.unitId) ||
    compareStrings(a.date, b.date) ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.employeeId ?? "", b.employeeId ?? "")
  );
}

export function sameConflict(a: Conflict, b: Conflict): boolean {
  return compareConflicts(a, b) === 0 && JSON.stringify(a.detail) === JSON.stringify(b.detail);
}
