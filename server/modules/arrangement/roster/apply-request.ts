import type { Engine } from "../../../config.js";
import { fromJson } from "../../../db/dialect.js";
import type { RequestOutcome, RosterRecord } from "../../../db/schema-arrangement.js";
import type { Db } from "../../../platform/context.js";
import { applyRequest, type Conflict } from "../engine/index.js";
import { conflictRecord, unpackCells } from "./records.js";
import * as repo from "./repository.js";
import { loadSlice, saveSlice } from "./slice.js";

export interface RequestToApply {
  id: string;
  employee_id: string;
  date: string;
  mode: "WFO" | "WFH";
  reason: string;
}

export interface ApplyResult {
  outcome: RequestOutcome;
  rosterId: string | null;
  /** Why it was not applied (outcome "conflict"). */
  conflicts: Conflict[];
}

/** The published roster in force for an employee's week: the latest one published that contains them. */
export function publishedRosterOf(db: Db, employeeId: string, week: string): Promise<RosterRecord | undefined> {
  return db
    .selectFrom("roster_rows")
    .innerJoin("rosters", "rosters.id", "roster_rows.roster_id")
    .selectAll("rosters")
    .where("roster_rows.employee_id", "=", employeeId)
    .where("roster_rows.week_start", "=", week)
    .where("rosters.status", "=", "published")
    .orderBy("rosters.published_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Applies an approved request to a roster (the caller holds the roster's lock
 * in its transaction): changed when the unit's cap, minimum on site and the
 * pinned rule still hold, otherwise stored as open conflicts for HR.
 */
export async function applyToRoster(db: Db, engine: Engine, meta: RosterRecord, r: RequestToApply, at: string): Promise<ApplyResult> {
  const slice = await loadSlice(db, engine, meta, r.employee_id);
  if (!slice?.roster.dates.includes(r.date)) return { outcome: "awaiting_roster", rosterId: null, conflicts: [] };
  const result = applyRequest(slice.roster, { employeeId: r.employee_id, date: r.date, mode: r.mode, note: r.reason, requestId: r.id });
  if (result.applied) {
    await saveSlice(db, meta, slice, result.roster, r.date, at);
    return { outcome: "applied", rosterId: meta.id, conflicts: [] };
  }
  await repo.insertConflicts(
    db,
    result.conflicts.map((c) => conflictRecord(meta, c, at, { requestId: r.id, employeeId: r.employee_id })),
  );
  await repo.updateRoster(db, meta.id, { conflict_count: await repo.countOpenConflicts(db, meta.id), updated_at: at });
  return { outcome: "conflict", rosterId: meta.id, conflicts: result.conflicts };
}

/**
 * Where a request stands in a roster that already holds it: applied (the
 * cell came from it), in conflict (an open conflict names it), or not there yet.
 */
export async function requestStateIn(db: Db, meta: RosterRecord, r: RequestToApply): Promise<RequestOutcome | null> {
  const row = await repo.getRow(db, meta.id, r.employee_id);
  if (!row) return null;
  // Only the source and the request id matter here, not the names in the reasons.
  const cell = unpackCells(row.cells, datesOf(meta), "", 0).find((c) => c.date === r.date);
  if (cell?.reason.code === "request" && cell.reason.params.requestId === r.id) return "applied";
  return (await repo.hasOpenRequestConflict(db, meta.id, r.id)) ? "conflict" : null;
}

export function datesOf(meta: RosterRecord): string[] {
  return fromJson<string[]>(meta.dates);
}
