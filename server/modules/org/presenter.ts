import type { z } from "zod";
import type { Unit } from "../../db/schema.js";
import { maskNip } from "./nip.js";
import type { EmployeeWithUnit } from "./repository.js";
import type { EmployeeOut, UnitOut } from "./schema.js";

/**
 * Employee as a viewer may see it. `showPrivate` (the person themself, HR in
 * scope) reveals the full NIP and what it encodes; everyone else gets the
 * masked NIP. The caller logs every private read of someone else.
 */
export function presentEmployee(
  e: EmployeeWithUnit,
  opts: { showPrivate: boolean; supervisorId: string | null; supervisorName?: string | null; hasAccount?: boolean },
): z.infer<typeof EmployeeOut> {
  return {
    id: e.id,
    nip: opts.showPrivate ? e.nip : maskNip(e.nip),
    nipMasked: !opts.showPrivate,
    name: e.name,
    email: e.email,
    phone: e.phone,
    unit: { id: e.unit_id, name: e.unit_name },
    position: e.position_id ? { id: e.position_id, name: e.position_name ?? "", echelon: e.echelon ?? null, isHead: e.position_is_head === 1 } : null,
    employmentType: e.employment_type,
    status: e.status,
    supervisorId: opts.supervisorId,
    supervisor: opts.supervisorId ? { id: opts.supervisorId, name: opts.supervisorName ?? "" } : null,
    supervisorExplicit: e.supervisor_id !== null,
    ...(opts.showPrivate ? { birthDate: e.birth_date, gender: e.gender, appointedOn: e.appointed_on } : {}),
    ...(opts.hasAccount === undefined ? {} : { hasAccount: opts.hasAccount }),
  };
}

export function presentUnit(u: Unit, employeeCount?: number): z.infer<typeof UnitOut> {
  return {
    id: u.id,
    parentId: u.parent_id,
    code: u.code,
    name: u.name,
    timezone: u.timezone,
    depth: u.depth,
    ...(employeeCount === undefined ? {} : { employeeCount }),
  };
}
