import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agencyArb, weekDates } from "./arbitraries.js";
import { applyLimits, compareConflicts, emptySummary, pinnedConflict, summaryConflicts, tally } from "./conflicts.js";
import { applyOverride, applyRequest, generateRoster, RosterInputError, renderReason } from "./index.js";
import type { Conflict, KeepApartCollision, Roster, RosterEmployee, RosterInput, WorkMode } from "./types.js";

const WEEK = weekDates(0);
const MON = WEEK[0];

const emp = (id: string, extra: Partial<RosterEmployee> = {}): RosterEmployee => ({ id, unitId: "x", name: `Pegawai ${id}`, echelon: null, ...extra });

function base(extra: Partial<RosterInput> = {}): Roster {
  return generateRoster({
    dates: WEEK,
    units: [{ id: "x", parentId: null, name: "Unit X", capPct: 50, minOnSite: 2 }],
    employees: [emp("head", { echelon: 2 }), emp("a"), emp("b"), emp("c", { factors: { commute: "KRL" } }), emp("d", { absences: { [MON]: "CUTI" } })],
    ...extra,
  });
}

const modeOf = (roster: Roster, id: string, date = MON): WorkMode => {
  const row = roster.rows.find((r) => r.employeeId === id);
  const cell = row?.cells.find((c) => c.date === date);
  if (!cell) throw new Error("no cell");
  return cell.mode;
};

/** Counts, conflicts and collisions recomputed from the cells alone. */
function recomputed(roster: Roster): { units: Roster["units"]; conflicts: Conflict[]; collisions: KeepApartCollision[] } {
  const conflicts: Conflict[] = [];
  const units = roster.units.map((u) => ({
    ...u,
    days: u.days.map((old, d) => {
      const s = emptySummary(u.unitId, u.unitName, old.date, old.rule);
      for (const row of roster.rows) {
        if (row.unitId !== u.unitId) continue;
        tally(s, row.cells[d].mode, row.pinned !== null, 1);
        const own = pinnedConflict(row, row.cells[d]);
        if (own) conflicts.push(own);
      }
      applyLimits(s, roster.settings.capBase);
      conflicts.push(...summaryConflicts(s));
      return s;
    }),
  }));
  const byId = new Map(roster.rows.map((r) => [r.employeeId, r]));
  const collisions: KeepApartCollision[] = [];
  roster.dates.forEach((date, d) => {
    for (const row of roster.rows) {
      for (const p of row.partners) {
        if (row.employeeId < p && row.cells[d].mode === "WFO" && byId.get(p)?.cells[d].mode === "WFO") collisions.push({ date, a: row.employeeId, b: p });
      }
    }
  });
  collisions.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  return { units, conflicts: conflicts.sort(compareConflicts), collisions };
}

describe("overrides and requests", () => {
  it("an HR override is applied, marked, counted, and the cap conflict it causes is reported", () => {
    const roster = base();
    expect(roster.units[0].days[0]).toMatchObject({ cap: 2, office: 2, minOnSite: 2 });
    const home = ["a", "b"].find((id) => modeOf(roster, id) === "WFH") as string;
    const result = applyOverride(roster, { employeeId: home, date: MON, mode: "WFO", note: "rapat anggaran", by: "hr-1" });
    const cell = result.roster.rows.find((r) => r.employeeId === home)?.cells[0];
    expect(cell).toMatchObject({
      mode: "WFO",
      source: "override",
      reason: { code: "override", params: { previous: "WFH", note: "rapat anggaran", by: "hr-1" } },
    });
    expect(cell && renderReason(cell, "id")).toBe("WFO: ditetapkan HR (rapat anggaran); semula WFH");
    expect(cell && renderReason(cell, "en")).toBe("WFO: set by HR (rapat anggaran); was WFH");
    expect(result.roster.units[0].days[0]).toMatchObject({ office: 3, home: 1, cap: 2 });
    expect(result.newConflicts).toEqual([{ unitId: "x", date: MON, rule: "cap_exceeded", employeeId: null, detail: { office: 3, cap: 2 } }]);
    expect(result.roster.conflicts).toEqual(result.newConflicts);
    // The input roster is untouched.
    expect(modeOf(roster, home)).toBe("WFH");
    expect(roster.conflicts).toEqual([]);
  });

  it("an override that sends a pinned official home is reported, and undoing it clears the conflicts", () => {
    const roster = base();
    const sent = applyOverride(roster, { employeeId: "head", date: MON, mode: "WFH" });
    expect(sent.newConflicts.map((c) => c.rule).sort()).toEqual(["min_on_site_not_met", "pinned_not_in_office"]);
    const back = applyOverride(sent.roster, { employeeId: "head", date: MON, mode: "WFO" });
    expect(back.roster.conflicts).toEqual([]);
    expect(back.newConflicts).toEqual([]);
  });

  it("an approved WFO request is refused when the office quota is full", () => {
    const roster = base();
    const result = applyRequest(roster, { employeeId: "c", date: MON, mode: "WFO", requestId: "req-1" });
    expect(result.applied).toBe(false);
    expect(result.roster).toBe(roster);
    expect(result.conflicts).toEqual([{ unitId: "x", date: MON, rule: "cap_exceeded", employeeId: null, detail: { office: 3, cap: 2 } }]);
  });

  it("an approved WFH request is applied while the minimum on site still holds, and refused once it would not", () => {
    const roster = base({ units: [{ id: "x", parentId: null, name: "Unit X", capPct: 80, minOnSite: 2 }] });
    expect(roster.units[0].days[1]).toMatchObject({ cap: 4, office: 4 });
    const tue = WEEK[1];
    const first = applyRequest(roster, { employeeId: "a", date: tue, mode: "WFH", note: "anak sakit" });
    expect(first.applied).toBe(true);
    const cell = first.roster.rows.find((r) => r.employeeId === "a")?.cells[1];
    expect(cell && renderReason(cell, "id")).toBe("WFH: permohonan disetujui (anak sakit); semula WFO");
    expect(cell && renderReason(cell, "en")).toBe("WFH: approved request (anak sakit); was WFO");
    const second = applyRequest(first.roster, { employeeId: "b", date: tue, mode: "WFH" });
    expect(second.applied).toBe(true);
    expect(second.roster.units[0].days[1].office).toBe(2);
    const third = applyRequest(second.roster, { employeeId: "d", date: tue, mode: "WFH" });
    expect(third).toEqual({
      applied: false,
      roster: second.roster,
      conflicts: [{ unitId: "x", date: tue, rule: "min_on_site_not_met", employeeId: null, detail: { office: 1, minOnSite: 2 } }],
    });
    const pinned = applyRequest(roster, { employeeId: "head", date: tue, mode: "WFH" });
    expect(pinned.applied).toBe(false);
    expect(pinned.conflicts.map((c) => c.rule)).toContain("pinned_not_in_office");
  });

  it("a request does not change a recorded absence or a day set by HR", () => {
    const roster = base();
    expect(applyRequest(roster, { employeeId: "d", date: MON, mode: "WFO" })).toEqual({
      applied: false,
      roster,
      conflicts: [{ unitId: "x", date: MON, rule: "employee_absent", employeeId: "d", detail: { kind: "CUTI" } }],
    });
    const overridden = applyOverride(roster, { employeeId: "c", date: WEEK[2], mode: "WFO" }).roster;
    const refused = applyRequest(overridden, { employeeId: "c", date: WEEK[2], mode: "WFH" });
    expect(refused.applied).toBe(false);
    expect(refused.conflicts[0]).toMatchObject({ rule: "cell_overridden", detail: { mode: "WFO" } });
  });

  it("rejects an unknown employee or date", () => {
    const roster = base();
    expect(() => applyOverride(roster, { employeeId: "nobody", date: MON, mode: "WFO" })).toThrow(RosterInputError);
    expect(() => applyRequest(roster, { employeeId: "a", date: "2024-07-20", mode: "WFO" })).toThrow(RosterInputError);
  });

  it("keeps the keep-apart collisions up to date", () => {
    const roster = base({ keepApart: [["a", "b"]] });
    expect(roster.collisions).toEqual([]);
    const day = WEEK.find((d) => modeOf(roster, "a", d) === "WFO" || modeOf(roster, "b", d) === "WFO") as string;
    const away = modeOf(roster, "a", day) === "WFO" ? "b" : "a";
    const changed = applyOverride(roster, { employeeId: away, date: day, mode: "WFO" });
    expect(changed.roster.collisions).toEqual([{ date: day, a: "a", b: "b" }]);
    expect(applyOverride(changed.roster, { employeeId: away, date: day, mode: "WFH" }).roster.collisions).toEqual([]);
  });

  it("property — every sequence of overrides leaves counts, conflicts and collisions equal to a full recount", () => {
    const change = fc.record({ row: fc.nat(), day: fc.nat({ max: 4 }), mode: fc.constantFrom<WorkMode>("WFO", "WFO", "WFH", "WFH", "CUTI", "DL", "SAKIT") });
    fc.assert(
      fc.property(agencyArb({ maxUnits: 4, maxEmployees: 25 }), fc.array(change, { minLength: 1, maxLength: 6 }), ({ input }, changes) => {
        let roster = generateRoster(input);
        if (roster.rows.length === 0) return;
        const snapshot = structuredClone(roster);
        const first = roster;
        for (const ch of changes) {
          const row = roster.rows[ch.row % roster.rows.length];
          roster = applyOverride(roster, { employeeId: row.employeeId, date: roster.dates[ch.day], mode: ch.mode }).roster;
        }
        const fresh = recomputed(roster);
        expect(roster.units).toEqual(fresh.units);
        expect(roster.conflicts).toEqual(fresh.conflicts);
        expect(roster.collisions).toEqual(fresh.collisions);
        expect(first).toEqual(snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it("property: an applied request keeps the cap, the minimum and the pinned rule; a refused one changes nothing", () => {
    const request = fc.record({ row: fc.nat(), day: fc.nat({ max: 4 }), mode: fc.constantFrom<"WFO" | "WFH">("WFO", "WFH") });
    fc.assert(
      fc.property(agencyArb({ maxUnits: 4, maxEmployees: 25 }), fc.array(request, { minLength: 1, maxLength: 8 }), ({ input }, requests) => {
        let roster = generateRoster(input);
        if (roster.rows.length === 0) return;
        for (const rq of requests) {
          const row = roster.rows[rq.row % roster.rows.length];
          const date = roster.dates[rq.day];
          const result = applyRequest(roster, { employeeId: row.employeeId, date, mode: rq.mode });
          if (!result.applied) {
            expect(result.roster).toBe(roster);
            expect(result.conflicts.length).toBeGreaterThan(0);
            continue;
          }
          const summary = result.roster.units.find((u) => u.unitId === row.unitId)?.days[rq.day];
          if (!summary) throw new Error("missing summary");
          expect(summary.office).toBeLessThanOrEqual(Math.max(summary.cap, summary.pinnedOffice));
          const breaks = (r: Roster) =>
            r.conflicts.filter(
              (c) => c.unitId === row.unitId && c.date === date && ["min_on_site_not_met", "pinned_not_in_office", "cap_exceeded"].includes(c.rule),
            );
          expect(breaks(result.roster)).toEqual([]);
          roster = result.roster;
        }
      }),
      { numRuns: 100 },
    );
  });
});
