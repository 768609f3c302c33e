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

/** Activities and minutes per SKP target (RHK) in reports of the subtree in the range, largest first. */
export async function rhkActivity(db: Db, unit: Unit, from: string, to: string, limit = 20) {
  const rows = await sql<{ rhk_id: string; title: string; activities: number | string; minutes: number | string | null }>`
    select a.rhk_id, t.title, count(*) as activities, sum(a.minutes) as minutes
    from report_activities a
    inner join daily_reports r on r.id = a.report_id
    inner join units on units.id = r.unit_id
    inner join skp_targets t on t.id = a.rhk_id
    where r.agency_id = ${unit.agency_id} and r.work_date >= ${from} and r.work_date <= ${to} and r.status <> 'draft' and ${inSubtree(unit)}
    group by a.rhk_id, t.title
    order by sum(a.minutes) desc, a.rhk_id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ rhkId: r.rhk_id, title: r.title, activities: Number(r.activities), minutes: Number(r.minutes ?? 0) }));
}
