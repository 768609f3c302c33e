import type { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import type { RosterConflictRecord, RosterRecord } from "../../../db/schema-arrangement.js";
import { type Conflict, type FactorKey, type Lang, type Reason, type RosterCell, type RosterRow, renderConflict, renderReason } from "../engine/index.js";
import { conflictFromRecord, type RosterUnitDays } from "./records.js";
import type { CellOut, ConflictOut, ConflictText, GridRow, GridUnit, RosterOut } from "./schema.js";

/** Specific personal data among the priority factors: named only to sensitive readers. */
const SENSITIVE: ReadonlySet<FactorKey> = new Set<FactorKey>(["comorbidity", "pregnancy"]);

export function hasSensitiveFactor(factors: readonly string[]): boolean {
  return factors.some((f) => SENSITIVE.has(f as FactorKey));
}

function visibleReason(reason: Reason, showSensitive: boolean): Reason {
  if (showSensitive) return reason;
  if (reason.code === "quota_full" || reason.code === "keep_apart") {
    return { ...reason, params: { ...reason.params, factors: reason.params.factors.filter((f) => !SENSITIVE.has(f)) } } as Reason;
  }
  return reason;
}

export function presentRoster(r: RosterRecord, unit: { id: string; name: string } | null): RosterOut {
  return {
    id: r.id,
    week: r.week_start,
    dates: fromJson<string[]>(r.dates),
    unit,
    status: r.status,
    totalCount: r.total_count,
    processedCount: r.processed_count,
    conflictCount: r.conflict_count,
    inputHash: r.input_hash,
    policyIds: fromJson<string[]>(r.policy_ids),
    message: r.message,
    createdAt: r.created_at,
    generatedAt: r.generated_at,
    publishedAt: r.published_at,
  };
}

export function presentCell(cell: RosterCell, lang: Lang, showSensitive: boolean): z.infer<typeof CellOut> {
  return {
    date: cell.date,
    mode: cell.mode,
    source: cell.source,
    reasonCode: cell.reason.code,
    reason: renderReason({ mode: cell.mode, reason: visibleReason(cell.reason, showSensitive) }, lang),
  };
}

export function presentRow(row: RosterRow, lang: Lang, showSensitive: boolean): z.infer<typeof GridRow> {
  return {
    employeeId: row.employeeId,
    name: row.name,
    unitId: row.unitId,
    pinned: row.pinned,
    priority: row.priority,
    factors: showSensitive ? row.factors : row.factors.filter((f) => !SENSITIVE.has(f)),
    cells: row.cells.map((c) => presentCell(c, lang, showSensitive)),
  };
}

export function presentUnit(u: RosterUnitDays, place: { parentId: string | null; depth: number }): z.infer<typeof GridUnit> {
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    parentId: place.parentId,
    depth: place.depth,
    days: u.days.map((d) => ({
      date: d.date,
      headcount: d.headcount,
      available: d.available,
      absent: d.absent,
      office: d.office,
      home: d.home,
      pinnedOffice: d.pinnedOffice,
      cap: d.cap,
      capPct: d.capPct,
      minOnSite: d.minOnSite,
      window: d.window,
    })),
  };
}

/** A conflict in words; the employee is named rather than given by id. */
export function presentConflictText(c: Conflict, names: { unit: string; employee: string | null }, lang: Lang): z.infer<typeof ConflictText> {
  const named = c.employeeId && names.employee ? ({ ...c, employeeId: names.employee } as Conflict) : c;
  return {
    unitId: c.unitId,
    unitName: names.unit,
    date: c.date,
    rule: c.rule,
    employeeId: c.employeeId,
    employeeName: names.employee,
    detail: c.detail as unknown as Record<string, unknown>,
    text: renderConflict(named, lang, names.unit),
  };
}

export function presentConflict(
  r: RosterConflictRecord,
  roster: Pick<RosterRecord, "week_start" | "status">,
  names: { unit: string; employee: string | null },
  lang: Lang,
): z.infer<typeof ConflictOut> {
  return {
    ...presentConflictText(conflictFromRecord(r), names, lang),
    id: r.id,
    rosterId: r.roster_id,
    week: roster.week_start,
    rosterStatus: roster.status,
    source: r.source,
    requestId: r.request_id,
    status: r.status,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
  };
}
