import { createHash } from "node:crypto";
import type { Unit } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { listUnits } from "../../org/repository.js";
import {
  type AbsenceKind,
  ageOn,
  type CapSetting,
  type NationalWindow,
  type RosterEmployee,
  type RosterInput,
  type RosterUnit,
  resolveCapPercentages,
} from "../engine/index.js";
import { type VersionInForce, versionsOn } from "../policy/in-force.js";
import type { Rules } from "../policy/schema.js";
import { addDays } from "../week.js";
import * as repo from "./inputs-repository.js";

export interface RosterScope {
  agencyId: string;
  /** Path of the rostered subtree's root; null for the whole agency. */
  scopePath: string | null;
  monday: string;
  /** The week's workdays. */
  dates: string[];
  /** Today in the agency's zone (the end of the "recently not cleared" window). */
  today: string;
}

export interface LoadedInput {
  input: RosterInput;
  policyIds: string[];
  /** sha256 of the input: the same hash, the same roster. */
  hash: string;
  requests: { id: string; employee_id: string; date: string; mode: "WFO" | "WFH"; reason: string }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The cap settings of one policy version for some dates: its caps, and its risk areas as dated levels (a cap for the same unit and day wins). */
function capSettings(rules: Rules, dates: string[]): CapSetting[] {
  const out: CapSetting[] = [];
  const taken = new Set<string>();
  for (const c of rules.caps) {
    if (c.date !== null && !dates.includes(c.date)) continue;
    out.push({ unitId: c.unitId, date: c.date, ...(c.pct !== undefined ? { pct: c.pct } : { level: c.level }) });
    taken.add(`${c.unitId}|${c.date}`);
  }
  for (const date of dates) {
    for (const a of rules.riskAreas) {
      if (a.startsOn > date || (a.endsOn !== null && a.endsOn < date) || taken.has(`${a.unitId}|${date}`)) continue;
      out.push({ unitId: a.unitId, date, level: a.level });
    }
  }
  return out;
}

/** Units ready for the engine: caps and minimums per date from the version in force that day. */
function engineUnits(all: Unit[], rostered: Unit[], dates: string[], versions: Map<string, VersionInForce>, first: Rules): RosterUnit[] {
  const caps: Record<string, Record<string, number>> = {};
  const groups = new Map<VersionInForce, string[]>();
  for (const d of dates) {
    const v = versions.get(d) as VersionInForce;
    groups.set(v, [...(groups.get(v) ?? []), d]);
  }
  for (const [v, groupDates] of groups) {
    const resolved = resolveCapPercentages({
      units: all.map((u) => ({ id: u.id, parentId: u.parent_id })),
      dates: groupDates,
      settings: capSettings(v.rules, groupDates),
      riskLevels: Object.fromEntries(v.rules.riskLevels.map((l) => [l.level, l.pct])),
      fallbackPct: v.rules.defaultCapPct,
    });
    for (const [unitId, perDate] of Object.entries(resolved)) caps[unitId] = { ...caps[unitId], ...perDate };
  }
  const minimums = new Map([...groups.keys()].map((v) => [v, new Map(v.rules.minOnSite.map((m) => [m.unitId, m.count]))]));
  return rostered
    .map((u) => {
      const minOnSiteByDate: Record<string, number> = {};
      for (const d of dates) {
        const v = versions.get(d) as VersionInForce;
        minOnSiteByDate[d] = minimums.get(v)?.get(u.id) ?? v.rules.defaultMinOnSite;
      }
      return {
        id: u.id,
        parentId: u.parent_id,
        name: u.name,
        capPct: first.defaultCapPct,
        capPctByDate: caps[u.id] ?? {},
        minOnSite: first.defaultMinOnSite,
        minOnSiteByDate,
      };
    })
    .sort(byId);
}

function engineWindows(dates: string[], versions: Map<string, VersionInForce>): NationalWindow[] {
  const out: NationalWindow[] = [];
  for (const date of dates) {
    const w = versions.get(date)?.rules.windows.find((x) => x.startsOn <= date && date <= x.endsOn);
    if (w) out.push({ date, name: w.name, capPct: w.capPct, keepMinOnSite: w.keepMinOnSite });
  }
  return out;
}

/**
 * Reads what a week's roster is made of: the policy in force on each day, the
 * active staff of the subtree with their factors (commute counted once
 * verified, unless the policy says otherwise), recent not-cleared health
 * checks, absences already recorded, the office days of the last four
 * published weeks, and the approved requests of the week.
 */
export async function loadRosterInput(db: Db, s: RosterScope): Promise<LoadedInput> {
  const versions = await versionsOn(db, s.agencyId, s.dates);
  const first = (versions.get(s.dates[0]) as VersionInForce).rules;
  const lastDate = s.dates[s.dates.length - 1];
  const pastWeeks = [28, 21, 14, 7].map((n) => addDays(s.monday, -n));
  // The earlier of today and the week's last day (ISO dates sort as strings).
  const healthTo = [s.today, lastDate].sort()[0];
  // "Recent" counts back from the earlier of the week's Monday and today: a roster made weeks ahead still sees this week's checks.
  const healthFrom = addDays([s.monday, healthTo].sort()[0], -first.healthLookbackDays);
  const [units, staff, factorRows, notCleared, absences, history, requests] = await Promise.all([
    listUnits(db, s.agencyId),
    repo.activeEmployees(db, s.agencyId, s.scopePath),
    repo.agencyFactors(db, s.agencyId),
    repo.notClearedBetween(db, s.agencyId, healthFrom, healthTo),
    repo.recordedAbsences(db, s.agencyId, s.dates),
    repo.publishedOfficeDays(db, s.agencyId, pastWeeks),
    repo.approvedRequests(db, s.agencyId, s.dates),
  ]);
  const rostered = s.scopePath ? units.filter((u) => u.path.startsWith(s.scopePath as string)) : units;
  const factors = new Map(factorRows.map((f) => [f.employee_id, f]));
  const absent = new Map<string, Record<string, AbsenceKind>>();
  for (const a of absences) absent.set(a.employee_id, { ...absent.get(a.employee_id), [a.work_date]: a.mode as AbsenceKind });
  const pinByPosition = new Map(first.pinned.filter((p) => p.positionId).map((p) => [p.positionId, p]));
  const pinByEmployee = new Map(first.pinned.filter((p) => p.employeeId).map((p) => [p.employeeId, p]));

  const employees: RosterEmployee[] = staff
    .map((e) => {
      const f = factors.get(e.id);
      const pins = [pinByEmployee.get(e.id), e.position_id ? pinByPosition.get(e.position_id) : undefined];
      const commuteCounts = f?.commute_mode && (f.commute_verified === 1 || !first.requireVerifiedCommute);
      const weeks = history.get(e.id);
      const days = absent.get(e.id);
      return {
        id: e.id,
        unitId: e.unit_id,
        name: e.name,
        echelon: e.echelon,
        essential: pins.some((p) => p?.essential),
        frontDesk: pins.some((p) => p?.frontDesk),
        factors: {
          commute: commuteCounts ? f?.commute_mode : null,
          comorbidity: f?.comorbidity === 1,
          pregnancy: f?.pregnancy === 1,
          caregiving: f?.caregiving === 1,
          healthNotCleared: notCleared.has(e.id),
          age: ageOn(e.birth_date, s.dates[0]),
        },
        ...(days ? { absences: Object.fromEntries(s.dates.filter((d) => days[d]).map((d) => [d, days[d]])) } : {}),
        recentOfficeDays: pastWeeks.map((w) => weeks?.get(w) ?? 0),
      };
    })
    .sort(byId);
  const ids = new Set(employees.map((e) => e.id));

  const input: RosterInput = {
    dates: s.dates,
    units: engineUnits(units, rostered, s.dates, versions, first),
    employees,
    policy: {
      weights: first.weights,
      ageThreshold: first.ageThreshold,
      pinnedEchelons: first.pinnedEchelons,
      capBase: first.capBase,
      historyWeeks: first.historyWeeks,
    },
    windows: engineWindows(s.dates, versions),
    keepApart: first.keepApart.filter((k) => ids.has(k.a) && ids.has(k.b)).map((k) => [k.a, k.b] as const),
  };
  const inWeek = requests.filter((r) => ids.has(r.employee_id));
  const policyIds = [...new Set([...versions.values()].map((v) => v.id).filter((id): id is string => id !== null))];
  return {
    input,
    policyIds,
    hash: createHash("sha256")
      .update(JSON.stringify({ input, requests: inWeek }))
      .digest("hex"),
    requests: inWeek,
  };
}
