import type { Insertable } from "kysely";
import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type {
  RosterConflictRecord,
  RosterConflictTable,
  RosterRecord,
  RosterRowRecord,
  RosterRowTable,
  RosterUnitTable,
} from "../../../db/schema-arrangement.js";
import type {
  CellSource,
  Conflict,
  FactorKey,
  PinBasis,
  Reason,
  ReasonCode,
  Roster,
  RosterCell,
  RosterRow,
  UnitDaySummary,
  WorkMode,
} from "../engine/index.js";
import { decodeMode, encodeModes, modeLetter } from "../week.js";

/** Conversions between the engine's roster pieces and their rows. */

/**
 * What a stored row leaves out because the roster knows it: each cell's date
 * (cells follow the roster's dates), the unit's name and the age threshold in
 * the reasons. A 100,000-employee week is then about a third of the bytes.
 */
export interface PackContext {
  dates: readonly string[];
  ageThreshold: number;
  unitName: (unitId: string) => string;
}

type Packed = [mode: string, source: string, code: ReasonCode, params: Record<string, unknown>];

const SOURCE: Record<CellSource, string> = { generated: "g", override: "o", request: "r" };
const SOURCE_OF: Record<string, CellSource> = { g: "generated", o: "override", r: "request" };

export function packCells(cells: readonly RosterCell[], unitName: string, ageThreshold: number): string {
  const packed = cells.map((c): Packed => {
    const params: Record<string, unknown> = { ...c.reason.params };
    if (params.date === c.date) delete params.date;
    if (params.unitName === unitName) delete params.unitName;
    if (params.ageThreshold === ageThreshold) delete params.ageThreshold;
    return [modeLetter(c.mode), SOURCE[c.source], c.reason.code, params];
  });
  return JSON.stringify(packed);
}

const WITH_DATE = new Set<ReasonCode>(["office_rotation", "quota_full", "window_home", "window_office"]);
const WITH_UNIT = new Set<ReasonCode>(["office_rotation", "quota_full"]);
const WITH_AGE = new Set<ReasonCode>(["quota_full", "keep_apart"]);

export function unpackCells(text: string, dates: readonly string[], unitName: string, ageThreshold: number): RosterCell[] {
  return (JSON.parse(text) as Packed[]).map(([letter, source, code, params], i) => {
    const date = dates[i];
    const full = { ...params };
    if (WITH_DATE.has(code) && full.date === undefined) full.date = date;
    if (WITH_UNIT.has(code) && full.unitName === undefined) full.unitName = unitName;
    if (WITH_AGE.has(code) && full.ageThreshold === undefined) full.ageThreshold = ageThreshold;
    return { date, mode: decodeMode(letter) as WorkMode, reason: { code, params: full } as Reason, source: SOURCE_OF[source] };
  });
}

export function rowRecord(
  rosterId: string,
  weekStart: string,
  row: RosterRow,
  ctx: Omit<PackContext, "dates">,
): Insertable<RosterRowTable> & { cells: string; modes: string; office_days: number } {
  let office = 0;
  for (const c of row.cells) if (c.mode === "WFO") office++;
  return {
    roster_id: rosterId,
    employee_id: row.employeeId,
    unit_id: row.unitId,
    week_start: weekStart,
    name: row.name,
    pinned: row.pinned,
    echelon: row.echelon,
    priority: row.priority,
    factors: toJson(row.factors),
    partners: toJson(row.partners),
    modes: encodeModes(row.cells.map((c) => c.mode)),
    office_days: office,
    cells: packCells(row.cells, ctx.unitName(row.unitId), ctx.ageThreshold),
  };
}

export function rowFromRecord(r: Omit<RosterRowRecord, "roster_id" | "week_start" | "modes" | "office_days">, ctx: PackContext): RosterRow {
  return {
    employeeId: r.employee_id,
    unitId: r.unit_id,
    name: r.name,
    pinned: r.pinned as PinBasis | null,
    echelon: r.echelon,
    priority: Number(r.priority),
    factors: fromJson<FactorKey[]>(r.factors),
    partners: fromJson<string[]>(r.partners),
    cells: unpackCells(r.cells, ctx.dates, ctx.unitName(r.unit_id), ctx.ageThreshold),
  };
}

/** The pack context of a stored roster, given its units' names. */
export function packContextOf(meta: Pick<RosterRecord, "dates" | "settings">, names: ReadonlyMap<string, string>): PackContext {
  const settings = fromJson<Roster["settings"] | null>(meta.settings);
  return { dates: fromJson<string[]>(meta.dates), ageThreshold: settings?.ageThreshold ?? 0, unitName: (id) => names.get(id) ?? "" };
}

export interface RosterUnitDays {
  unitId: string;
  unitName: string;
  days: UnitDaySummary[];
}

export function unitRecord(rosterId: string, u: RosterUnitDays): RosterUnitTable {
  return { roster_id: rosterId, unit_id: u.unitId, unit_name: u.unitName, days: JSON.stringify(u.days) };
}

export function unitFromRecord(r: RosterUnitTable): RosterUnitDays {
  return { unitId: r.unit_id, unitName: r.unit_name, days: JSON.parse(r.days) as UnitDaySummary[] };
}

export function conflictRecord(
  roster: { id: string; agency_id: string },
  c: Conflict,
  at: string,
  source: { requestId: string; employeeId: string } | null = null,
): Insertable<RosterConflictTable> {
  return {
    id: newId(),
    roster_id: roster.id,
    agency_id: roster.agency_id,
    unit_id: c.unitId,
    date: c.date,
    rule: c.rule,
    // A request's conflict names the person who asked, also when the rule is about the unit's day.
    employee_id: c.employeeId ?? source?.employeeId ?? null,
    detail: toJson(c.detail),
    source: source ? "request" : "roster",
    request_id: source?.requestId ?? null,
    status: "open",
    resolution: null,
    resolved_by: null,
    resolved_at: null,
    created_at: at,
  };
}

export function conflictFromRecord(r: Pick<RosterConflictRecord, "unit_id" | "date" | "rule" | "employee_id" | "detail">): Conflict {
  return { unitId: r.unit_id, date: r.date, rule: r.rule, employeeId: r.employee_id, detail: fromJson(r.detail) } as Conflict;
}
