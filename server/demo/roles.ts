import { newId } from "../db/ids.js";
import type { ActingAssignmentTable, Role } from "../db/schema.js";
import { headOfUnit, keyPerson, type Plan, type PlannedEmployee, staffOf, unitOf } from "./plan.js";

export interface PlannedGrant {
  employeeId: string;
  role: Role;
  /** null: the whole agency. */
  unitId: string | null;
}

export interface Assignments {
  grants: PlannedGrant[];
  acting: ActingAssignmentTable[];
}

/** How many staff members have left (retired, on unpaid leave, moved away). */
const INACTIVE_COUNT = 9;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Hands out the roles, the acting officials and the one explicit reporting
 * line, then marks a few other staff members inactive. `today` is the date in
 * the agency's zone: acting assignments run from some weeks before it to some
 * months after it, so the demo works whenever it is loaded.
 */
export function assignRoles(plan: Plan, today: string, now: string): Assignments {
  const grants: PlannedGrant[] = [];
  const acting: ActingAssignmentTable[] = [];
  const grant = (e: PlannedEmployee, role: Role, unitCode: string | null) => {
    e.reserved = true;
    grants.push({ employeeId: e.row.id, role, unitId: unitCode === null ? null : unitOf(plan, unitCode).row.id });
  };
  /** The first staff member of a unit who can take a role: a civil servant (PNS) not yet given one. */
  const staffFor = (code: string, prefer: RegExp = /./): PlannedEmployee => {
    const free = staffOf(plan, code, (e) => !e.reserved && e.row.employment_type === "PNS");
    const e = free.find((x) => prefer.test(x.title)) ?? free[0];
    if (!e) throw new Error(`demo unit ${code} has no staff member for a role`);
    e.reserved = true;
    return e;
  };

  // HR: agency-wide, and one officer scoped to the regional office in Makassar.
  grant(keyPerson(plan, "hr"), "hr_admin", null);
  grant(headOfUnit(plan, "SJ.SDM.PG"), "hr_admin", null);
  grant(staffFor("KWSS.TU.1", /SDM/), "hr_admin", "KWSS");

  // Leaders: the minister over everything, each eselon I head and the head of the Papua office over their own units.
  grant(keyPerson(plan, "pimpinan"), "leader", null);
  for (const code of ["SJ", "LD", "SK", "IJ", "KWPA"]) grant(headOfUnit(plan, code), "leader", code);

  // Health: the clinic doctor agency-wide, and an officer of the Bali office over that office.
  grant(keyPerson(plan, "kesehatan"), "health_officer", null);
  grant(staffFor("KWBA.TU"), "health_officer", "KWBA");

  // Learning: the learning admin, and every widyaiswara of the competency centre as facilitator.
  grant(keyPerson(plan, "pembelajaran"), "learning_admin", null);
  grant(keyPerson(plan, "fasilitator"), "facilitator", null);
  for (const e of plan.employees) {
    if (e.key === null && e.unitCode.startsWith("SJ.PK") && e.title.startsWith("Widyaiswara")) grant(e, "facilitator", null);
  }

  const act = (unitCode: string, e: PlannedEmployee, kind: "plt" | "plh", from: number, to: number, note: string) => {
    e.reserved = true;
    acting.push({
      id: newId(),
      agency_id: plan.agency.id,
      unit_id: unitOf(plan, unitCode).row.id,
      employee_id: e.row.id,
      kind,
      starts_on: addDays(today, from),
      ends_on: addDays(today, to),
      note,
      created_at: now,
    });
  };
  // The two vacant chairs are held by the head of a sub-unit as Plt until a new official is installed.
  act("LD.IOD", headOfUnit(plan, "LD.IOD.SD"), "plt", -75, 105, "Plt. Direktur Interoperabilitas Data sampai pejabat definitif dilantik");
  act("KWMA", headOfUnit(plan, "KWMA.TU"), "plt", -40, 140, "Plt. Kepala Kantor Wilayah Maluku; pejabat sebelumnya purnatugas");
  // A head on long-service leave (cuti besar): a senior staff member stands in as Plh.
  act(
    "LD.PLT.AP.2",
    staffFor("LD.PLT.AP.2", /Ahli Muda|Ahli Madya/),
    "plh",
    -20,
    70,
    "Plh. Kepala Seksi Integrasi Sistem selama pejabat definitif menjalani cuti besar",
  );

  // One analyst assigned to work directly for the Director General.
  const analyst = staffFor("SK.STD", /Analis Kebijakan/);
  analyst.row.supervisor_id = headOfUnit(plan, "SK").row.id;

  // A few staff members have left; the section of the demo supervisor keeps all its people.
  const leavers = plan.employees.filter((e) => !e.isHead && !e.reserved && e.unitCode !== "LD.PLT.AP.1");
  for (const e of plan.rng.shuffle(leavers).slice(0, INACTIVE_COUNT)) e.row.status = "inactive";

  return { grants, acting };
}
