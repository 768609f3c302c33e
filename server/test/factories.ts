import type { Kysely } from "kysely";
import { newId } from "../db/ids.js";
import type { DB, Role } from "../db/schema.js";
import { composeNip } from "../modules/org/nip.js";
import { hashPassword } from "../platform/passwords.js";

let serial = 0;
const now = () => new Date().toISOString();

/** A valid, unique NIP. */
export function buildNip(gender: "M" | "F" = "M"): string {
  serial += 1;
  const y = 1965 + (serial % 30);
  const m = 1 + (serial % 12);
  const d = 1 + (serial % 28);
  return composeNip({ y, m, d }, { y: y + 23, m: 1 + ((serial * 7) % 12) }, gender, 1 + (serial % 999));
}

// Hashing is deliberately slow; tests share one hash per password.
const hashes = new Map<string, Promise<string>>();
export function cachedHash(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password) as Promise<string>;
}

export const TEST_PASSWORD = "Rahasia-Uji-2026";

export class Factory {
  constructor(readonly db: Kysely<DB>) {}

  async agency(over: Partial<{ code: string; name: string; timezone: string }> = {}) {
    const id = newId();
    const code = over.code ?? `AG${id.slice(-6)}`;
    await this.db
      .insertInto("agencies")
      .values({ id, code, name: over.name ?? `Instansi ${code}`, timezone: over.timezone ?? "Asia/Jakarta", created_at: now(), updated_at: now() })
      .execute();
    const root = await this.unit({ agencyId: id, parent: null, name: over.name ?? `Instansi ${code}`, code });
    return { id, code, root };
  }

  async unit(o: { agencyId: string; parent: { id: string; path: string; depth: number } | null; name?: string; code?: string; timezone?: string }) {
    const id = newId();
    const row = {
      id,
      agency_id: o.agencyId,
      parent_id: o.parent?.id ?? null,
      code: o.code ?? `U${id.slice(-8)}`,
      name: o.name ?? `Unit ${id.slice(-4)}`,
      timezone: o.timezone ?? "Asia/Jakarta",
      path: `${o.parent?.path ?? "/"}${id}/`,
      depth: o.parent ? o.parent.depth + 1 : 0,
      created_at: now(),
      updated_at: now(),
    };
    await this.db.insertInto("units").values(row).execute();
    return row;
  }

  async position(o: { agencyId: string; unitId: string; isHead?: boolean; echelon?: number | null; name?: string }) {
    const id = newId();
    await this.db
      .insertInto("positions")
      .values({
        id,
        agency_id: o.agencyId,
        unit_id: o.unitId,
        name: o.name ?? (o.isHead ? "Kepala" : "Analis"),
        kind: o.isHead ? "structural" : "functional",
        echelon: o.echelon ?? (o.isHead ? 3 : null),
        is_head: o.isHead ? 1 : 0,
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    return { id };
  }

  /** An active employee with an account whose password is TEST_PASSWORD. */
  async employee(o: {
    agencyId: string;
    unitId: string;
    head?: boolean;
    name?: string;
    email?: string | null;
    supervisorId?: string | null;
    roles?: { role: Role; unitId?: string | null }[];
    status?: "active" | "inactive";
    isOperator?: boolean;
    password?: string;
  }) {
    const id = newId();
    const nip = buildNip();
    const pos = await this.position({ agencyId: o.agencyId, unitId: o.unitId, isHead: o.head });
    await this.db
      .insertInto("employees")
      .values({
        id,
        agency_id: o.agencyId,
        unit_id: o.unitId,
        position_id: pos.id,
        nip,
        name: o.name ?? `Pegawai ${id.slice(-5)}`,
        email: o.email === undefined ? `p${id.slice(-12)}@example.go.id` : o.email,
        phone: "+62 812 0000 0000",
        employment_type: "PNS",
        status: o.status ?? "active",
        supervisor_id: o.supervisorId ?? null,
        birth_date: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
        gender: "M",
        appointed_on: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    const userId = newId();
    await this.db
      .insertInto("users")
      .values({
        id: userId,
        employee_id: id,
        email: null,
        display_name: o.name ?? `Pegawai ${id.slice(-5)}`,
        password_hash: await cachedHash(o.password ?? TEST_PASSWORD),
        must_change_password: 0,
        is_operator: o.isOperator ? 1 : 0,
        is_demo: 0,
        disabled: 0,
        locale: "id",
        password_changed_at: now(),
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    for (const r of o.roles ?? []) {
      await this.db
        .insertInto("role_grants")
        .values({ id: newId(), user_id: userId, role: r.role, agency_id: o.agencyId, unit_id: r.unitId ?? null, created_by: null, created_at: now() })
        .execute();
    }
    return { id, nip, userId, positionId: pos.id };
  }
}
