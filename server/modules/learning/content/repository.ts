import type { Insertable, Selectable, Updateable } from "kysely";
import type { ContentAttemptTable, ContentFileTable, ContentLaunchTable, ContentPackageTable } from "../../../db/schema-content.js";
import type { Db } from "../../../platform/context.js";

export type ContentPackage = Selectable<ContentPackageTable>;
export type ContentAttempt = Selectable<ContentAttemptTable>;
export type ContentLaunch = Selectable<ContentLaunchTable>;

/** Rows per INSERT for package files: stays under SQLite's and PostgreSQL's variable limits. */
const FILE_BATCH = 200;

export async function insertPackage(trx: Db, row: Insertable<ContentPackageTable>, files: Insertable<ContentFileTable>[]): Promise<void> {
  await trx.insertInto("content_packages").values(row).execute();
  for (let i = 0; i < files.length; i += FILE_BATCH)
    await trx
      .insertInto("content_files")
      .values(files.slice(i, i + FILE_BATCH))
      .execute();
}

export function getPackage(db: Db, id: string) {
  return db.selectFrom("content_packages").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listPackages(db: Db, agencyId: string) {
  return db
    .selectFrom("content_packages")
    .select(["id", "agency_id", "standard", "title", "filename", "file_count", "size", "created_at"])
    .where("agency_id", "=", agencyId)
    .orderBy("created_at", "desc")
    .limit(500)
    .execute();
}

export function getFile(db: Db, packageId: string, path: string) {
  return db.selectFrom("content_files").select(["mime", "size", "data"]).where("package_id", "=", packageId).where("path", "=", path).executeTakeFirst();
}

export async function deletePackage(trx: Db, id: string): Promise<void> {
  await trx.deleteFrom("content_attempts").where("package_id", "=", id).execute();
  await trx.deleteFrom("content_launches").where("package_id", "=", id).execute();
  await trx.deleteFrom("content_files").where("package_id", "=", id).execute();
  await trx.deleteFrom("content_packages").where("id", "=", id).execute();
}

export async function insertLaunch(db: Db, row: Insertable<ContentLaunchTable>): Promise<void> {
  await db.insertInto("content_launches").values(row).execute();
}

export function findLaunch(db: Db, tokenHash: string, now: string) {
  return db.selectFrom("content_launches").selectAll().where("token_hash", "=", tokenHash).where("expires_at", ">", now).executeTakeFirst();
}

export async function purgeExpiredLaunches(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom("content_launches").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

export function latestAttempt(db: Db, key: { packageId: string; employeeId: string; enrolmentId: string | null; itemId: string }) {
  let q = db
    .selectFrom("content_attempts")
    .selectAll()
    .where("package_id", "=", key.packageId)
    .where("employee_id", "=", key.employeeId)
    .where("item_id", "=", key.itemId);
  q = key.enrolmentId === null ? q.where("enrolment_id", "is", null) : q.where("enrolment_id", "=", key.enrolmentId);
  return q.orderBy("attempt_no", "desc").limit(1).executeTakeFirst();
}

export function attemptsOf(db: Db, key: { packageId: string; employeeId: string; enrolmentId: string | null }) {
  let q = db.selectFrom("content_attempts").selectAll().where("package_id", "=", key.packageId).where("employee_id", "=", key.employeeId);
  q = key.enrolmentId === null ? q.where("enrolment_id", "is", null) : q.where("enrolment_id", "=", key.enrolmentId);
  return q.orderBy("item_id").orderBy("attempt_no", "desc").execute();
}

export async function insertAttempt(db: Db, row: Insertable<ContentAttemptTable>): Promise<void> {
  await db.insertInto("content_attempts").values(row).execute();
}

export function getAttempt(db: Db, id: string) {
  return db.selectFrom("content_attempts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateAttempt(
  db: Db,
  id: string,
  patch: Pick<
    Updateable<ContentAttemptTable>,
    "cmi" | "completion" | "success" | "score_scaled" | "total_seconds" | "suspended" | "terminated_at" | "updated_at"
  >,
): Promise<void> {
  await db
    .updateTable("content_attempts")
    .set((eb) => ({ ...patch, commits: eb("commits", "+", 1) }))
    .where("id", "=", id)
    .execute();
}
