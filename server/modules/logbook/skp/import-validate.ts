import type { SkpTarget } from "../../../db/schema-logbook.js";
import type { Column, SheetRow } from "./import-read.js";
import { type Indicator, Period } from "./schema.js";

export interface RowError {
  row: number;
  column: Column | "rows";
  message: string;
}

export interface ImportEmployee {
  id: string;
  nip: string;
  status: string;
  unit_path: string;
}

/** One target as the file describes it: its rows grouped by (employee, period, code or title). */
export interface PlannedTarget {
  employeeId: string;
  period: string;
  code: string | null;
  title: string;
  indicators: Indicator[];
  rows: number[];
  /** The active target it replaces, when one with the same code (or, without a code, the same title) exists. */
  existingId: string | null;
}

const MAX_INDICATORS = 20;
const EXPONENT = /^[0-9.,]+e\+?\d+$/i;

function normalizeNip(raw: string): string {
  return raw.replace(/^'/, "").replace(/[\s-]+/g, "");
}

/** "12", "2.5" and the Indonesian "2,5"; nothing else. */
export function parseQuantity(raw: string): number | null {
  const text = raw.includes(".") ? raw : raw.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const fold = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Checks every row and groups the valid ones into targets. Returns every
 * error found; the caller writes nothing when there is any.
 */
export function planTargets(
  rows: SheetRow[],
  employees: Map<string, ImportEmployee>,
  mayImportFor: (employee: ImportEmployee) => boolean,
): { plans: PlannedTarget[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const groups = new Map<string, PlannedTarget>();
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (column: Column, message: string) => errors.push({ row, column, message });

    const nip = normalizeNip(cells.nip);
    const employee = employees.get(nip);
    if (!nip) fail("nip", "NIP is required");
    else if (EXPONENT.test(nip)) fail("nip", "The NIP was stored as a number and lost digits; format the column as text and type it again");
    else if (!/^\d{18}$/.test(nip)) fail("nip", "NIP must be exactly 18 digits");
    else if (!employee) fail("nip", "No employee with this NIP in this agency");
    else if (employee.status !== "active") fail("nip", "This employee is not active");
    else if (!mayImportFor(employee)) fail("nip", "This employee works in a unit outside your HR scope");

    const period = cells.periode.replace(/\.0+$/, "");
    if (!Period.safeParse(period).success) fail("periode", "Period must be a year such as 2026");
    const code = cells.kode || null;
    if (code && code.length > 40) fail("kode", "Code must be at most 40 characters");
    const title = cells.rhk.replace(/\s+/g, " ");
    if (!title) fail("rhk", "RHK (the target's title) is required");
    else if (title.length > 1000) fail("rhk", "RHK must be at most 1000 characters");
    const name = cells.indikator.replace(/\s+/g, " ");
    if (!name) fail("indikator", "Indicator is required");
    else if (name.length > 500) fail("indikator", "Indicator must be at most 500 characters");
    const target = parseQuantity(cells.target);
    if (target === null || target <= 0) fail("target", "Target must be a number greater than 0");
    const unit = cells.satuan.replace(/\s+/g, " ");
    if (!unit) fail("satuan", "Unit (satuan) is required");
    else if (unit.length > 50) fail("satuan", "Unit must be at most 50 characters");
    if (errors.length > before || !employee || target === null) continue;

    const key = `${employee.id}|${period}|${code ? `code:${fold(code)}` : `title:${fold(title)}`}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { employeeId: employee.id, period, code, title, indicators: [{ name, target, unit }], rows: [row], existingId: null });
      continue;
    }
    if (fold(group.title) !== fold(title)) fail("rhk", `Code "${code}" already has the RHK "${group.title}" on row ${group.rows[0]}`);
    else if (group.indicators.some((i) => fold(i.name) === fold(name)))
      fail("indikator", `This indicator already appears for this RHK on row ${group.rows[0]}`);
    else if (group.indicators.length >= MAX_INDICATORS) fail("indikator", `An RHK has at most ${MAX_INDICATORS} indicators`);
    else {
      group.indicators.push({ name, target, unit });
      group.rows.push(row);
    }
  }
  return { plans: [...groups.values()], errors: errors.sort((a, b) => a.row - b.row) };
}

/** Links each planned target to the active target it updates: same code, or same title when the file gives no code. */
export function matchExisting(plans: PlannedTarget[], existing: SkpTarget[]): void {
  const byCode = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const t of existing) {
    if (t.code) byCode.set(`${t.employee_id}|${t.period}|${fold(t.code)}`, t.id);
    const titleKey = `${t.employee_id}|${t.period}|${fold(t.title)}`;
    if (!byTitle.has(titleKey)) byTitle.set(titleKey, t.id);
  }
  for (const p of plans) {
    const base = `${p.employeeId}|${p.period}|`;
    p.existingId = (p.code ? byCode.get(base + fold(p.code)) : byTitle.get(base + fold(p.title))) ?? null;
  }
}
