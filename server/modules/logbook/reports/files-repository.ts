import type { Insertable } from "kysely";
import type { FileTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

export const EVIDENCE_PURPOSE = "evidence";

export async function insertFile(db: Db, row: Insertable<FileTable>): Promise<void> {
  await db.insertInto("files").values(row).execute();
}

/** Files' metadata, never their bytes. */
export function filesMeta(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("files").select(["id", "agency_id", "owner_user_id", "purpose", "filename", "mime", "size"]).where("id", "in", ids).execute();
}

/** One file with its bytes and its owner's employee record. */
export function fileWithOwner(db: Db, id: string) {
  return db
    .selectFrom("files")
    .innerJoin("users", "users.id", "files.owner_user_id")
    .selectAll("files")
    .select("users.employee_id as owner_employee_id")
    .where("files.id", "=", id)
    .executeTakeFirst();
}
