import { z } from "zod";
import { newId } from "../../../db/ids.js";
import type { Unit } from "../../../db/schema.js";
import { decodeNip } from "../nip.js";
import { PHONE_RE } from "../schema.js";
import type { ColumnKey, ColumnLabels } from "./columns.js";
import type { ParsedRow } from "./parse.js";
import type { EmployeeValues, ExistingEmployee, LookupLoader, NewPosition, PlannedEmployee, RowError } from "./types.js";

export interface ValidateOptions {
  rows: ParsedRow[];
  labels: ColumnLabels;
  agencyId: string;
  units: Unit[];
  /** Whether the importer may manage employees of a unit (by its path). */
  canManage: (unitPath: string) => boolean;
  now: Date;
  loader: LookupLoader;
  chunkSize?: number;
  /** Called after each chunk with the number of rows validated so far. */
  onProgress?: (validated: number) => Promise<void>;
}

export interface ValidationResult {
  plans: PlannedEmployee[];
  errors: RowError[];
  invalidRows: number;
  newPositions: Map<string, NewPosition>;
}

const EMAIL = z.email().max(200);
const NUMBER_LOST_DIGITS = /^[0-9.,]+e\+?\d+$/i;
const LOST_DIGITS = "The NIP was stored as a number and lost its last digits; format the column as text and type it again";

const lower = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** NIPs are often typed in groups ("19850312 201001 1 001") or with a leading apostrophe to keep them text. */
function normalizeNip(raw: string): string {
  return raw.replace(/^'/, "").replace(/[\s-]+/g, "");
}

const STATUS: Record<string, "active" | "inactive"> = {
  aktif: "active",
  active: "active",
  nonaktif: "inactive",
  "non-aktif": "inactive",
  "non aktif": "inactive",
  "tidak aktif": "inactive",
  inactive: "inactive",
};

/** Where each NIP and email first appears in the file: later occurrences are errors. */
function firstRows(rows: ParsedRow[]) {
  const nip = new Map<string, number>();
  const email = new Map<string, number>();
  for (const r of rows) {
    const n = normalizeNip(r.cells.nip);
    if (n && !nip.has(n)) nip.set(n, r.row);
    const e = r.cells.email.trim().toLowerCase();
    if (e && !email.has(e)) email.set(e, r.row);
  }
  return { nip, email };
}

class Checker {
  private readonly unitsByCode = new Map<string, Unit>();
  private readonly unitsByLowerCode = new Map<string, Unit>();
  readonly byNip = new Map<string, ExistingEmployee>();
  readonly byEmail = new Map<string, string>();
  /** Values already looked up, found or not: each is read from the database once. */
  private readonly asked = new Set<string>();
  readonly positions = new Map<string, Map<string, string>>();
  readonly newPositions = new Map<string, NewPosition>();
  readonly errors: RowError[] = [];
  readonly first: ReturnType<typeof firstRows>;

  constructor(private readonly o: ValidateOptions) {
    for (const u of o.units) {
      this.unitsByCode.set(u.code, u);
      const key = u.code.toLowerCase();
      if (!this.unitsByLowerCode.has(key)) this.unitsByLowerCode.set(key, u);
    }
    this.first = firstRows(o.rows);
  }

  /** A unit by code: the exact code first, else the code in another letter case. */
  unit(code: string): Unit | undefined {
    const c = code.trim();
    return this.unitsByCode.get(c) ?? this.unitsByLowerCode.get(c.toLowerCase());
  }

  /** Loads what the rows of one chunk refer to that is not known yet. */
  async load(chunk: ParsedRow[]): Promise<void> {
    const nips = new Set<string>();
    const emails = new Set<string>();
    const unitIds = new Set<string>();
    for (const r of chunk) {
      for (const raw of [r.cells.nip, r.cells.nip_atasan]) {
        const n = normalizeNip(raw);
        if (/^\d{18}$/.test(n) && !this.asked.has(`nip:${n}`)) nips.add(n);
      }
      const e = r.cells.email.trim().toLowerCase();
      if (e && !this.asked.has(`email:${e}`)) emails.add(e);
      const unit = this.unit(r.cells.kode_unit);
      if (unit && !this.positions.has(unit.id)) unitIds.add(unit.id);
    }
    const [employees, owners, positions] = await Promise.all([
      this.o.loader.employeesByNip([...nips]),
      this.o.loader.employeeIdsByEmail([...emails]),
      this.o.loader.positionsOfUnits([...unitIds]),
    ]);
    for (const n of nips) this.asked.add(`nip:${n}`);
    for (const e of emails) this.asked.add(`email:${e}`);
    for (const e of employees) this.byNip.set(e.nip, e);
    for (const o of owners) if (o.email) this.byEmail.set(o.email.toLowerCase(), o.id);
    for (const id of unitIds) this.positions.set(id, new Map());
    for (const p of positions) {
      const names = this.positions.get(p.unit_id);
      if (names && !names.has(lower(p.name))) names.set(lower(p.name), p.id);
    }
  }

  /** All checks of one row that need no other row's outcome. */
  check(r: ParsedRow): PlannedEmployee | null {
    const { cells, row } = r;
    const before = this.errors.length;
    const fail = (col: ColumnKey, message: string) => this.errors.push({ row, column: this.o.labels[col], message });

    const nip = normalizeNip(cells.nip);
    let existing: ExistingEmployee | null = null;
    const decoded = decodeNip(nip, this.o.now);
    if (!nip) fail("nip", "NIP is required");
    else if (NUMBER_LOST_DIGITS.test(nip)) fail("nip", LOST_DIGITS);
    else if (!decoded.ok) fail("nip", decoded.message);
    else if (this.first.nip.get(nip) !== row) fail("nip", `This NIP already appears on row ${this.first.nip.get(nip)}`);
    else {
      existing = this.byNip.get(nip) ?? null;
      if (existing && existing.agency_id !== this.o.agencyId) fail("nip", "This NIP belongs to an employee of another agency");
      else if (existing && !this.o.canManage(existing.unit_path)) fail("nip", "This employee works in a unit outside your HR scope");
    }

    const name = cells.nama.replace(/\s+/g, " ").trim();
    if (!name) fail("nama", "Name is required");
    else if (name.length > 200) fail("nama", "Name must be at most 200 characters");

    const email = cells.email.trim().toLowerCase();
    if (email) {
      const owner = this.byEmail.get(email);
      if (!EMAIL.safeParse(email).success) fail("email", "Not a valid email address");
      else if (this.first.email.get(email) !== row) fail("email", `This email already appears on row ${this.first.email.get(email)}`);
      else if (owner && owner !== existing?.id) fail("email", "Another employee already uses this email");
    }

    const phone = cells.telepon.replace(/\s+/g, " ").trim();
    if (phone && !PHONE_RE.test(phone)) fail("telepon", "Not a phone number: use 6-20 digits, spaces, ( ) or -, optionally starting with +");

    const code = cells.kode_unit.trim();
    const unit = code ? this.unit(code) : undefined;
    if (!code) fail("kode_unit", "Unit code is required");
    else if (!unit) fail("kode_unit", `Unit code "${code}" does not exist in this agency`);
    else if (!this.o.canManage(unit.path)) fail("kode_unit", `Unit "${code}" is outside your HR scope`);

    const type = cells.jenis_pegawai.trim().toUpperCase();
    if (!type) fail("jenis_pegawai", "Employment type is required: PNS or PPPK");
    else if (type !== "PNS" && type !== "PPPK") fail("jenis_pegawai", "Employment type must be PNS or PPPK");

    const statusText = lower(cells.status);
    const status = statusText ? STATUS[statusText] : (existing?.status ?? "active");
    if (!status) fail("status", "Status must be aktif or nonaktif (active or inactive)");

    const positionName = cells.jabatan.replace(/\s+/g, " ").trim();
    if (positionName.length > 200) fail("jabatan", "Position must be at most 200 characters");

    const supervisorNip = normalizeNip(cells.nip_atasan);
    if (supervisorNip) {
      if (NUMBER_LOST_DIGITS.test(supervisorNip)) fail("nip_atasan", LOST_DIGITS);
      else if (!/^\d{18}$/.test(supervisorNip)) fail("nip_atasan", "Supervisor NIP must be exactly 18 digits");
      else if (supervisorNip === nip) fail("nip_atasan", "An employee cannot be their own supervisor");
    }

    if (this.errors.length > before || !decoded.ok || !unit || !status) return null;
    const values: EmployeeValues = {
      unit_id: unit.id,
      position_id: this.positionFor(unit.id, positionName, existing),
      nip: decoded.value.nip,
      name,
      email: email || (existing?.email ?? null),
      phone: phone || (existing?.phone ?? null),
      employment_type: type as "PNS" | "PPPK",
      status,
      supervisor_id: existing?.supervisor_id ?? null,
      birth_date: decoded.value.birthDate,
      gender: decoded.value.gender,
      appointed_on: decoded.value.appointedOn,
    };
    return { row, id: existing?.id ?? newId(), existing, values, supervisorNip: supervisorNip || null, supervisorIsNew: false, changed: [] };
  }

  /** The named position of the unit, or a new executor position; blank keeps the current one if the unit is the same. */
  private positionFor(unitId: string, name: string, existing: ExistingEmployee | null): string | null {
    if (!name) return existing && existing.unit_id === unitId ? existing.position_id : null;
    const key = lower(name);
    const found = this.positions.get(unitId)?.get(key);
    if (found) return found;
    const planKey = `${unitId}/${key}`;
    let planned = this.newPositions.get(planKey);
    if (!planned) {
      planned = { id: newId(), unitId, name };
      this.newPositions.set(planKey, planned);
    }
    return planned.id;
  }

  /**
   * Supervisors: a valid row of the same file, else an employee of the agency.
   * A row whose supervisor's row is invalid becomes invalid too, until nothing changes.
   */
  resolveSupervisors(plans: PlannedEmployee[]): PlannedEmployee[] {
    let valid = plans;
    for (;;) {
      const byNip = new Map(valid.map((p) => [p.values.nip, p]));
      const next: PlannedEmployee[] = [];
      for (const p of valid) {
        if (!p.supervisorNip) {
          next.push(p);
          continue;
        }
        const inFile = byNip.get(p.supervisorNip);
        const stored = this.byNip.get(p.supervisorNip);
        if (inFile) {
          p.values.supervisor_id = inFile.id;
          p.supervisorIsNew = inFile.existing === null;
          next.push(p);
        } else if (stored && stored.agency_id === this.o.agencyId) {
          p.values.supervisor_id = stored.id;
          p.supervisorIsNew = false;
          next.push(p);
        } else {
          const row = this.first.nip.get(p.supervisorNip);
          const message = row ? `The supervisor's row ${row} is invalid` : "No employee with this supervisor NIP in this agency or in this file";
          this.errors.push({ row: p.row, column: this.o.labels.nip_atasan, message });
        }
      }
      if (next.length === valid.length) return next;
      valid = next;
    }
  }
}

const TRACKED: (keyof EmployeeValues)[] = ["unit_id", "position_id", "name", "email", "phone", "employment_type", "status", "supervisor_id"];

function changedFields(p: PlannedEmployee): string[] {
  const e = p.existing;
  if (!e) return [];
  return TRACKED.filter((k) => (e[k] ?? null) !== (p.values[k] ?? null));
}

/**
 * Validates every row of a file against the database, chunk by chunk (reads in
 * batches, never per row), and returns the rows to write and every error found.
 */
export async function validateRows(o: ValidateOptions): Promise<ValidationResult> {
  const checker = new Checker(o);
  const size = o.chunkSize ?? 500;
  const planned: PlannedEmployee[] = [];
  for (let i = 0; i < o.rows.length; i += size) {
    const chunk = o.rows.slice(i, i + size);
    await checker.load(chunk);
    for (const r of chunk) {
      const p = checker.check(r);
      if (p) planned.push(p);
    }
    await o.onProgress?.(Math.min(i + size, o.rows.length));
  }
  const plans = checker.resolveSupervisors(planned);
  for (const p of plans) p.changed = changedFields(p);
  const errors = checker.errors.sort((a, b) => a.row - b.row);
  const used = new Set(plans.map((p) => p.values.position_id));
  const newPositions = new Map([...checker.newPositions].filter(([, np]) => used.has(np.id)));
  return { plans, errors, invalidRows: o.rows.length - plans.length, newPositions };
}
