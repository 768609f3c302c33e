import { describe, expect, it } from "vitest";
import { weekDates } from "./arbitraries.js";
import { ageOn, generateRoster, RosterInputError, renderConflict, renderReason, resolveCapPercentages, withCapPercentages } from "./index.js";
import type { Roster, RosterEmployee, RosterInput, RosterUnit, WorkMode } from "./types.js";

const WEEK = weekDates(0); // Monday 2024-07-15 .. Friday 2024-07-19
const TUESDAY = WEEK[1];

const unit = (id: string, capPct: number, minOnSite = 0, extra: Partial<RosterUnit> = {}): RosterUnit => ({
  id,
  parentId: null,
  name: id === "x" ? "Unit X" : `Unit ${id.toUpperCase()}`,
  capPct,
  minOnSite,
  ...extra,
});

const emp = (id: string, unitId: string, extra: Partial<RosterEmployee> = {}): RosterEmployee => ({
  id,
  unitId,
  name: `Pegawai ${id}`,
  echelon: null,
  ...extra,
});

const modes = (roster: Roster, employeeId: string): WorkMode[] => {
  const row = roster.rows.find((r) => r.employeeId === employeeId);
  if (!row) throw new Error(`no row ${employeeId}`);
  return row.cells.map((c) => c.mode);
};
const count = (list: WorkMode[], mode: WorkMode) => list.filter((m) => m === mode).length;
const cell = (roster: Roster, employeeId: string, date: string) => {
  const row = roster.rows.find((r) => r.employeeId === employeeId);
  const c = row?.cells.find((x) => x.date === date);
  if (!c) throw new Error(`no cell ${employeeId} ${date}`);
  return c;
};

describe("roster examples", () => {
  it("places pinned staff beyond the cap and reports the conflict precisely", () => {
    const input: RosterInput = {
      dates: WEEK,
      units: [unit("x", 50)],
      employees: [
        emp("a", "x", { echelon: 1 }),
        emp("b", "x", { echelon: 2 }),
        emp("c", "x", { essential: true }),
        emp("d", "x", { frontDesk: true }),
        emp("e", "x", { essential: true }),
        emp("f", "x"),
      ],
    };
    const roster = generateRoster(input);
    for (const id of ["a", "b", "c", "d", "e"]) expect(count(modes(roster, id), "WFO")).toBe(5);
    expect(count(modes(roster, "f"), "WFH")).toBe(5);
    const day = roster.units[0].days[1];
    expect(day).toMatchObject({ headcount: 6, cap: 3, office: 5, pinnedOffice: 5, capPct: 50 });
    const tuesday = roster.conflicts.filter((c) => c.date === TUESDAY);
    expect(tuesday).toEqual([{ unitId: "x", date: TUESDAY, rule: "cap_exceeded_by_pinned", employeeId: null, detail: { pinned: 5, cap: 3, capPct: 50 } }]);
    expect(roster.conflicts).toHaveLength(5);
    expect(renderConflict(tuesday[0], "id", "Unit X")).toBe("Unit X, Selasa 2024-07-16: 5 pegawai wajib di kantor melebihi kuota 3 orang (50 %)");
    expect(renderConflict(tuesday[0], "en", "Unit X")).toBe("Unit X, Tuesday 2024-07-16: 5 pinned staff exceed the office quota of 3 (50 %)");
    expect(renderReason(cell(roster, "b", TUESDAY), "id")).toBe("WFO: pejabat eselon II; eselon I–II tetap bekerja di kantor");
    expect(renderReason(cell(roster, "b", TUESDAY), "en")).toBe("WFO: echelon II official; echelon I–II staff stay in the office");
  });

  it("gives a KRL commuter more home days than a colleague who does not commute", () => {
    const employees = [emp("krl", "x", { factors: { commute: "KRL" } }), emp("p1", "x"), emp("p2", "x"), emp("p3", "x")];
    const roster = generateRoster({ dates: WEEK, units: [unit("x", 50)], employees });
    const home = (id: string) => count(modes(roster, id), "WFH");
    for (const other of ["p1", "p2", "p3"]) expect(home("krl")).toBeGreaterThan(home(other));
    expect(home("krl")).toBe(5);
    // 2 places a day over 3 equals: 10 office days as 4/3/3.
    expect(["p1", "p2", "p3"].map((id) => count(modes(roster, id), "WFO")).sort()).toEqual([3, 3, 4]);
  });

  it("explains a home day in Indonesian and English", () => {
    const roster = generateRoster({
      dates: WEEK,
      units: [unit("x", 50)],
      employees: [emp("krl", "x", { factors: { commute: "KRL" } }), emp("other", "x")],
    });
    const c = cell(roster, "krl", TUESDAY);
    expect(c.mode).toBe("WFH");
    expect(c.reason).toEqual({
      code: "quota_full",
      params: { unitName: "Unit X", date: TUESDAY, capPct: 50, cap: 1, priority: 2, factors: ["krl"], ageThreshold: 50 },
    });
    expect(renderReason(c, "id")).toBe("WFH: pengguna KRL, prioritas 2; kuota kantor Unit X Selasa 50 % sudah terpenuhi");
    expect(renderReason(c, "en")).toBe("WFH: KRL commuter, priority 2; office quota of Unit X on Tuesday (50 %) is full");
    expect(renderReason(cell(roster, "other", TUESDAY), "id")).toBe("WFO: giliran kantor, prioritas 0; kuota kantor Unit X Selasa 50 % (1 orang)");
    expect(renderReason(cell(roster, "other", TUESDAY), "en")).toBe("WFO: office rotation, priority 0; office quota of Unit X on Tuesday: 50 % (1 person)");
  });

  it("lists every weighted factor and the age threshold in the reason", () => {
    const roster = generateRoster({
      dates: [TUESDAY],
      units: [unit("x", 0)],
      employees: [emp("a", "x", { factors: { commute: "BUS", comorbidity: true, age: 55 } })],
      policy: { weights: { bus: 1.5, comorbidity: 3, age: 0.5 }, ageThreshold: 55 },
    });
    const c = cell(roster, "a", TUESDAY);
    expect(renderReason(c, "id")).toBe("WFH: pengguna TransJakarta/bus, komorbid, usia ≥ 55, prioritas 5; kuota kantor Unit X Selasa 0 % sudah terpenuhi");
    expect(renderReason(c, "en")).toBe("WFH: TransJakarta/bus commuter, comorbidity, age ≥ 55, priority 5; office quota of Unit X on Tuesday (0 %) is full");
  });

  it("keeps absences, and counts the absent in the cap's base (headcount) unless the policy says otherwise", () => {
    const employees = [emp("a", "x", { absences: { [WEEK[0]]: "CUTI", [WEEK[1]]: "DL", [WEEK[2]]: "SAKIT" } }), emp("b", "x"), emp("c", "x"), emp("d", "x")];
    const roster = generateRoster({ dates: WEEK, units: [unit("x", 50)], employees });
    expect(modes(roster, "a").slice(0, 3)).toEqual(["CUTI", "DL", "SAKIT"]);
    expect(renderReason(cell(roster, "a", WEEK[1]), "id")).toBe("DL: dinas luar tercatat");
    expect(renderReason(cell(roster, "a", WEEK[2]), "en")).toBe("SAKIT: sick leave on record");
    expect(roster.units[0].days[0]).toMatchObject({ headcount: 4, available: 3, absent: 1, cap: 2, office: 2 });

    const byAvailable = generateRoster({ dates: WEEK, units: [unit("x", 50)], employees, policy: { capBase: "available" } });
    expect(byAvailable.units[0].days[0]).toMatchObject({ headcount: 4, available: 3, cap: 1, office: 1 });
    expect(byAvailable.units[0].days[3]).toMatchObject({ available: 4, cap: 2, office: 2 });
  });

  it("on a national window day sends everyone home except pinned and minimum staff", () => {
    const roster = generateRoster({
      dates: WEEK,
      units: [unit("x", 100, 2), unit("y", 100, 0)],
      employees: [
        emp("head", "x", { echelon: 2 }),
        emp("x1", "x"),
        emp("x2", "x"),
        emp("x3", "x", { factors: { comorbidity: true } }),
        emp("y1", "y"),
        emp("y2", "y"),
      ],
      windows: [{ date: WEEK[4], name: "Hari WFA nasional" }],
    });
    const friday = WEEK[4];
    expect(cell(roster, "head", friday).mode).toBe("WFO");
    const x = roster.units.find((u) => u.unitId === "x")?.days[4];
    expect(x).toMatchObject({ window: "Hari WFA nasional", capPct: 0, cap: 2, office: 2, minOnSite: 2 });
    expect(["x1", "x2"].map((id) => cell(roster, id, friday).mode).sort()).toEqual(["WFH", "WFO"]);
    expect(cell(roster, "x3", friday).mode).toBe("WFH");
    expect(["y1", "y2"].map((id) => cell(roster, id, friday).mode)).toEqual(["WFH", "WFH"]);
    expect(renderReason(cell(roster, "y1", friday), "id")).toBe("WFH: Hari WFA nasional (Jumat); pegawai yang tidak wajib di kantor bekerja dari rumah");
    expect(renderReason(cell(roster, "y1", friday), "en")).toBe("WFH: Hari WFA nasional (Friday); staff not pinned to the office work from home");
    // Other days fill the 100 % cap.
    expect(cell(roster, "y1", WEEK[0]).mode).toBe("WFO");
    expect(roster.conflicts).toEqual([]);
  });

  it("keeps desk-sharing staff apart when it can, and reports the collision when it cannot", () => {
    const employees = ["a", "b", "c", "d"].map((id) => emp(id, "x"));
    const together = (r: Roster) => [0, 1, 2, 3, 4].filter((d) => modes(r, "b")[d] === "WFO" && modes(r, "d")[d] === "WFO").length;
    const free = generateRoster({ dates: WEEK, units: [unit("x", 50)], employees });
    expect(together(free)).toBeGreaterThan(0);
    const roster = generateRoster({ dates: WEEK, units: [unit("x", 50)], employees, keepApart: [["d", "b"]] });
    expect(together(roster)).toBe(0);
    expect(roster.collisions).toEqual([]);
    expect(roster.rows.find((r) => r.employeeId === "b")?.partners).toEqual(["d"]);
    // Still fair: 2 places a day, 10 office days over 4 people.
    expect(["a", "b", "c", "d"].map((id) => count(modes(roster, id), "WFO")).sort()).toEqual([2, 2, 3, 3]);
    const apart = cell(roster, "b", WEEK[0]);
    expect(apart.reason.code).toBe("keep_apart");
    expect(renderReason(apart, "id")).toBe("WFH: dipisahkan dari Pegawai d (berbagi meja/sif) yang hari ini di kantor; tanpa faktor prioritas, prioritas 0");
    expect(renderReason(apart, "en")).toBe("WFH: kept apart from Pegawai d (shared desk/shift), who is in the office today; no priority factor, priority 0");

    const full = generateRoster({ dates: [TUESDAY], units: [unit("x", 100)], employees: employees.slice(0, 2), keepApart: [["b", "a"]] });
    expect(modes(full, "a")).toEqual(["WFO"]);
    expect(modes(full, "b")).toEqual(["WFO"]);
    expect(full.collisions).toEqual([{ date: TUESDAY, a: "a", b: "b" }]);
  });

  it("does not let a keep-apart pair push a higher-priority colleague into the office", () => {
    const employees = [emp("a", "x"), emp("b", "x"), emp("krl", "x", { factors: { commute: "KRL" } })];
    const roster = generateRoster({ dates: WEEK, units: [unit("x", 67)], employees, keepApart: [["a", "b"]] });
    expect(count(modes(roster, "krl"), "WFO")).toBe(0);
    expect(roster.collisions).toHaveLength(5);
  });

  it("reports a cap below the minimum and a minimum that the available staff cannot reach", () => {
    const roster = generateRoster({
      dates: [TUESDAY],
      units: [unit("x", 25, 2), unit("y", 100, 3)],
      employees: [
        ...["x1", "x2", "x3", "x4"].map((id) => emp(id, "x")),
        emp("y1", "y"),
        emp("y2", "y"),
        emp("y3", "y", { absences: { [TUESDAY]: "CUTI" } }),
        emp("y4", "y", { absences: { [TUESDAY]: "DL" } }),
      ],
    });
    expect(roster.conflicts).toEqual([
      { unitId: "x", date: TUESDAY, rule: "cap_below_min_on_site", employeeId: null, detail: { cap: 1, minOnSite: 2, capPct: 25 } },
      { unitId: "y", date: TUESDAY, rule: "min_on_site_unreachable", employeeId: null, detail: { available: 2, minOnSite: 3 } },
    ]);
    expect(roster.units[0].days[0].office).toBe(1);
    expect(roster.units[1].days[0].office).toBe(2);
  });

  it("rotates equals from week to week with the office-day history", () => {
    const employees = ["a", "b", "c"].map((id) => emp(id, "x"));
    const first = generateRoster({ dates: WEEK, units: [unit("x", 34)], employees });
    const firstDays = employees.map((e) => count(modes(first, e.id), "WFO"));
    expect([...firstDays].sort()).toEqual([1, 2, 2]);
    const second = generateRoster({
      dates: weekDates(1),
      units: [unit("x", 34)],
      employees: employees.map((e, i) => ({ ...e, recentOfficeDays: [firstDays[i]] })),
    });
    const totals = employees.map((e, i) => firstDays[i] + count(modes(second, e.id), "WFO"));
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
  });

  it("resolves caps from risk levels through the unit tree, dates before every-day settings", () => {
    const units = [
      { id: "root", parentId: null, name: "Root", minOnSite: 0 },
      { id: "child", parentId: "root", name: "Child", minOnSite: 0 },
      { id: "leaf", parentId: "child", name: "Leaf", minOnSite: 0 },
      { id: "other", parentId: "root", name: "Other", minOnSite: 0 },
    ];
    const resolved = resolveCapPercentages({
      units,
      dates: [WEEK[0], WEEK[1]],
      settings: [
        { unitId: null, level: 1 },
        { unitId: "child", level: 3 },
        { unitId: "child", date: WEEK[1], level: 4 },
        { unitId: "other", pct: 60 },
      ],
    });
    expect(resolved).toEqual({
      root: { [WEEK[0]]: 100, [WEEK[1]]: 100 },
      child: { [WEEK[0]]: 50, [WEEK[1]]: 25 },
      leaf: { [WEEK[0]]: 50, [WEEK[1]]: 25 },
      other: { [WEEK[0]]: 60, [WEEK[1]]: 60 },
    });
    const ready = withCapPercentages(units, resolved);
    const roster = generateRoster({
      dates: [WEEK[0], WEEK[1]],
      units: ready,
      employees: [emp("l1", "leaf"), emp("l2", "leaf"), emp("l3", "leaf"), emp("l4", "leaf")],
    });
    expect(roster.units.find((u) => u.unitId === "leaf")?.days.map((d) => d.cap)).toEqual([2, 1]);
    expect(() => resolveCapPercentages({ units, dates: [WEEK[0]], settings: [{ unitId: "leaf", level: 9 }] })).toThrow(RosterInputError);
  });

  it("refuses invalid input with every problem listed", () => {
    const bad: RosterInput = {
      dates: ["2024-02-30", TUESDAY, TUESDAY],
      units: [unit("x", 140, -1)],
      employees: [emp("a", "nowhere"), emp("a", "x")],
      windows: [{ date: TUESDAY, name: "w", capPct: 101 }],
    };
    try {
      generateRoster(bad);
      throw new Error("expected a RosterInputError");
    } catch (err) {
      expect(err).toBeInstanceOf(RosterInputError);
      const issues = (err as RosterInputError).issues.join("\n");
      for (const part of ["2024-02-30", "appears twice", "capPct", "minOnSite", "unknown unit", "windows[0].capPct"]) expect(issues).toContain(part);
    }
  });

  it("handles an empty agency and a week without days", () => {
    expect(generateRoster({ dates: WEEK, units: [], employees: [] }).rows).toEqual([]);
    // A parent unit without direct staff has no minimum to keep.
    const parent = generateRoster({ dates: WEEK, units: [unit("p", 50, 2)], employees: [] });
    expect(parent.units[0].days[0]).toMatchObject({ headcount: 0, cap: 0, office: 0 });
    expect(parent.conflicts).toEqual([]);
    const r = generateRoster({ dates: [], units: [unit("x", 50)], employees: [emp("a", "x")] });
    expect(r.rows[0].cells).toEqual([]);
    expect(r.units[0].days).toEqual([]);
  });

  it("computes ages from birth dates", () => {
    expect(ageOn("1974-07-16", "2024-07-15")).toBe(49);
    expect(ageOn("1974-07-16", "2024-07-16")).toBe(50);
  });
});
