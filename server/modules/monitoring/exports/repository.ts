import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../../../db/schema.js";
import type { ExportStatus, MonitoringExportTable } from "../../../db/schema-monitoring.js";
import type { Db } from "../../../platform/context.js";

export const RUNNING: ExportStatus[] = ["queued", "running"];

export async function insertJob(db: Db, row: Insertable<MonitoringExportTable>): Promise<void> {
  await db.insertInto("monitoring_exports").values(row).execute();
}

/** A job of its creator; another person's job is not returned. */
export function getOwnJob(db: Db, id: string, userId: string) {
  return db.selectFrom("monitoring_exports").selectAll().where("id", "=", id).where("created_by", "=", userId).executeTakeFirst();
}

/** Updates the job if it is still in one of the expected states; false when it is not (failed by recovery meanwhile). */
export async function updateJob(db: Db, id: string, patch: Updateable<MonitoringExportTable>, expected: ExportStatus[]): Promise<boolean> {
  const r = await db.updateTable("monitoring_exports").set(patch).where("id", "=", id).where("status", "in", expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function getFile(db: Db, id: string) {
  return db.selectFrom("files").select(["filename", "mime", "data"]).where("id", "=", id).executeTakeFirst();
}

export async function insertFile(
  db: Db,
  row: { id: string; agency_id: string; owner_user_id: string; filename: string; mime: string; size: number; sha256: string; data: Buffer; created_at: string },
): Promise<void> {
  await db
    .insertInto("files")
    .values({ ...row, purpose: "monitoring_export" })
    .execute();
}

export async function failRunningJobs(db: Kysely<DB>, o: { message: string; now: string; idleSince: string | null; exceptIds: string[] }): Promise<number> {
  let q = db
    .updateTable("monitoring_exports")
    .set({ status: "failed", error: o.message, finished_at: o.now, updated_at: o.now })
    .where("status", "in", RUNNING);
  if (o.idleSince) q = q.where("updated_at", "<", o.idleSince);
  if (o.exceptIds.length) q = q.where("id", "not in", o.exceptIds);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
