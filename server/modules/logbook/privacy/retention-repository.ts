import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.js";

/**
 * The statements of the retention job. Each purges at most `batch` rows in
 * one short statement (ids chosen by a sub-select), so a backlog of a million
 * rows never holds the write lock for long; the caller loops until a batch
 * comes back short. The outer "not purged yet" makes a second instance
 * running at the same moment skip rows the first one took (no double counts).
 */
export async function purgeCoordinatesBatch(db: Kysely<DB>, o: { agencyId: string; before: string; now: string; batch: number }): Promise<number> {
  const r = await db
    .updateTable("checkins")
    .set({ lat: null, lng: null, accuracy_m: null, coords_purged_at: o.now })
    .where("coords_purged_at", "is", null)
    .where("id", "in", (eb) =>
      eb
        .selectFrom("checkins")
        .select("id")
        .where("agency_id", "=", o.agencyId)
        .where("coords_purged_at", "is", null)
        .where("work_date", "<", o.before)
        .limit(o.batch),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function purgeHealthAnswersBatch(db: Kysely<DB>, o: { agencyId: string; before: string; now: string; batch: number }): Promise<number> {
  const r = await db
    .updateTable("health_checks")
    .set({ answers: null, answers_purged_at: o.now })
    .where("answers_purged_at", "is", null)
    .where("id", "in", (eb) =>
      eb
        .selectFrom("health_checks")
        .select("id")
        .where("agency_id", "=", o.agencyId)
        .where("answers_purged_at", "is", null)
        .where("work_date", "<", o.before)
        .limit(o.batch),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function agencies(db: Kysely<DB>) {
  return db.selectFrom("agencies").select(["id", "timezone"]).orderBy("id").execute();
}
