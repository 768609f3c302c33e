import { toJson } from "../../db/dialect.js";
import { newId } from "../../db/ids.js";
import type { Db } from "../../platform/context.js";
import { hashSecret, newKey, newSecret } from "./credentials.js";

/** SQL of the LRS client list (credentials managed by administrators). */

export interface NewClient {
  agencyId: string;
  name: string;
  scopes: string[];
  createdBy: string | null;
  /** Fixed credentials (demo installation, tests); random when absent. */
  key?: string;
  secret?: string;
}

export async function insertClient(db: Db, c: NewClient): Promise<{ id: string; key: string; secret: string }> {
  const id = newId();
  const key = c.key ?? newKey();
  const secret = c.secret ?? newSecret();
  await db
    .insertInto("lrs_clients")
    .values({
      id,
      agency_id: c.agencyId,
      name: c.name,
      key,
      secret_hash: hashSecret(secret),
      scopes: toJson(c.scopes),
      enabled: 1,
      kind: "client",
      employee_id: null,
      registration: null,
      activity_id: null,
      expires_at: null,
      created_by: c.createdBy,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id, key, secret };
}

export async function listClients(db: Db, agencyId: string) {
  return db
    .selectFrom("lrs_clients")
    .select(["id", "agency_id", "name", "key", "scopes", "enabled", "created_by", "created_at"])
    .where("agency_id", "=", agencyId)
    .where("kind", "=", "client")
    .orderBy("created_at", "desc")
    .execute();
}

export async function getClient(db: Db, id: string) {
  return db
    .selectFrom("lrs_clients")
    .select(["id", "agency_id", "name", "key", "scopes", "enabled", "created_by", "created_at"])
    .where("id", "=", id)
    .where("kind", "=", "client")
    .executeTakeFirst();
}

export async function updateClient(db: Db, id: string, patch: { enabled?: number; scopes?: string; name?: string }): Promise<void> {
  await db.updateTable("lrs_clients").set(patch).where("id", "=", id).execute();
}

export async function deleteClient(db: Db, id: string): Promise<void> {
  await db.deleteFrom("lrs_clients").where("id", "=", id).execute();
}

/** Launch credentials past their expiry (kept a day for the record, then removed). */
export async function deleteExpiredLaunchCredentials(db: Db, before: string): Promise<number> {
  const res = await db.deleteFrom("lrs_clients").where("kind", "=", "launch").where("expires_at", "<", before).executeTakeFirst();
  return Number(res.numDeletedRows);
}
