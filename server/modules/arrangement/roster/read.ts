import type { z } from "zod";
import type { RosterStatus } from "../../../db/schema-arrangement.js";
import { scopeOf } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { employeeNames, getUnit } from "../../org/repository.js";
import type { Lang } from "../engine/index.js";
import { arrangementPolicy, ROSTER_READERS } from "../policies.js";
import { modeLetter } from "../week.js";
import { datesOf } from "./apply-request.js";
import { langOf, loadRoster } from "./load.js";
import { presentConflict, presentRoster, presentRow, presentUnit } from "./presenter.js";
import { packContextOf, rowFromRecord, unitFromRecord } from "./records.js";
import * as repo from "./repository.js";
import type { GridOut, GridQuery } from "./schema.js";
import { logSensitiveRows, seesSensitive } from "./sensitive.js";
import * as view from "./view-repository.js";

/** Rosters of the agency the viewer may read (their scope meets the roster's), newest week first. */
export async function listRosters(ctx: Ctx, q: { week?: string; status?: RosterStatus; agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(arrangementPolicy.listRosters(ctx.actor, agencyId), "Only HR admins and leaders read rosters; see /me/roster and /arrangement/schedule");
  const rows = await repo.listRosters(ctx.db, agencyId, q);
  const items = rows
    .filter((r) => arrangementPolicy.viewRoster(ctx.actor, { agencyId, unitPath: r.unit_path }))
    .map((r) => presentRoster(r, r.unit_id ? { id: r.unit_id, name: r.unit_name ?? "" } : null));
  return { items };
}

export async function getRosterMeta(ctx: Ctx, id: string) {
  const { roster, unit } = await loadRoster(ctx, id, arrangementPolicy.viewRoster);
  return presentRoster(roster, unit ? { id: unit.id, name: unit.name } : null);
}

/**
 * The roster as a grid: the units (with each day's office count against the
 * cap) and a page of employee rows with every cell's reason in the asked
 * language, filtered by unit, mode and name. Rows and units outside the
 * viewer's scope are left out; sensitive factors are named only to their
 * readers, and those reads are logged.
 */
export async function rosterGrid(ctx: Ctx, id: string, q: GridQuery): Promise<z.infer<typeof GridOut>> {
  const { roster, unit } = await loadRoster(ctx, id, arrangementPolicy.viewRoster);
  if (roster.status === "generating" || roster.status === "failed") throw conflict(`The roster is ${roster.status}`);
  const lang: Lang = langOf(ctx, q.lang);
  const agencyId = roster.agency_id;
  const scope = scopeOf(ctx.actor, ROSTER_READERS);
  const dates = datesOf(roster);
  let filterPath: string | null = null;
  if (q.unitId) {
    const u = await getUnit(ctx.db, q.unitId);
    if (!u || u.agency_id !== agencyId) throw invalid([{ path: "querystring.unitId", message: "unknown unit" }]);
    filterPath = u.path;
  }
  const dayIndex = q.date ? dates.indexOf(q.date) : -1;
  if (q.date && dayIndex < 0) throw invalid([{ path: "querystring.date", message: "not a day of this roster" }]);

  const [page, unitRows, conflictRows] = await Promise.all([
    view.gridPage(ctx.db, ctx.engine, {
      rosterId: id,
      agencyId,
      scope,
      unit: filterPath && q.unitId ? { id: q.unitId, path: filterPath, subtree: q.includeSubunits } : null,
      mode: q.mode ? { letter: modeLetter(q.mode), dayIndex: dayIndex >= 0 ? dayIndex : null } : null,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
    }),
    repo.unitsOfRoster(ctx.db, id),
    view.openConflictsInScope(ctx.db, id, agencyId, scope),
  ]);
  const visibleUnit = (path: string) =>
    (scope.agencyIds.includes(agencyId) || scope.unitPaths.some((s) => s.agencyId === agencyId && path.startsWith(s.path))) &&
    (!filterPath || (q.includeSubunits ? path.startsWith(filterPath) : path === filterPath));
  const pack = packContextOf(roster, new Map(unitRows.map((u) => [u.unit_id, u.unit_name])));
  const rows = page.rows.map((r) => ({ row: rowFromRecord(r, pack), shown: seesSensitive(ctx, agencyId, r.employee_id, r.unit_path) }));
  await logSensitiveRows(
    ctx,
    agencyId,
    rows.map((r) => ({ employeeId: r.row.employeeId, factors: r.row.factors, shown: r.shown })),
    `roster ${roster.week_start}`,
  );
  const filteredConflicts = conflictRows.filter((c) => !filterPath || (q.includeSubunits ? c.unit_path.startsWith(filterPath) : c.unit_id === q.unitId));
  const names = await employeeNames(
    ctx.db,
    filteredConflicts.map((c) => c.employee_id).filter((e): e is string => e !== null),
  );
  return {
    roster: presentRoster(roster, unit ? { id: unit.id, name: unit.name } : null),
    units: unitRows.filter((u) => visibleUnit(u.path)).map((u) => presentUnit(unitFromRecord(u), { parentId: u.parent_id, depth: u.depth })),
    rows: rows.map((r) => presentRow(r.row, lang, r.shown)),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    conflicts: filteredConflicts.map((c) =>
      presentConflict(c, roster, { unit: c.unit_name, employee: c.employee_id ? (names.get(c.employee_id) ?? null) : null }, lang),
    ),
  };
}
