import type { Unit } from "../../db/schema.js";
import type { Db } from "../../platform/context.js";
import * as repo from "./repository.js";

/**
 * The reporting line, derived from the unit tree: an employee reports to the
 * head of their unit (or, for the head, to the head of the parent unit),
 * unless a supervisor is set explicitly. An acting official (Plt/Plh) active on
 * the date stands in for the head. A vacant head is skipped upwards.
 */
export interface OrgSnapshot {
  units: Map<string, Unit>;
  /** unit id -> employee ids standing as its head on the date (acting first). */
  heads: Map<string, string[]>;
  /** employee id -> unit ids they head on the date. */
  headed: Map<string, string[]>;
}

export async function loadSnapshot(db: Db, agencyId: string, date: string): Promise<OrgSnapshot> {
  const [units, heads, acting] = await Promise.all([repo.listUnits(db, agencyId), repo.unitHeads(db, agencyId), repo.activeActing(db, agencyId, date)]);
  const s: OrgSnapshot = { units: new Map(units.map((u) => [u.id, u])), heads: new Map(), headed: new Map() };
  const add = (unitId: string, employeeId: string) => {
    const list = s.heads.get(unitId) ?? [];
    if (!list.includes(employeeId)) list.push(employeeId);
    s.heads.set(unitId, list);
    const h = s.headed.get(employeeId) ?? [];
    if (!h.includes(unitId)) h.push(unitId);
    s.headed.set(employeeId, h);
  };
  for (const a of acting) add(a.unit_id, a.employee_id);
  for (const h of heads) add(h.unit_id, h.employee_id);
  return s;
}

export function derivedSupervisor(s: OrgSnapshot, e: { id: string; unit_id: string; supervisor_id: string | null }): string | null {
  if (e.supervisor_id) return e.supervisor_id;
  let unit = s.units.get(e.unit_id);
  while (unit) {
    const head = (s.heads.get(unit.id) ?? []).find((id) => id !== e.id);
    const isHeadHere = (s.heads.get(unit.id) ?? []).includes(e.id);
    if (head && !isHeadHere) return head;
    unit = unit.parent_id ? s.units.get(unit.parent_id) : undefined;
  }
  return null;
}

/** Ids of the active employees who report to `supervisorId` on the snapshot's date. */
export async function directReportIds(db: Db, s: OrgSnapshot, supervisorId: string): Promise<string[]> {
  const out = new Set((await repo.explicitReports(db, supervisorId)).map((r) => r.id));
  const headedUnits = s.headed.get(supervisorId) ?? [];
  if (headedUnits.length === 0) return [...out];
  // Units whose staff may report upwards to this person: the units they head,
  // plus descendants reached through vacant heads.
  const children = new Map<string, Unit[]>();
  for (const u of s.units.values()) {
    if (!u.parent_id) continue;
    const list = children.get(u.parent_id) ?? [];
    list.push(u);
    children.set(u.parent_id, list);
  }
  const candidateUnits = new Set<string>();
  const stack = [...headedUnits];
  while (stack.length) {
    const id = stack.pop() as string;
    candidateUnits.add(id);
    for (const c of children.get(id) ?? []) {
      candidateUnits.add(c.id);
      if (!(s.heads.get(c.id) ?? []).length) stack.push(c.id);
    }
  }
  const staff = await repo.employeesOfUnits(db, [...candidateUnits]);
  for (const e of staff) {
    if (e.id !== supervisorId && derivedSupervisor(s, e) === supervisorId) out.add(e.id);
  }
  return [...out];
}

export function todayIn(timezone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
