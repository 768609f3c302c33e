import { newId } from "../../db/ids.js";
import type { LrsDocumentKind } from "../../db/schema-lrs.js";
import type { Db } from "../../platform/context.js";

/** Every SQL statement of the document resources (state, activity profile, agent profile). */

export interface DocKey {
  agencyId: string;
  kind: LrsDocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
}

export interface DocRow {
  doc_id: string;
  content_type: string;
  content: Buffer;
  etag: string;
  updated: string;
}

function scoped(db: Db, k: DocKey, anyRegistration = false) {
  let q = db
    .selectFrom("lrs_documents")
    .where("agency_id", "=", k.agencyId)
    .where("kind", "=", k.kind)
    .where("activity_id", "=", k.activityId)
    .where("agent_key", "=", k.agentKey);
  if (k.kind === "state" && k.registration) q = q.where("registration", "=", k.registration);
  else if (!anyRegistration) q = q.where("registration", "=", "");
  return q;
}

export async function getDocument(db: Db, k: DocKey, docId: string): Promise<DocRow | undefined> {
  const row = await scoped(db, k).select(["doc_id", "content_type", "content", "etag", "updated"]).where("doc_id", "=", docId).executeTakeFirst();
  return row ? { ...row, content: Buffer.from(row.content) } : undefined;
}

export async function listDocumentIds(db: Db, k: DocKey, since: string | null): Promise<string[]> {
  let q = scoped(db, k, true).select("doc_id");
  if (since) q = q.where("updated", ">", since);
  return (await q.orderBy("doc_id").execute()).map((r) => r.doc_id);
}

/** Inserts unless the document exists; answers whether it did. */
export async function insertDocument(db: Db, k: DocKey, docId: string, doc: Omit<DocRow, "doc_id">): Promise<boolean> {
  const res = await db
    .insertInto("lrs_documents")
    .values({
      id: newId(),
      agency_id: k.agencyId,
      kind: k.kind,
      activity_id: k.activityId,
      agent_key: k.agentKey,
      registration: k.kind === "state" ? k.registration : "",
      doc_id: docId,
      ...doc,
    })
    .onConflict((oc) => oc.columns(["agency_id", "kind", "activity_id", "agent_key", "registration", "doc_id"]).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces the document if it still has `etag`; answers whether it did. */
export async function replaceDocument(db: Db, k: DocKey, docId: string, etag: string, doc: Omit<DocRow, "doc_id">): Promise<boolean> {
  const res = await db
    .updateTable("lrs_documents")
    .set(doc)
    .where("agency_id", "=", k.agencyId)
    .where("kind", "=", k.kind)
    .where("activity_id", "=", k.activityId)
    .where("agent_key", "=", k.agentKey)
    .where("registration", "=", k.kind === "state" ? k.registration : "")
    .where("doc_id", "=", docId)
    .where("etag", "=", etag)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteDocuments(db: Db, k: DocKey, docId: string | null): Promise<void> {
  let q = db
    .deleteFrom("lrs_documents")
    .where("agency_id", "=", k.agencyId)
    .where("kind", "=", k.kind)
    .where("activity_id", "=", k.activityId)
    .where("agent_key", "=", k.agentKey);
  if (k.kind !== "state" || k.registration) q = q.where("registration", "=", k.kind === "state" ? k.registration : "");
  if (docId !== null) q = q.where("doc_id", "=", docId);
  await q.execute();
}
