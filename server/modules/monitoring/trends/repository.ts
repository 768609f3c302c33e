import { sql } from "kysely";
import type { Unit } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { inSubtree } from "../scope.js";

/** The units of a subtree (the root included), shallowest first. */
export function subtreeUnits(db: Db, unit: Unit) {
  return db
    .selectFrom("units")
    .select(["id", "name", "path", "depth", "parent_id"])
    .where("agency_id", "=", unit.agency_id)
    .where(inSubtree(unit))
    .orderBy("depth")
    .orderBy("name")
    .execute();
}

/**
 * Activities and minutes per SKP target (RHK) in reports of the subtree in the
 * range, largest first; the titles are joined to the top rows only.
 */
export async function rhkActivity(db: Db, unit: Unit, from: string, to: string, limit = 20) {
  const rows = await sql<{ rhk_id: string; title: string; activities: number | string; minutes: number | string | null }>`
    with top as (
      select a.rhk_id, count(*) as activities, sum(a.minutes) as minutes
      from report_activities a
      inner join daily_reports r on r.id = a.report_id
      inner join units on units.id = r.unit_id
      where r.agency_id = ${unit.agency_id} and r.work_date >= ${from} and r.work_date <= ${to} and r.status <> 'draft'
        and ${inSubtree(unit)} and a.rhk_id is not null
      group by a.rhk_id
      order by sum(a.minutes) desc, a.rhk_id
      limit ${limit}
    )
    select top.rhk_id, t.title, top.activities, top.minutes
    from top inner join skp_targets t on t.id = top.rhk_id
    order by top.minutes desc, top.rhk_id`.execute(db);
  return rows.rows.map((r) => ({ rhkId: r.rhk_id, title: r.title, activities: Number(r.activities), minutes: Number(r.minutes ?? 0) }));
}
