import { applyLimits, compareConflicts, emptySummary, summaryConflicts, tally } from "./conflicts.js";
import { pinBasisOf, priorityOf, recentOfficeTotal } from "./priority.js";
import type { Conflict, DayRule, FactorKey, KeepApartCollision, PinBasis, Reason, Roster, RosterCell, RosterRow, UnitDaySummary } from "./types.js";
import { findSorted, hashString } from "./util.js";
import type { PreparedInput, PreparedWindow } from "./validate.js";

const NO_PARTNERS: number[] = [];

/** Per-employee working state, indexed like `PreparedInput.employees` (sorted by id). */
interface State {
  input: PreparedInput;
  days: number;
  pinned: Array<PinBasis | null>;
  priority: Float64Array;
  factors: FactorKey[][];
  /** Office days: recent history plus this week so far. */
  count: Float64Array;
  tie: Uint32Array;
  partners: number[][];
  /** inOffice[i * days + d] = 1 once employee i is placed in the office on day d. */
  inOffice: Uint8Array;
  cells: RosterCell[][];
  /** Scratch marks for one unit-day selection. */
  mark: Int32Array;
  stamp: number;
}

const MARK_CHOSEN = 1;
const MARK_DEFERRED = 2;

/**
 * Builds the roster from checked, sorted input. For each unit and day: absences
 * first, then pinned staff (hard rule, even beyond the cap), then the remaining
 * office places (cap − pinned) go to available staff in this order: lowest WFH
 * priority first, then fewest office days (history + this week), then a tie
 * value hashed from the week and the employee id. Keep-apart partners are
 * deferred within the same priority and only placed when that priority group
 * cannot fill the places otherwise.
 */
export function buildRoster(input: PreparedInput): Roster {
  const st = initState(input);
  const unitsOut: Roster["units"] = [];
  const conflicts: Conflict[] = [];
  const byUnit = new Map<string, number[]>();
  input.employees.forEach((e, i) => {
    const list = byUnit.get(e.unitId);
    if (list) list.push(i);
    else byUnit.set(e.unitId, [i]);
  });

  for (const unit of input.units) {
    const members = byUnit.get(unit.id) ?? NO_PARTNERS;
    const days: UnitDaySummary[] = [];
    for (let d = 0; d < st.days; d++) {
      const date = input.dates[d];
      const rule: DayRule = {
        unitCapPct: unit.capPctByDate?.[date] ?? unit.capPct,
        unitMinOnSite: unit.minOnSiteByDate?.[date] ?? unit.minOnSite,
        window: input.windows[d],
      };
      const summary = placeDay(st, unit.name, members, d, emptySummary(unit.id, unit.name, date, rule));
      days.push(summary);
      for (const c of summaryConflicts(summary)) conflicts.push(c);
    }
    unitsOut.push({ unitId: unit.id, unitName: unit.name, days });
  }

  const rows: RosterRow[] = input.employees.map((e, i) => ({
    employeeId: e.id,
    unitId: e.unitId,
    name: e.name,
    pinned: st.pinned[i],
    echelon: e.echelon,
    priority: st.priority[i],
    factors: st.factors[i],
    partners: st.partners[i].map((j) => input.employees[j].id),
    cells: st.cells[i],
  }));

  return {
    version: 1,
    dates: input.dates,
    settings: { capBase: input.policy.capBase, pinnedEchelons: input.policy.pinnedEchelons, ageThreshold: input.policy.ageThreshold },
    rows,
    units: unitsOut,
    conflicts: conflicts.sort(compareConflicts),
    collisions: collisionsOf(st),
  };
}

function initState(input: PreparedInput): State {
  const n = input.employees.length;
  const days = input.dates.length;
  const weekKey = input.dates[0] ?? "";
  const index = new Map<string, number>();
  for (const [i, e] of input.employees.entries()) index.set(e.id, i);
  const st: State = {
    input,
    days,
    pinned: new Array(n),
    priority: new Float64Array(n),
    factors: new Array(n),
    count: new Float64Array(n),
    tie: new Uint32Array(n),
    partners: new Array(n).fill(NO_PARTNERS),
    inOffice: new Uint8Array(n * days),
    cells: new Array(n),
    mark: new Int32Array(n),
    stamp: 0,
  };
  input.employees.forEach((e, i) => {
    const p = priorityOf(e, input.policy);
    st.pinned[i] = pinBasisOf(e, input.policy.pinnedEchelons);
    st.priority[i] = p.score;
    st.factors[i] = p.factors;
    st.count[i] = recentOfficeTotal(e.recentOfficeDays, input.policy.historyWeeks);
    st.tie[i] = hashString(`${weekKey}|${e.id}`);
    st.cells[i] = new Array(days);
  });
  for (const [a, b] of input.pairs) {
    const i = index.get(a) as number;
    const j = index.get(b) as number;
    if (st.partners[i] === NO_PARTNERS) st.partners[i] = [];
    if (st.partners[j] === NO_PARTNERS) st.partners[j] = [];
    st.partners[i].push(j);
    st.partners[j].push(i);
  }
  for (let i = 0; i < n; i++) if (st.partners[i].length > 1) st.partners[i].sort((x, y) => x - y);
  return st;
}

function partnerInOffice(st: State, i: number, d: number): number {
  for (const j of st.partners[i]) if (st.inOffice[j * st.days + d] === 1) return j;
  return -1;
}

function placeDay(st: State, unitName: string, members: readonly number[], d: number, summary: UnitDaySummary): UnitDaySummary {
  const { input } = st;
  const date = input.dates[d];
  const candidates: number[] = [];
  for (const i of members) {
    const e = input.employees[i];
    const kind = input.absence[i * st.days + d];
    const basis = st.pinned[i];
    if (kind !== null) {
      st.cells[i][d] = { date, mode: kind, reason: { code: "absence", params: { kind } }, source: "generated" };
      tally(summary, kind, basis !== null, 1);
    } else if (basis !== null) {
      st.inOffice[i * st.days + d] = 1;
      st.count[i] += 1;
      const reason: Reason = { code: "pinned", params: { basis, echelon: e.echelon, pinnedEchelons: input.policy.pinnedEchelons } };
      st.cells[i][d] = { date, mode: "WFO", reason, source: "generated" };
      tally(summary, "WFO", true, 1);
    } else {
      candidates.push(i);
      // Counted as available now; moved to the office below if chosen.
      tally(summary, "WFH", false, 1);
    }
  }

  // Cap and minimum depend on the day's counts (headcount or available; pinned staff on window days),
  // none of which change with who among the candidates is chosen.
  applyLimits(summary, input.policy.capBase);
  const take = Math.min(Math.max(0, summary.cap - summary.pinnedAvailable), candidates.length);

  const { priority, count, tie } = st;
  candidates.sort((a, b) => priority[a] - priority[b] || count[a] - count[b] || tie[a] - tie[b] || a - b);
  const stamp = ++st.stamp * 4;
  selectOffice(st, candidates, take, d, stamp);

  const win = input.windows[d];
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k];
    const chosen = st.mark[i] === stamp + MARK_CHOSEN;
    if (chosen) {
      tally(summary, "WFH", false, -1);
      tally(summary, "WFO", false, 1);
      st.count[i] += 1;
    }
  }
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k];
    const chosen = st.mark[i] === stamp + MARK_CHOSEN;
    const reason = flexReason(st, i, d, { inQuotaOrder: k < take, chosen, deferred: st.mark[i] === stamp + MARK_DEFERRED }, unitName, summary, win);
    st.cells[i][d] = { date, mode: chosen ? "WFO" : "WFH", reason, source: "generated" };
  }
  return summary;
}

function selectOffice(st: State, candidates: readonly number[], take: number, d: number, stamp: number): void {
  let remaining = take;
  let deferred: number[] = [];
  let group = Number.NaN;
  const choose = (i: number) => {
    st.mark[i] = stamp + MARK_CHOSEN;
    st.inOffice[i * st.days + d] = 1;
    remaining--;
  };
  const flush = () => {
    for (const i of deferred) {
      if (remaining === 0) break;
      choose(i);
    }
    deferred = [];
  };
  for (const i of candidates) {
    if (remaining === 0) break;
    if (st.priority[i] !== group) {
      flush();
      if (remaining === 0) break;
      group = st.priority[i];
    }
    if (st.partners[i].length > 0 && partnerInOffice(st, i, d) >= 0) {
      st.mark[i] = stamp + MARK_DEFERRED;
      deferred.push(i);
      continue;
    }
    choose(i);
  }
  flush();
}

function flexReason(
  st: State,
  i: number,
  d: number,
  how: { inQuotaOrder: boolean; chosen: boolean; deferred: boolean },
  unitName: string,
  s: UnitDaySummary,
  win: PreparedWindow | null,
): Reason {
  const priority = st.priority[i];
  const ageThreshold = st.input.policy.ageThreshold;
  const { chosen } = how;
  if (!chosen && how.inQuotaOrder && how.deferred) {
    const j = partnerInOffice(st, i, d);
    if (j >= 0) {
      const partner = st.input.employees[j];
      return { code: "keep_apart", params: { partnerId: partner.id, partnerName: partner.name, priority, factors: st.factors[i], ageThreshold } };
    }
  }
  if (win !== null) {
    if (chosen) return { code: "window_office", params: { window: win.name, date: s.date, cap: s.cap, minOnSite: s.minOnSite } };
    return { code: "window_home", params: { window: win.name, date: s.date } };
  }
  if (chosen) return { code: "office_rotation", params: { unitName, date: s.date, capPct: s.capPct, cap: s.cap, priority } };
  return { code: "quota_full", params: { unitName, date: s.date, capPct: s.capPct, cap: s.cap, priority, factors: st.factors[i], ageThreshold } };
}

function collisionsOf(st: State): KeepApartCollision[] {
  const out: KeepApartCollision[] = [];
  const employees = st.input.employees;
  const byId = (e: { id: string }) => e.id;
  const pairs = st.input.pairs.map(([a, b]) => [findSorted(employees, a, byId), findSorted(employees, b, byId)]);
  for (let d = 0; d < st.days; d++) {
    for (const [i, j] of pairs) {
      if (st.inOffice[i * st.days + d] === 1 && st.inOffice[j * st.days + d] === 1) {
        out.push({ date: st.input.dates[d], a: employees[i].id, b: employees[j].id });
      }
    }
  }
  return out;
}
