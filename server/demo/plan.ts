import { newId } from "../db/ids.js";
import type { AgencyTable, EmployeeTable, PositionTable, UnitTable } from "../db/schema.js";
import { DEMO_EMAIL_DOMAIN, KEY_PEOPLE, type KeyPerson, type KeyRole } from "./accounts.js";
import { People, type PersonRequest } from "./people.js";
import { pickStaffTitle, type StaffTitle } from "./positions.js";
import { Rng } from "./random.js";
import { AGENCY, headOf, TREE, type UnitSpec } from "./structure.js";

/** Units whose head's chair is empty; an acting official (Plt) stands in. */
export const VACANT_UNITS = ["LD.IOD", "KWMA"];

export interface PlannedUnit {
  row: UnitTable;
  spec: UnitSpec;
  region: string;
  echelon: number;
}

export interface PlannedEmployee {
  row: EmployeeTable;
  unitCode: string;
  isHead: boolean;
  key: KeyRole | null;
  title: string;
  /** Given a role in the demo (grant, acting, explicit supervisor): stays active. */
  reserved: boolean;
}

export interface Plan {
  agency: AgencyTable;
  units: PlannedUnit[];
  unitsByCode: Map<string, PlannedUnit>;
  positions: PositionTable[];
  employees: PlannedEmployee[];
  rng: Rng;
}

/** Share of PPPK among the staff (not heads) of the demo agency. */
const PPPK_SHARE = 0.13;

const HEAD_BIRTH_YEARS: Record<number, [number, number]> = { 1: [1967, 1972], 2: [1968, 1979], 3: [1972, 1986], 4: [1978, 1993] };

/** Builds the whole agency in memory; the same every time except for the ids and timestamps. */
export function buildPlan(now: string): Plan {
  const rng = new Rng("abdi-demo-kppd");
  const people = new People(rng);
  for (const k of KEY_PEOPLE) people.reserveName(k.name);
  const agency: AgencyTable = { id: newId(), code: AGENCY.code, name: AGENCY.name, timezone: AGENCY.timezone, created_at: now, updated_at: now };
  const plan: Plan = { agency, units: [], unitsByCode: new Map(), positions: [], employees: [], rng };
  const keyByUnit = new Map<string, KeyPerson[]>();
  for (const k of KEY_PEOPLE) keyByUnit.set(k.unit, [...(keyByUnit.get(k.unit) ?? []), k]);

  const position = (unit: UnitTable, name: string, kind: PositionTable["kind"], echelon: number | null, isHead: boolean): string => {
    const id = newId();
    plan.positions.push({ id, agency_id: agency.id, unit_id: unit.id, name, kind, echelon, is_head: isHead ? 1 : 0, created_at: now, updated_at: now });
    return id;
  };

  const walk = (spec: UnitSpec, parent: PlannedUnit | null) => {
    const id = newId();
    const code = parent === null ? spec.seg : parent.row.parent_id === null ? spec.seg : `${parent.row.code}.${spec.seg}`;
    const row: UnitTable = {
      id,
      agency_id: agency.id,
      parent_id: parent?.row.id ?? null,
      code,
      name: spec.name,
      timezone: spec.timezone ?? parent?.row.timezone ?? AGENCY.timezone,
      path: `${parent?.row.path ?? "/"}${id}/`,
      depth: parent ? parent.row.depth + 1 : 0,
      created_at: now,
      updated_at: now,
    };
    const head = headOf(spec.name, parent === null);
    const unit: PlannedUnit = { row, spec, region: spec.region ?? parent?.region ?? "jakarta", echelon: head.echelon };
    plan.units.push(unit);
    plan.unitsByCode.set(code, unit);
    const headPositionId = position(row, head.title, "structural", head.echelon, true);

    const staffPositions = new Map<string, string>();
    const staffPosition = (t: StaffTitle) => {
      let pid = staffPositions.get(t.title);
      if (!pid) {
        pid = position(row, t.title, t.kind, null, false);
        staffPositions.set(t.title, pid);
      }
      return pid;
    };
    const add = (p: ReturnType<People["generate"]>, positionId: string, title: string, isHead: boolean, key: KeyRole | null) => {
      plan.employees.push({
        row: {
          id: newId(),
          agency_id: agency.id,
          unit_id: id,
          position_id: positionId,
          nip: p.nip,
          name: p.name,
          email: p.email,
          phone: p.phone,
          employment_type: p.employmentType,
          status: "active",
          supervisor_id: null,
          birth_date: p.birthDate,
          gender: p.gender,
          appointed_on: p.appointedOn,
          created_at: now,
          updated_at: now,
        },
        unitCode: code,
        isHead,
        key,
        title,
        reserved: key !== null,
      });
    };

    const keys = keyByUnit.get(code) ?? [];
    const keyHead = keys.find((k) => k.head);
    if (keyHead) {
      add(people.fixed({ ...keyHead, email: `${keyHead.key}@${DEMO_EMAIL_DOMAIN}` }), headPositionId, head.title, true, keyHead.key);
    } else if (!VACANT_UNITS.includes(code)) {
      const [lo, hi] = HEAD_BIRTH_YEARS[head.echelon];
      add(people.generate({ region: unit.region, male: 0.65, birthYears: [lo, hi], ageAtAppointment: [22, 30] }), headPositionId, head.title, true, null);
    }
    const keyStaff = keys.filter((k) => !k.head);
    for (const k of keyStaff) {
      const t = k.title ?? { title: "Penata Layanan Operasional", kind: "executor" as const };
      add(people.fixed({ ...k, email: `${k.key}@${DEMO_EMAIL_DOMAIN}` }), staffPosition(t), t.title, false, k.key);
    }
    for (let i = keyStaff.length; i < spec.staff; i++) {
      const req: PersonRequest = { region: unit.region, male: 0.5, birthYears: [1969, 2000], ageAtAppointment: [21, 35], pppk: rng.chance(PPPK_SHARE) };
      const p = people.generate(req);
      const t = pickStaffTitle(rng, spec.pool, p.serviceYears);
      add(p, staffPosition(t), t.title, false, null);
    }
    for (const child of spec.children ?? []) walk(child, unit);
  };
  walk(TREE, null);
  return plan;
}

export function unitOf(plan: Plan, code: string): PlannedUnit {
  const u = plan.unitsByCode.get(code);
  if (!u) throw new Error(`demo unit ${code} is missing`);
  return u;
}

export function headOfUnit(plan: Plan, code: string): PlannedEmployee {
  const e = plan.employees.find((x) => x.unitCode === code && x.isHead);
  if (!e) throw new Error(`demo unit ${code} has no head`);
  return e;
}

export function staffOf(plan: Plan, code: string, filter: (e: PlannedEmployee) => boolean = () => true): PlannedEmployee[] {
  return plan.employees.filter((e) => e.unitCode === code && !e.isHead && filter(e));
}

export function keyPerson(plan: Plan, key: KeyRole): PlannedEmployee {
  const e = plan.employees.find((x) => x.key === key);
  if (!e) throw new Error(`demo person ${key} is missing`);
  return e;
}
