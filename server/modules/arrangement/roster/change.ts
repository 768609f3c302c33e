import type { z } from "zod";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { employeeNames } from "../../org/repository.js";
import { applyOverride, type Conflict, type Lang, RosterInputError } from "../engine/index.js";
import { arrangementPolicy } from "../policies.js";
import { langOf, loadRoster } from "./load.js";
import { presentConflict, presentConflictText, presentRow, presentUnit } from "./presenter.js";
import { packContextOf, rowFromRecord, unitFromRecord } from "./records.js";
import * as repo from "./repository.js";
import type { CellPatch } from "./schema.js";
import { logSensitiveRows, seesSensitive } from "./sensitive.js";
import { loadSlice, saveSlice } from "./slice.js";
import * as view from "./view-repository.js";

/**
 * HR sets one cell of a draft: marked as an override (with the previous mode,
 * the note and who set it), the unit's day and its conflicts recomputed; a
 * conflict the change causes is reported, never refused. A request conflict
 * for the same cell is resolved by the override.
 */
export async function overrideCell(ctx: Ctx, rosterId: string, employeeId: string, date: string, patch: z.infer<typeof CellPatch>, asked?: Lang) {
  const { roster } = await loadRoster(ctx, rosterId, arrangementPolicy.manageRoster);
  const at = ctx.now().toISOString();
  const newConflicts = await ctx.db.transaction().execute(async (trx) => {
    const meta = await repo.lockRoster(trx, ctx.engine, rosterId);
    if (meta?.status !== "draft") throw conflict("Only a draft roster is changed cell by cell; published rosters are frozen");
    const slice = await loadSlice(trx, ctx.engine, meta, employeeId);
    if (!slice) throw notFound("Employee in this roster");
    if (!slice.roster.dates.includes(date)) throw invalid([{ path: "params.date", message: "not a day of this roster" }]);
    const before = slice.roster.rows.find((r) => r.employeeId === employeeId)?.cells.find((c) => c.date === date);
    let result: ReturnType<typeof applyOverride>;
    try {
      result = applyOverride(slice.roster, { employeeId, date, mode: patch.mode, note: patch.note, by: ctx.actor.displayName });
    } catch (err) {
      if (err instanceof RosterInputError) throw invalid(err.issues.map((message) => ({ path: "params", message })));
      throw err;
    }
    await saveSlice(trx, meta, slice, result.roster, date, at);
    await repo.resolveRequestConflictsOfCell(trx, rosterId, employeeId, date, { by: ctx.actor.userId, at, resolution: "overridden" });
    await repo.updateRoster(trx, rosterId, { conflict_count: await repo.countOpenConflicts(trx, rosterId) });
    await audit(trx, ctx, {
      action: "arrangement.roster_cell_overridden",
      subjectType: "roster",
      subjectId: rosterId,
      agencyId: roster.agency_id,
      changes: { employeeId, date, mode: [before?.mode ?? null, patch.mode], note: patch.note },
    });
    return result.newConflicts;
  });
  return presentCellChange(ctx, rosterId, employeeId, date, newConflicts, langOf(ctx, asked));
}

/** The changed row, its unit's days and the unit's conflicts on that day, as the HR admin sees them after a change. */
export async function presentCellChange(ctx: Ctx, rosterId: string, employeeId: string, date: string, newConflicts: Conflict[], lang: Lang) {
  const meta = await repo.getRoster(ctx.db, rosterId);
  const record = await repo.getRow(ctx.db, rosterId, employeeId);
  if (!meta || !record) throw notFound("Roster row");
  const [unitRecord, place, stored] = await Promise.all([
    repo.getUnitDays(ctx.db, rosterId, record.unit_id),
    view.unitPlace(ctx.db, record.unit_id),
    view.dayConflicts(ctx.db, rosterId, record.unit_id, date),
  ]);
  if (!unitRecord) throw notFound("Roster unit");
  const row = rowFromRecord(record, packContextOf(meta, new Map([[unitRecord.unit_id, unitRecord.unit_name]])));
  const shown = seesSensitive(ctx, meta.agency_id, employeeId, place.path);
  await logSensitiveRows(ctx, meta.agency_id, [{ employeeId, factors: row.factors, shown }], `roster ${meta.week_start}`);
  const names = await employeeNames(
    ctx.db,
    stored.map((c) => c.employee_id).filter((id): id is string => id !== null),
  );
  const unit = unitFromRecord(unitRecord);
  return {
    row: presentRow(row, lang, shown),
    unit: presentUnit(unit, { parentId: place.parent_id, depth: place.depth }),
    conflicts: stored.map((c) => presentConflict(c, meta, { unit: unit.unitName, employee: c.employee_id ? (names.get(c.employee_id) ?? null) : null }, lang)),
    newConflicts: newConflicts.map((c) =>
      presentConflictText(c, { unit: unit.unitName, employee: c.employeeId ? (names.get(c.employeeId) ?? row.name) : null }, lang),
    ),
  };
}

/** Discards a draft (or a failed attempt). */
export async function discardRoster(ctx: Ctx, rosterId: string): Promise<void> {
  const { roster } = await loadRoster(ctx, rosterId, arrangementPolicy.manageRoster);
  await ctx.db.transaction().execute(async (trx) => {
    const meta = await repo.lockRoster(trx, ctx.engine, rosterId);
    if (!meta || (meta.status !== "draft" && meta.status !== "failed")) throw conflict("Only a draft or failed roster is discarded");
    await repo.deleteRoster(trx, rosterId);
    await audit(trx, ctx, {
      action: "arrangement.roster_discarded",
      subjectType: "roster",
      subjectId: rosterId,
      agencyId: roster.agency_id,
      changes: { week: roster.week_start, unitId: roster.unit_id, status: meta.status },
    });
  });
}
