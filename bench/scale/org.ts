import type { Insertable } from "kysely";
import type { AgencyTable, EmployeeTable, PositionTable, RoleGrantTable, UnitTable, UserTable } from "../../server/db/schema.js";
import type { HealthFormTable, PlaceTable, SkpTargetTable } from "../../server/db/schema-logbook.js";
import { makeName, type Origin, REGION_ORIGINS } from "../../server/demo/names.js";
import type { Rng } from "../../server/demo/random.js";
import { composeNip } from "../../server/modules/org/nip.js";
import type { DayPerson, DayUnit, Office } from "./day.js";
import { CITIES, type City, JAKARTA, offset } from "./geo.js";
import { DEFAULT_FORM_JSON } from "./health.js";
import type { IdSource } from "./ids.js";
import { targetRows } from "./targets.js";

export const BENCH_LEADER = { email: "bench.leader@scale.abdi.go.id", password: "Bench-Abdi-2026", name: "Rahmat Hidayat" };

export interface OrgOptions {
  employees: number;
  agencyCode: string;
  /** Hash of BENCH_LEADER.password (argon2id), computed once by the caller. */
  passwordHash: string;
  /** Year of the SKP targets. */
  year: string;
  now: string;
}

export interface ScaleOrg {
  agency: AgencyTable;
  units: UnitTable[];
  positions: PositionTable[];
  employees: EmployeeTable[];
  places: PlaceTable[];
  targets: Insertable<SkpTargetTable>[];
  users: UserTable[];
  grants: RoleGrantTable[];
  healthForm: Insertable<HealthFormTable>;
  people: DayPerson[];
  rootUnitId: string;
}

interface Node {
  row: UnitTable;
  echelon: number;
  city: City;
  office: Office;
  weight: number;
}

const ESELON_I = [
  "Sekretariat Jenderal",
  "Inspektorat Jenderal",
  "Direktorat Jenderal Pelayanan Publik",
  "Direktorat Jenderal Tata Kelola Digital",
  "Direktorat Jenderal Pengembangan Wilayah",
  "Direktorat Jenderal Kependudukan dan Data",
  "Direktorat Jenderal Sumber Daya Aparatur",
  "Direktorat Jenderal Perencanaan Pembangunan",
  "Direktorat Jenderal Pengawasan Mutu",
  "Badan Pengembangan Kompetensi",
];
const TOPICS = ["Standar", "Evaluasi", "Pengembangan", "Pembinaan", "Layanan", "Informasi", "Program", "Kerja Sama", "Pengawasan", "Inovasi"];
const STAFF_TITLES: [string, PositionTable["kind"]][] = [
  ["Analis Kebijakan Ahli Muda", "functional"],
  ["Pranata Komputer Ahli Pertama", "functional"],
  ["Pengadministrasi Perkantoran", "executor"],
];
/** Staff per unit by depth: most people sit in the lowest units. */
const DEPTH_WEIGHT = [1, 2, 4, 6, 8];
const PPPK_SHARE = 0.13;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Sizes of the tree for an agency of `employees` people: about 670 units at 100,000. */
function shape(employees: number) {
  if (employees >= 50_000) return { eselonI: 10, eselonII: 6, eselonIII: [2, 3], eselonIV: [2, 4] };
  if (employees >= 5_000) return { eselonI: 6, eselonII: 4, eselonIII: [2, 3], eselonIV: [2, 3] };
  return { eselonI: 3, eselonII: 2, eselonIII: [2, 3], eselonIV: [2, 3] };
}

const REGIONAL_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Jakarta"] as const;

/** The k-th regional office's city: the zones take turns (WIB, WITA, WIT, WIB), cities in each zone in order. */
function regionalCity(k: number): City {
  const zone = REGIONAL_ZONES[k % REGIONAL_ZONES.length];
  const inZone = CITIES.filter((c) => c.timezone === zone);
  const turn = Array.from({ length: k }, (_, i) => REGIONAL_ZONES[i % REGIONAL_ZONES.length]).filter((z) => z === zone).length;
  return inZone[turn % inZone.length];
}

/** The organisation of the scale agency: units, positions, employees, offices, targets and the bench leader's account. */
export function buildOrg(rng: Rng, ids: IdSource, opts: OrgOptions): ScaleOrg {
  const { now } = opts;
  const stamps = { created_at: now, updated_at: now };
  const agency: AgencyTable = { id: ids.next(), code: opts.agencyCode, name: "Kementerian Layanan Nasional", timezone: "Asia/Jakarta", ...stamps };
  const org: ScaleOrg = {
    agency,
    units: [],
    positions: [],
    employees: [],
    places: [],
    targets: [],
    users: [],
    grants: [],
    healthForm: { id: ids.next(), agency_id: agency.id, version: 1, ...DEFAULT_FORM_JSON, created_by: null, created_at: now },
    people: [],
    rootUnitId: "",
  };
  const nodes: Node[] = [];
  const office = (unitId: string, name: string, at: { lat: number; lng: number }): Office => {
    const o: Office = { id: ids.next(), name, lat: at.lat, lng: at.lng, radiusM: rng.int(120, 250) };
    org.places.push({
      ...{ id: o.id, agency_id: agency.id, unit_id: unitId, employee_id: null, kind: "office", name, lat: o.lat, lng: o.lng, radius_m: o.radiusM },
      ...{ polygon: null, status: "approved", decided_by: null, decided_at: now, created_by: null, ...stamps },
    });
    return o;
  };
  const unit = (parent: Node | null, code: string, name: string, city: City, weightDepth: number, ownOffice: boolean): Node => {
    const id = ids.next();
    const row: UnitTable = {
      id,
      agency_id: agency.id,
      parent_id: parent?.row.id ?? null,
      code,
      name,
      timezone: city.timezone,
      path: `${parent?.row.path ?? "/"}${id}/`,
      depth: parent ? parent.row.depth + 1 : 0,
      ...stamps,
    };
    org.units.push(row);
    const place = ownOffice || !parent ? office(id, `Kantor ${name}`, city === JAKARTA ? offset(rng, JAKARTA, rng.int(500, 12_000)) : city) : parent.office;
    const node: Node = { row, echelon: Math.min(4, Math.max(1, row.depth)), city, office: place, weight: DEPTH_WEIGHT[weightDepth] };
    nodes.push(node);
    return node;
  };

  const s = shape(opts.employees);
  const root = unit(null, agency.code, agency.name, JAKARTA, 0, true);
  org.rootUnitId = root.row.id;
  let kanwil = 0;
  for (let i = 0; i < s.eselonI; i++) {
    const e1 = unit(root, `${agency.code}.${i + 1}`, ESELON_I[i % ESELON_I.length], JAKARTA, 1, false);
    for (let j = 0; j < s.eselonII; j++) {
      const regional = j >= s.eselonII - Math.max(1, Math.floor(s.eselonII / 3));
      const city = regional ? regionalCity(kanwil++) : JAKARTA;
      const name = regional
        ? `Kantor Wilayah ${city.name} ${i + 1}`
        : j === 0
          ? `Sekretariat ${e1.row.name}`
          : `Direktorat ${TOPICS[(i + j) % TOPICS.length]} ${i + 1}`;
      const e2 = unit(e1, `${e1.row.code}.${j + 1}`, name, city, 2, true);
      const n3 = rng.int(s.eselonIII[0], s.eselonIII[1]);
      for (let k = 0; k < n3; k++) {
        const e3 = unit(e2, `${e2.row.code}.${k + 1}`, `${regional ? "Bidang" : "Bagian"} ${TOPICS[(j + k) % TOPICS.length]} ${e2.row.code}`, city, 3, false);
        const n4 = rng.int(s.eselonIV[0], s.eselonIV[1]);
        for (let l = 0; l < n4; l++) {
          unit(e3, `${e3.row.code}.${l + 1}`, `${regional ? "Seksi" : "Subbagian"} ${TOPICS[(k + l) % TOPICS.length]} ${e3.row.code}.${l + 1}`, city, 4, false);
        }
      }
    }
  }
  addPeople(rng, ids, org, nodes, opts);
  return org;
}

function addPeople(rng: Rng, ids: IdSource, org: ScaleOrg, nodes: Node[], opts: OrgOptions): void {
  const { now } = opts;
  const stamps = { created_at: now, updated_at: now };
  const agencyId = org.agency.id;
  // Every unit has a head; the bench leader is one more person at the top.
  const staffTotal = Math.max(0, opts.employees - nodes.length - 1);
  const weightSum = nodes.reduce((n, u) => n + u.weight, 0);
  // Whole people per unit, the remainder handed out one by one so the total is exact.
  const quota = nodes.map((u) => Math.floor((staffTotal * u.weight) / weightSum));
  for (let i = 0, left = staffTotal - quota.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % nodes.length, left--) quota[i] += 1;
  const nips = new Set<string>();
  const headOf = new Map<string, string>();
  const dayUnits = new Map<string, DayUnit>();
  const year = Number(opts.year);

  nodes.forEach((node, index) => {
    const u = node.row;
    const headPosition = ids.next();
    org.positions.push({
      id: headPosition,
      agency_id: agencyId,
      unit_id: u.id,
      name: `Kepala ${u.name}`,
      kind: "structural",
      echelon: node.echelon,
      is_head: 1,
      ...stamps,
    });
    const staffPositions = STAFF_TITLES.map(([name, kind]) => {
      const id = ids.next();
      org.positions.push({ id, agency_id: agencyId, unit_id: u.id, name, kind, echelon: null, is_head: 0, ...stamps });
      return { id, kind };
    });
    const dayUnit: DayUnit = { id: u.id, timezone: u.timezone, office: node.office };
    dayUnits.set(u.id, dayUnit);
    const parentHead = u.parent_id ? (headOf.get(u.parent_id) ?? null) : null;
    const add = (positionId: string, isHead: boolean, kind: PositionTable["kind"], leader = false) => {
      const gender: "M" | "F" = rng.chance(isHead ? 0.65 : 0.5) ? "M" : "F";
      const name = leader ? BENCH_LEADER.name : makeName(rng, rng.weighted<Origin>(REGION_ORIGINS[node.city.region] ?? REGION_ORIGINS.jakarta), gender).name;
      const pppk = !isHead && !leader && rng.chance(PPPK_SHARE);
      const birthYear = isHead ? rng.int(1966, 1985) : rng.int(1968, year - 22);
      const birth = { y: birthYear, m: rng.int(1, 12), d: rng.int(1, 28) };
      const appt = { y: Math.min(year - 1, birthYear + rng.int(22, 32)), m: rng.int(1, 12) };
      let nip = composeNip(birth, appt, gender, rng.int(1, 999));
      for (let serial = 1; nips.has(nip); serial++) nip = composeNip(birth, appt, gender, ((serial + rng.int(0, 998)) % 999) + 1);
      nips.add(nip);
      const id = ids.next();
      org.employees.push({
        ...{ id, agency_id: agencyId, unit_id: u.id, position_id: positionId, nip, name, email: leader ? BENCH_LEADER.email : null },
        ...{ phone: `+62 8${rng.int(11, 59)} ${pad(rng.int(0, 9999), 4)} ${pad(rng.int(0, 9999), 4)}`, employment_type: pppk ? "PPPK" : "PNS" },
        ...{
          status: "active",
          supervisor_id: null,
          birth_date: `${birth.y}-${pad(birth.m)}-${pad(birth.d)}`,
          gender,
          appointed_on: `${appt.y}-${pad(appt.m)}`,
        },
        ...stamps,
      });
      const targets = targetRows(ids, { agencyId, employeeId: id, kind, period: opts.year, now, count: 2 + (index % 2) });
      org.targets.push(...targets);
      org.people.push({
        id,
        agencyId,
        unit: dayUnit,
        reviewerId: isHead ? parentHead : (headOf.get(u.id) ?? parentHead),
        targetIds: targets.map((t) => t.id),
        home: offset(rng, node.office, rng.int(2_000, 25_000)),
      });
      return id;
    };
    headOf.set(u.id, add(headPosition, true, "structural"));
    if (index === 0) {
      const leaderId = add(staffPositions[0].id, false, "functional", true);
      addLeaderAccount(org, ids, leaderId, opts);
    }
    for (let n = 0; n < quota[index]; n++) {
      const p = staffPositions[n % staffPositions.length];
      add(p.id, false, p.kind);
    }
  });
}

function addLeaderAccount(org: ScaleOrg, ids: IdSource, employeeId: string, opts: OrgOptions): void {
  const userId = ids.next();
  const { now } = opts;
  org.users.push({
    ...{ id: userId, employee_id: employeeId, email: BENCH_LEADER.email, display_name: BENCH_LEADER.name, password_hash: opts.passwordHash },
    ...{ must_change_password: 0, is_operator: 0, is_demo: 0, disabled: 0, locale: "id", password_changed_at: now, created_at: now, updated_at: now },
  });
  for (const role of ["leader", "hr_admin"] as const) {
    org.grants.push({ id: ids.next(), user_id: userId, role, agency_id: org.agency.id, unit_id: null, created_by: null, created_at: now });
  }
}
