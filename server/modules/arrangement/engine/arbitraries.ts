/**
 * fast-check generators of random agencies and policies for the engine's
 * property tests (imported only by *.test.ts files).
 */
import fc from "fast-check";
import type { AbsenceKind, CommuteMode, IsoDate, NationalWindow, RosterEmployee, RosterInput, RosterPolicyInput, RosterUnit } from "./types.js";

/** Monday–Friday of consecutive weeks starting Monday 2024-07-15. */
export function weekDates(week: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = 0; d < 5; d++) {
    const t = Date.UTC(2024, 6, 15 + week * 7 + d);
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const commuteArb: fc.Arbitrary<CommuteMode | null> = fc.constantFrom<CommuteMode | null>(null, null, null, "KRL", "MRT", "LRT", "BUS");
const absenceArb: fc.Arbitrary<AbsenceKind | null> = fc.constantFrom<AbsenceKind | null>(null, null, null, null, null, null, null, null, "CUTI", "DL", "SAKIT");

interface EmployeeSpec {
  echelon: number | null;
  essential: boolean;
  frontDesk: boolean;
  commute: CommuteMode | null;
  comorbidity: boolean;
  pregnancy: boolean;
  caregiving: boolean;
  healthNotCleared: boolean;
  age: number;
  absences: Array<AbsenceKind | null>;
  history: number[];
}

type AbsenceRate = "some" | "rare" | "none";

const absenceFor = (rate: AbsenceRate): fc.Arbitrary<AbsenceKind | null> =>
  rate === "none"
    ? fc.constant(null)
    : rate === "rare"
      ? fc.oneof({ weight: 39, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<AbsenceKind>("CUTI", "DL", "SAKIT") })
      : absenceArb;

const rareTrue = (oneIn: number) => fc.integer({ min: 1, max: oneIn }).map((n) => n === 1);

const employeeSpecArb = (o: Required<Pick<AgencyOptions, "absences" | "factors" | "history">>): fc.Arbitrary<EmployeeSpec> =>
  fc.record({
    echelon: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
    essential: rareTrue(20),
    frontDesk: rareTrue(10),
    commute: o.factors === "few" ? fc.constantFrom<CommuteMode | null>(null, null, "KRL") : commuteArb,
    comorbidity: o.factors === "few" ? fc.constant(false) : rareTrue(4),
    pregnancy: o.factors === "few" ? fc.constant(false) : rareTrue(7),
    caregiving: o.factors === "few" ? fc.constant(false) : rareTrue(4),
    healthNotCleared: o.factors === "few" ? fc.constant(false) : rareTrue(6),
    age: o.factors === "few" ? fc.constant(30) : fc.integer({ min: 20, max: 60 }),
    absences: fc.array(absenceFor(o.absences), { minLength: 5, maxLength: 5 }),
    history: o.history ? fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }) : fc.constant([]),
  });

interface UnitSpec {
  capPct: number;
  capByDay: Array<number | null>;
  minOnSite: number;
  parent: number;
  employees: EmployeeSpec[];
}

const capArb = fc.oneof(fc.constantFrom(0, 25, 50, 75, 100), fc.integer({ min: 0, max: 100 }));

const unitSpecArb = (
  minEmployees: number,
  maxEmployees: number,
  o: Required<Pick<AgencyOptions, "absences" | "factors" | "history">>,
): fc.Arbitrary<UnitSpec> =>
  fc.record({
    capPct: capArb,
    capByDay: fc.array(fc.option(capArb, { freq: 3 }), { minLength: 5, maxLength: 5 }),
    minOnSite: fc.integer({ min: 0, max: 6 }),
    parent: fc.nat(),
    employees: fc.array(employeeSpecArb(o), { minLength: minEmployees, maxLength: maxEmployees }),
  });

export const policyArb: fc.Arbitrary<RosterPolicyInput> = fc.record({
  weights: fc.record({
    krl: fc.integer({ min: 0, max: 4 }),
    mrt: fc.integer({ min: 0, max: 4 }),
    lrt: fc.constantFrom(0, 1, 2, 2.5),
    bus: fc.integer({ min: 0, max: 3 }),
    comorbidity: fc.integer({ min: 0, max: 5 }),
    pregnancy: fc.integer({ min: 0, max: 5 }),
    age: fc.constantFrom(0, 1, 1.5, 2),
    caregiving: fc.integer({ min: 0, max: 2 }),
    healthNotCleared: fc.integer({ min: 0, max: 5 }),
  }),
  ageThreshold: fc.integer({ min: 40, max: 58 }),
  pinnedEchelons: fc.integer({ min: 0, max: 4 }),
  capBase: fc.constantFrom<"headcount" | "available">("headcount", "available"),
});

export interface AgencyOptions {
  maxUnits?: number;
  minEmployees?: number;
  maxEmployees?: number;
  /** "some": about a quarter of the days; "rare": one day in 40. */
  absences?: AbsenceRate;
  /** "few": only some KRL commuters, so that many employees are equals. */
  factors?: "full" | "few";
  /** Random office-day history (default true). */
  history?: boolean;
  windows?: boolean;
  pairs?: boolean;
}

export interface Agency {
  /** Employees, units and pairs for week 0; `dates` of week 0. */
  input: RosterInput;
  /** Absences per employee per weekday index (0..4), reused in every week. */
  absences: Map<string, Array<AbsenceKind | null>>;
}

function buildAgency(
  units: UnitSpec[],
  policy: RosterPolicyInput,
  windowSpec: { day: number; capPct: number; keep: boolean } | null,
  pairSeeds: Array<[number, number]>,
): Agency {
  const dates = weekDates(0);
  const rosterUnits: RosterUnit[] = [];
  const employees: RosterEmployee[] = [];
  const absences = new Map<string, Array<AbsenceKind | null>>();
  units.forEach((u, ui) => {
    const id = `unit-${String.fromCharCode(97 + ((ui * 5) % 26))}${ui}`;
    const capPctByDate: Record<IsoDate, number> = {};
    u.capByDay.forEach((c, d) => {
      if (c !== null) capPctByDate[dates[d]] = c;
    });
    const parentId = ui === 0 ? null : rosterUnits[u.parent % ui].id;
    rosterUnits.push({ id, parentId, name: `Unit ${ui}`, capPct: u.capPct, capPctByDate, minOnSite: u.minOnSite });
    u.employees.forEach((e, k) => {
      const eid = `e${(ui * 7919 + k * 104_729) % 100_003}-${ui}-${k}`;
      const abs: Record<IsoDate, AbsenceKind> = {};
      e.absences.forEach((a, d) => {
        if (a !== null) abs[dates[d]] = a;
      });
      absences.set(eid, e.absences);
      employees.push({
        id: eid,
        unitId: id,
        name: `Pegawai ${ui}.${k}`,
        echelon: e.echelon,
        essential: e.essential,
        frontDesk: e.frontDesk,
        factors: {
          commute: e.commute,
          comorbidity: e.comorbidity,
          pregnancy: e.pregnancy,
          caregiving: e.caregiving,
          healthNotCleared: e.healthNotCleared,
          age: e.age,
        },
        absences: abs,
        recentOfficeDays: e.history,
      });
    });
  });
  const keepApart: Array<[string, string]> = [];
  if (employees.length > 1) {
    for (const [x, y] of pairSeeds) keepApart.push([employees[x % employees.length].id, employees[y % employees.length].id]);
  }
  const windows: NationalWindow[] = windowSpec
    ? [{ date: dates[windowSpec.day], name: "Hari WFA nasional", capPct: windowSpec.capPct, keepMinOnSite: windowSpec.keep }]
    : [];
  return { input: { dates, units: rosterUnits, employees, policy, windows, keepApart }, absences };
}

export function agencyArb(options: AgencyOptions = {}): fc.Arbitrary<Agency> {
  const windowArb =
    options.windows === false
      ? fc.constant(null)
      : fc.option(fc.record({ day: fc.integer({ min: 0, max: 4 }), capPct: fc.constantFrom(0, 0, 10, 50), keep: fc.boolean() }), { freq: 3 });
  const pairsArb: fc.Arbitrary<Array<[number, number]>> = options.pairs === false ? fc.constant([]) : fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 });
  return fc
    .tuple(
      fc.array(
        unitSpecArb(options.minEmployees ?? 0, options.maxEmployees ?? 60, {
          absences: options.absences ?? "some",
          factors: options.factors ?? "full",
          history: options.history ?? true,
        }),
        { minLength: 1, maxLength: options.maxUnits ?? 8 },
      ),
      policyArb,
      windowArb,
      pairsArb,
    )
    .map(([units, policy, win, pairs]) => buildAgency(units, policy, win, pairs));
}

/** The same agency in another week: dates, caps, absences and windows moved by `week` weeks. */
export function inWeek(agency: Agency, week: number, history: Readonly<Record<string, readonly number[]>>): RosterInput {
  const base = agency.input;
  const dates = weekDates(week);
  const shift = (record: Readonly<Record<IsoDate, number>> | undefined) => {
    const out: Record<IsoDate, number> = {};
    base.dates.forEach((d, i) => {
      const v = record?.[d];
      if (v !== undefined) out[dates[i]] = v;
    });
    return out;
  };
  return {
    ...base,
    dates,
    units: base.units.map((u) => ({ ...u, capPctByDate: shift(u.capPctByDate) })),
    employees: base.employees.map((e) => {
      const abs: Record<IsoDate, AbsenceKind> = {};
      (agency.absences.get(e.id) ?? []).forEach((a, i) => {
        if (a !== null) abs[dates[i]] = a;
      });
      return { ...e, absences: abs, recentOfficeDays: history[e.id] ?? [] };
    }),
    windows: (base.windows ?? []).map((w) => ({ ...w, date: dates[base.dates.indexOf(w.date)] })),
  };
}
