import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Agency, agencyArb, inWeek } from "./arbitraries.js";
import { generateRoster, recentOfficeTotal, renderReason, rollHistory } from "./index.js";
import type { Conflict, ConflictRule, Roster, RosterInput, RosterRow } from "./types.js";

const RUNS = { numRuns: 120 };
/** Agencies where many employees are equals (few factors, no history, rare absences): fairness is checked on many groups. */
const MANY_EQUALS = agencyArb({ maxUnits: 4, minEmployees: 4, maxEmployees: 30, factors: "few", history: false, absences: "rare" });

function conflictAt(roster: Roster, unitId: string, date: string, rules: ConflictRule[]): Conflict | undefined {
  return roster.conflicts.find((c) => c.unitId === unitId && c.date === date && rules.includes(c.rule));
}

function rowsOfUnit(roster: Roster, unitId: string): RosterRow[] {
  return roster.rows.filter((r) => r.unitId === unitId);
}

const officeDays = (row: RosterRow) => row.cells.filter((c) => c.mode === "WFO").length;
const availableAllWeek = (row: RosterRow) => row.cells.every((c) => c.mode === "WFO" || c.mode === "WFH");

/** Seeded Fisher–Yates, so that a failing case replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed >>> 0 || 7;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("roster properties over random agencies and policies", () => {
  it("the unit/day counts are the counts of the cells", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        for (const unit of roster.units) {
          const rows = rowsOfUnit(roster, unit.unitId);
          unit.days.forEach((s, d) => {
            const cells = rows.map((r) => r.cells[d]);
            expect(s.headcount).toBe(rows.length);
            expect(s.office).toBe(cells.filter((c) => c.mode === "WFO").length);
            expect(s.home).toBe(cells.filter((c) => c.mode === "WFH").length);
            expect(s.available).toBe(s.office + s.home);
            expect(s.pinnedOffice).toBe(rows.filter((r) => r.pinned !== null && r.cells[d].mode === "WFO").length);
          });
        }
      }),
      RUNS,
    );
  });

  it("caps are never exceeded, except by pinned staff alone, and then a conflict names the unit and day", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        for (const unit of roster.units) {
          for (const s of unit.days) {
            if (s.office <= s.cap) continue;
            expect(s.office).toBe(s.pinnedOffice);
            const c = conflictAt(roster, s.unitId, s.date, ["cap_exceeded_by_pinned"]);
            expect(c?.detail).toEqual({ pinned: s.pinnedOffice, cap: s.cap, capPct: s.capPct });
          }
        }
        // Rules that only overrides can break never appear in a generated roster.
        expect(roster.conflicts.filter((c) => ["cap_exceeded", "min_on_site_not_met", "pinned_not_in_office"].includes(c.rule))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("pinned employees are in the office whenever they are available; absences are kept", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        const byId = new Map(input.employees.map((e) => [e.id, e]));
        for (const row of roster.rows) {
          const e = byId.get(row.employeeId);
          row.cells.forEach((cell, d) => {
            const absence = e?.absences?.[roster.dates[d]];
            if (absence) expect(cell.mode).toBe(absence);
            else if (row.pinned !== null) expect(cell.mode).toBe("WFO");
            else expect(["WFO", "WFH"]).toContain(cell.mode);
          });
        }
      }),
      RUNS,
    );
  });

  it("the minimum on site is met, or a conflict for that unit and day says why (units without staff excepted)", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        for (const unit of roster.units) {
          for (const s of unit.days) {
            if (s.office >= s.minOnSite || s.headcount === 0) continue;
            const c = conflictAt(roster, s.unitId, s.date, ["cap_below_min_on_site", "min_on_site_unreachable"]);
            expect(c).toBeDefined();
            if (c?.rule === "min_on_site_unreachable") expect(c.detail.available).toBeLessThan(s.minOnSite);
            if (c?.rule === "cap_below_min_on_site") expect(c.detail.cap).toBeLessThan(s.minOnSite);
          }
        }
      }),
      RUNS,
    );
  });

  it("office places are filled up to the cap: nobody available is sent home while the quota has room", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        for (const unit of roster.units) for (const s of unit.days) expect(s.office).toBe(Math.min(Math.max(s.cap, s.pinnedAvailable), s.available));
      }),
      RUNS,
    );
  });

  it("a higher WFH priority never means more office days: on any day, a lower-priority colleague is in first", () => {
    fc.assert(
      fc.property(agencyArb(), ({ input }) => {
        const roster = generateRoster(input);
        for (const unit of roster.units) {
          const flex = rowsOfUnit(roster, unit.unitId).filter((r) => r.pinned === null);
          roster.dates.forEach((_, d) => {
            const inOffice = flex.filter((r) => r.cells[d].mode === "WFO");
            if (inOffice.length === 0) return;
            const highest = Math.max(...inOffice.map((r) => r.priority));
            for (const r of flex) {
              if (r.partners.length === 0 && r.priority < highest && r.cells[d].mode === "WFH") {
                throw new Error(`${r.employeeId} (priority ${r.priority}) at home while priority ${highest} is in on day ${d}`);
              }
            }
          });
        }
      }),
      RUNS,
    );
  });

  it("fairness among equals: office days in a week differ by at most one", () => {
    let groupsChecked = 0;
    fc.assert(
      fc.property(fc.oneof(agencyArb(), MANY_EQUALS), ({ input }) => {
        const roster = generateRoster(input);
        const history = new Map(input.employees.map((e) => [e.id, recentOfficeTotal(e.recentOfficeDays, 4)]));
        const groups = new Map<string, number[]>();
        for (const row of roster.rows) {
          if (row.pinned !== null || row.partners.length > 0 || !availableAllWeek(row)) continue;
          const key = `${row.unitId}|${row.priority}|${history.get(row.employeeId)}`;
          groups.set(key, [...(groups.get(key) ?? []), officeDays(row)]);
        }
        for (const days of groups.values()) {
          if (days.length > 1) groupsChecked++;
          expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
    expect(groupsChecked).toBeGreaterThan(50);
  });

  it("rotation over four consecutive weeks (history fed forward): office days of equals differ by at most one", () => {
    let groupsChecked = 0;
    fc.assert(
      fc.property(fc.oneof(agencyArb({ maxUnits: 4, maxEmployees: 30 }), MANY_EQUALS), (agency: Agency) => {
        // Every employee starts with an empty history; each week's office days are fed into the next week.
        let history: Record<string, number[]> = {};
        const total = new Map<string, number>();
        const groupOf = new Map<string, string>();
        const eligible = new Set(agency.input.employees.map((e) => e.id));
        for (let week = 0; week < 4; week++) {
          const roster = generateRoster(inWeek(agency, week, history));
          for (const row of roster.rows) {
            total.set(row.employeeId, (total.get(row.employeeId) ?? 0) + officeDays(row));
            groupOf.set(row.employeeId, `${row.unitId}|${row.priority}`);
            if (row.pinned !== null || row.partners.length > 0 || !availableAllWeek(row)) eligible.delete(row.employeeId);
          }
          history = rollHistory(history, roster, 4);
        }
        const groups = new Map<string, number[]>();
        for (const id of eligible) {
          const key = groupOf.get(id) as string;
          groups.set(key, [...(groups.get(key) ?? []), total.get(id) ?? 0]);
        }
        for (const days of groups.values()) {
          if (days.length > 1) groupsChecked++;
          expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 80 },
    );
    expect(groupsChecked).toBeGreaterThan(30);
  });

  it("is deterministic: the same input twice, and the input in another order, give the identical roster and texts", () => {
    fc.assert(
      fc.property(agencyArb({ maxUnits: 5, maxEmployees: 30 }), fc.integer(), ({ input }, seed) => {
        const a = generateRoster(input);
        const b = generateRoster(structuredClone(input) as RosterInput);
        const mixed: RosterInput = {
          ...input,
          dates: shuffled(input.dates, seed),
          units: shuffled(input.units, seed + 1),
          employees: shuffled(input.employees, seed + 2),
          keepApart: shuffled(input.keepApart ?? [], seed + 3).map(([x, y], i) => (i % 2 === 0 ? ([y, x] as const) : ([x, y] as const))),
        };
        const c = generateRoster(mixed);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        const texts = (r: Roster) => r.rows.flatMap((row) => row.cells.map((cell) => `${renderReason(cell, "id")}|${renderReason(cell, "en")}`));
        expect(texts(c)).toEqual(texts(a));
      }),
      { numRuns: 80 },
    );
  });

  it("every cell has a reason that renders in both languages", () => {
    fc.assert(
      fc.property(agencyArb({ maxUnits: 3, maxEmployees: 20 }), ({ input }) => {
        const roster = generateRoster(input);
        for (const row of roster.rows) {
          for (const cell of row.cells) {
            for (const lang of ["id", "en"] as const) {
              const text = renderReason(cell, lang);
              expect(text.startsWith(`${cell.mode}: `)).toBe(true);
              expect(text).not.toMatch(/undefined|NaN|null/);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
