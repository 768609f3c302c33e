import { RosterInputError } from "./errors.js";
import { FACTOR_KEYS, resolvePolicy } from "./priority.js";
import type { AbsenceKind, IsoDate, RosterEmployee, RosterInput, RosterPolicy, RosterUnit } from "./types.js";
import { compareStrings, dayNumber } from "./util.js";

export interface PreparedWindow {
  name: string;
  capPct: number;
  keepMinOnSite: boolean;
}

/** Input checked and put in canonical order, so that input order never changes the result. */
export interface PreparedInput {
  dates: IsoDate[];
  policy: RosterPolicy;
  /** Sorted by id. */
  units: RosterUnit[];
  /** Sorted by id. */
  employees: RosterEmployee[];
  /** Aligned with `dates`. */
  windows: Array<PreparedWindow | null>;
  /** absence[i * dates.length + d]: the absence of employee i on day d, or null. */
  absence: Array<AbsenceKind | null>;
  /** Each pair once, [smaller id, larger id], both employees present; sorted. */
  pairs: Array<[string, string]>;
}

const ABSENCE_KINDS = new Set<string>(["CUTI", "DL", "SAKIT"]);
const COMMUTES = new Set(["KRL", "MRT", "LRT", "BUS"]);
const MAX_ISSUES = 50;

const isPct = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 100;
const isCount = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0;

/**
 * Checks the input and returns it sorted. Keep-apart pairs naming an employee who
 * is not in the input (e.g. outside the unit subtree being rostered) are dropped;
 * absences, caps and windows on dates outside the week are ignored.
 */
export function prepareInput(input: RosterInput): PreparedInput {
  const issues: string[] = [];
  const policy = resolvePolicy(input.policy);

  for (const key of FACTOR_KEYS) {
    const w = policy.weights[key];
    if (!(Number.isFinite(w) && w >= 0)) issues.push(`policy.weights.${key}: must be a finite number ≥ 0`);
  }
  if (!(Number.isFinite(policy.ageThreshold) && policy.ageThreshold >= 0)) issues.push("policy.ageThreshold: must be ≥ 0");
  if (!isCount(policy.pinnedEchelons)) issues.push("policy.pinnedEchelons: must be an integer ≥ 0");
  if (policy.capBase !== "headcount" && policy.capBase !== "available") issues.push("policy.capBase: must be headcount or available");
  if (!(Number.isInteger(policy.historyWeeks) && policy.historyWeeks >= 1 && policy.historyWeeks <= 4)) issues.push("policy.historyWeeks: must be 1..4");

  const dates = [...input.dates].sort(compareStrings);
  for (const [i, d] of dates.entries()) {
    if (dayNumber(d) === null) issues.push(`dates: ${JSON.stringify(d)} is not a YYYY-MM-DD date`);
    if (i > 0 && dates[i - 1] === d) issues.push(`dates: ${d} appears twice`);
  }
  const inWeek = new Set(dates);

  const units = [...input.units].sort((a, b) => compareStrings(a.id, b.id));
  for (const [i, u] of units.entries()) {
    if (i > 0 && units[i - 1].id === u.id) issues.push(`units: id ${u.id} appears twice`);
    if (!isPct(u.capPct)) issues.push(`units[${u.id}].capPct: must be 0..100`);
    if (!isCount(u.minOnSite)) issues.push(`units[${u.id}].minOnSite: must be an integer ≥ 0`);
    for (const d of dates) {
      const pct = u.capPctByDate?.[d];
      if (pct !== undefined && !isPct(pct)) issues.push(`units[${u.id}].capPctByDate[${d}]: must be 0..100`);
      const min = u.minOnSiteByDate?.[d];
      if (min !== undefined && !isCount(min)) issues.push(`units[${u.id}].minOnSiteByDate[${d}]: must be an integer ≥ 0`);
    }
  }
  const unitIds = new Set(units.map((u) => u.id));

  const employees = [...input.employees].sort((a, b) => compareStrings(a.id, b.id));
  const days = dates.length;
  const absence: Array<AbsenceKind | null> = new Array(employees.length * days).fill(null);
  for (let i = 0; i < employees.length; i++) {
    const e = employees[i];
    if (issues.length > MAX_ISSUES) break;
    if (i > 0 && employees[i - 1].id === e.id) issues.push(`employees: id ${e.id} appears twice`);
    if (!unitIds.has(e.unitId)) issues.push(`employees[${e.id}].unitId: unknown unit ${e.unitId}`);
    if (e.echelon !== null && !(Number.isInteger(e.echelon) && e.echelon >= 1)) issues.push(`employees[${e.id}].echelon: must be null or an integer ≥ 1`);
    const f = e.factors;
    if (f?.commute != null && !COMMUTES.has(f.commute)) issues.push(`employees[${e.id}].factors.commute: unknown mode ${f.commute}`);
    if (f?.age != null && !(Number.isFinite(f.age) && f.age >= 0)) issues.push(`employees[${e.id}].factors.age: must be ≥ 0`);
    const absences = e.absences;
    if (absences) {
      for (let d = 0; d < days; d++) {
        const kind = absences[dates[d]];
        if (kind === undefined) continue;
        if (ABSENCE_KINDS.has(kind)) absence[i * days + d] = kind;
        else issues.push(`employees[${e.id}].absences[${dates[d]}]: must be CUTI, DL or SAKIT`);
      }
    }
    for (const n of e.recentOfficeDays ?? []) {
      if (!(Number.isFinite(n) && n >= 0)) issues.push(`employees[${e.id}].recentOfficeDays: counts must be ≥ 0`);
    }
  }
  const employeeIds = new Set(employees.map((e) => e.id));

  const windowByDate = new Map<IsoDate, PreparedWindow>();
  for (const [i, w] of (input.windows ?? []).entries()) {
    if (dayNumber(w.date) === null) issues.push(`windows[${i}].date: not a YYYY-MM-DD date`);
    if (w.capPct !== undefined && !isPct(w.capPct)) issues.push(`windows[${i}].capPct: must be 0..100`);
    if (windowByDate.has(w.date)) issues.push(`windows[${i}]: a second window on ${w.date}`);
    if (inWeek.has(w.date)) windowByDate.set(w.date, { name: w.name, capPct: w.capPct ?? 0, keepMinOnSite: w.keepMinOnSite ?? true });
  }

  if (issues.length > 0) throw new RosterInputError(issues);

  const pairKeys = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const [x, y] of input.keepApart ?? []) {
    if (x === y || !employeeIds.has(x) || !employeeIds.has(y)) continue;
    const pair: [string, string] = x < y ? [x, y] : [y, x];
    const key = `${pair[0]}\u0000${pair[1]}`;
    if (pairKeys.has(key)) continue;
    pairKeys.add(key);
    pairs.push(pair);
  }
  pairs.sort((p, q) => compareStrings(p[0], q[0]) || compareStrings(p[1], q[1]));

  return {
    dates,
    policy,
    units,
    employees,
    windows: dates.map((d) => windowByDate.get(d) ?? null),
    absence,
    pairs,
  };
}
