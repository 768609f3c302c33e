import { type Expression, type Insertable, type SqlBool, sql, type Updateable } from "kysely";
import type { Place, PlaceTable } from "../../../db/schema-logbook.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";

export function getPlace(db: Db, id: string): Promise<Place | undefined> {
  return db.selectFrom("places").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listOffices(db: Db, agencyId: string, unitId?: string): Promise<Place[]> {
  let q = db.selectFrom("places").selectAll().where("agency_id", "=", agencyId).where("kind", "=", "office");
  if (unitId) q = q.where("unit_id", "=", unitId);
  return q.orderBy("name").orderBy("id").execute();
}

/** A person's own registered places (home, other), every status. */
export function placesOfEmployee(db: Db, employeeId: string): Promise<Place[]> {
  return db.selectFrom("places").selectAll().where("employee_id", "=", employeeId).orderBy("created_at").execute();
}

/** Own places that still count against the per-person limit (pending or approved). */
export async function countLiveOwnPlaces(db: Db, employeeId: string): Promise<number> {
  const r = await db
    .selectFrom("places")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("employee_id", "=", employeeId)
    .where("status", "!=", "rejected")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The approved places that apply to an employee: offices of their unit and its
 * ancestors, agency-wide offices, and their own approved home / other places.
 */
export function applicablePlaces(db: Db, o: { agencyId: string; unitIds: string[]; employeeId: string }): Promise<Place[]> {
  return db
    .selectFrom("places")
    .selectAll()
    .where("agency_id", "=", o.agencyId)
    .where("status", "=", "approved")
    .where((eb) =>
      eb.or([eb.and([eb("kind", "=", "office"), eb.or([eb("unit_id", "is", null), eb("unit_id", "in", o.unitIds)])]), eb("employee_id", "=", o.employeeId)]),
    )
    .execute();
}

export async function insertPlace(db: Db, row: Insertable<PlaceTable>): Promise<void> {
  await db.insertInto("places").values(row).execute();
}

export async function updatePlace(db: Db, id: string, set: Updateable<PlaceTable>): Promise<void> {
  await db.updateTable("places").set(set).where("id", "=", id).execute();
}

export async function deletePlace(db: Db, id: string): Promise<void> {
  await db.deleteFrom("places").where("id", "=", id).execute();
}

/** Home / other places of a status within an HR scope, with whose they are. */
export function proposalsInScope(db: Db, agencyId: string, scope: Scope, status: Place["status"]) {
  return db
    .selectFrom("places")
    .innerJoin("employees", "employees.id", "places.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .selectAll("places")
    .select(["employees.name as employee_name", "units.name as unit_name", "units.path as unit_path"])
    .where("places.agency_id", "=", agencyId)
    .where("places.kind", "!=", "office")
    .where("places.status", "=", status)
    .where((eb) => {
      const ors: Expression<SqlBool>[] = [];
      if (scope.agencyIds.includes(agencyId)) ors.push(sql<SqlBool>`1 = 1`);
      for (const u of scope.unitPaths) if (u.agencyId === agencyId) ors.push(eb(sql<string>`substr(units.path, 1, ${u.path.length})`, "=", u.path));
      return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
    })
    .orderBy("places.created_at")
    .limit(500)
    .execute();
}
