import type { Engine } from "../../../config.js";
import { fromJson, toJson } from "../../../db/dialect.js";
import type { RosterRecord } from "../../../db/schema-arrangement.js";
import type { Db } from "../../../platform/context.js";
import type { KeepApartCollision, Roster } from "../engine/index.js";
import { conflictFromRecord, conflictRecord, type PackContext, packContextOf, rowFromRecord, rowRecord, unitFromRecord } from "./records.js";
import * as repo from "./repository.js";

/** Code-unit order, as the engine sorts. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byEmployee = (a: { employeeId: string }, b: { employeeId: string }) => compare(a.employeeId, b.employeeId);

/**
 * A change to one cell only touches its unit's day (counts, cap, conflicts)
 * and the person's keep-apart collisions. So instead of loading a 100,000-row
 * roster, the engine gets a roster of that unit alone (plus keep-apart
 * partners), which gives the same result for that cell.
 */
export interface Slice {
  roster: Roster;
  employeeId: string;
  unitId: string;
  pack: PackContext;
}

/** Loads the slice around one employee, locking the unit's summary row on PostgreSQL. Null when the employee is not in the roster. */
export async function loadSlice(db: Db, engine: Engine, meta: RosterRecord, employeeId: string): Promise<Slice | null> {
  const own = await repo.getRow(db, meta.id, employeeId);
  if (!own) return null;
  const unitQuery = db.selectFrom("roster_units").selectAll().where("roster_id", "=", meta.id).where("unit_id", "=", own.unit_id);
  const unit = await (engine === "postgres" ? unitQuery.forUpdate() : unitQuery).executeTakeFirst();
  if (!unit) return null;
  const members = await repo.rowsOfUnit(db, meta.id, own.unit_id);
  const present = new Set(members.map((m) => m.employee_id));
  const partners = await repo.rowsByIds(
    db,
    meta.id,
    fromJson<string[]>(own.partners).filter((p) => !present.has(p)),
  );
  const records = [...members, ...partners];
  const pack = packContextOf(meta, await repo.unitNamesOf(db, meta.id, [...new Set(records.map((r) => r.unit_id))]));
  const rows = records.map((r) => rowFromRecord(r, pack)).sort(byEmployee);
  const ids = new Set(rows.map((r) => r.employeeId));
  const conflicts = (await repo.unitConflicts(db, meta.id, own.unit_id)).map(conflictFromRecord);
  const collisions = fromJson<KeepApartCollision[]>(meta.collisions).filter((c) => ids.has(c.a) || ids.has(c.b));
  const roster: Roster = {
    version: 1,
    dates: [...pack.dates],
    settings: fromJson<Roster["settings"]>(meta.settings),
    rows,
    units: [unitFromRecord(unit)],
    conflicts,
    collisions,
  };
  return { roster, employeeId, unitId: own.unit_id, pack };
}

/** Writes back what a change did to the slice: the person's row, the unit's day, its conflicts, the collisions and the count. */
export async function saveSlice(db: Db, meta: RosterRecord, slice: Slice, after: Roster, date: string, at: string): Promise<void> {
  const row = after.rows.find((r) => r.employeeId === slice.employeeId);
  const unit = after.units[0];
  if (!row || !unit) throw new Error("the slice lost its row");
  const record = rowRecord(meta.id, meta.week_start, row, slice.pack);
  await repo.updateRow(db, meta.id, slice.employeeId, { cells: record.cells, modes: record.modes, office_days: record.office_days });
  await repo.updateUnitDays(db, meta.id, slice.unitId, JSON.stringify(unit.days));
  await repo.replaceDayConflicts(
    db,
    meta.id,
    slice.unitId,
    date,
    after.conflicts.filter((c) => c.unitId === slice.unitId && c.date === date).map((c) => conflictRecord(meta, c, at)),
  );
  const touches = (c: KeepApartCollision) => c.date === date && (c.a === slice.employeeId || c.b === slice.employeeId);
  const collisions = [...fromJson<KeepApartCollision[]>(meta.collisions).filter((c) => !touches(c)), ...after.collisions.filter(touches)].sort(
    (x, y) => compare(x.date, y.date) || compare(x.a, y.a) || compare(x.b, y.b),
  );
  await repo.updateRoster(db, meta.id, { collisions: toJson(collisions), conflict_count: await repo.countOpenConflicts(db, meta.id), updated_at: at });
}
