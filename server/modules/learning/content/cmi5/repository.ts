import type { Insertable, Selectable } from "kysely";
import { toJson } from "../../../../db/dialect.js";
import type { Cmi5AuStateTable, Cmi5SessionTable } from "../../../../db/schema-content.js";
import type { Db } from "../../../../platform/context.js";

export type Cmi5Session = Selectable<Cmi5SessionTable>;
export type Cmi5AuState = Selectable<Cmi5AuStateTable>;

export async function findOrCreateRegistration(
  trx: Db,
  k: { packageId: string; agencyId: string; employeeId: string; enrolmentId: string; lessonId: string | null; now: string },
) {
  const find = () =>
    trx
      .selectFrom("cmi5_registrations")
      .selectAll()
      .where("package_id", "=", k.packageId)
      .where("employee_id", "=", k.employeeId)
      .where("enrolment_id", "=", k.enrolmentId)
      .executeTakeFirst();
  const found = await find();
  if (found) return { reg: found, created: false };
  const inserted = await trx
    .insertInto("cmi5_registrations")
    .values({
      id: crypto.randomUUID(),
      package_id: k.packageId,
      agency_id: k.agencyId,
      employee_id: k.employeeId,
      enrolment_id: k.enrolmentId,
      lesson_id: k.lessonId,
      satisfied_at: null,
      satisfied_blocks: toJson([]),
      created_at: k.now,
    })
    .onConflict((oc) => oc.columns(["package_id", "employee_id", "enrolment_id"]).doNothing())
    .execute();
  const reg = await find();
  if (!reg) throw new Error("cmi5 registration could not be created");
  return { reg, created: inserted.some((r) => Number(r.numInsertedOrUpdatedRows ?? 0) > 0) };
}

export function getRegistration(db: Db, id: string) {
  return db.selectFrom("cmi5_registrations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSession(db: Db, row: Insertable<Cmi5SessionTable>): Promise<void> {
  await db.insertInto("cmi5_sessions").values(row).execute();
}

export function openSessions(db: Db, registrationId: string) {
  return db.selectFrom("cmi5_sessions").selectAll().where("registration_id", "=", registrationId).where("status", "in", ["launched", "initialized"]).execute();
}

export function sessionByFetchToken(db: Db, hash: string) {
  return db.selectFrom("cmi5_sessions").selectAll().where("fetch_token_hash", "=", hash).executeTakeFirst();
}

export function sessionByCredential(db: Db, key: string) {
  return db.selectFrom("cmi5_sessions").selectAll().where("credential_key", "=", key).executeTakeFirst();
}

export async function markFetched(db: Db, sessionId: string, credentialKey: string): Promise<boolean> {
  const r = await db
    .updateTable("cmi5_sessions")
    .set({ fetch_used: 1, credential_key: credentialKey })
    .where("id", "=", sessionId)
    .where("fetch_used", "=", 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function endSession(db: Db, id: string, status: "terminated" | "abandoned", at: string): Promise<void> {
  await db.updateTable("cmi5_sessions").set({ status, ended_at: at }).where("id", "=", id).execute();
}

export async function updateSession(
  db: Db,
  id: string,
  patch: { status: Cmi5Session["status"]; verbs: string[]; last_statement_at: string; ended_at?: string | null },
): Promise<void> {
  await db
    .updateTable("cmi5_sessions")
    .set({
      status: patch.status,
      verbs: toJson(patch.verbs),
      last_statement_at: patch.last_statement_at,
      ...(patch.ended_at ? { ended_at: patch.ended_at } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export function auStates(db: Db, registrationId: string) {
  return db.selectFrom("cmi5_au_states").selectAll().where("registration_id", "=", registrationId).execute();
}

export async function upsertAuState(
  db: Db,
  registrationId: string,
  auId: string,
  patch: Partial<Pick<Cmi5AuStateTable, "completed" | "passed" | "failed" | "waived" | "score_scaled">>,
  now: string,
): Promise<void> {
  const current = await db.selectFrom("cmi5_au_states").selectAll().where("registration_id", "=", registrationId).where("au_id", "=", auId).executeTakeFirst();
  if (current) {
    await db
      .updateTable("cmi5_au_states")
      .set({ ...patch, updated_at: now })
      .where("registration_id", "=", registrationId)
      .where("au_id", "=", auId)
      .execute();
  } else {
    await db
      .insertInto("cmi5_au_states")
      .values({ registration_id: registrationId, au_id: auId, completed: 0, passed: 0, failed: 0, waived: 0, score_scaled: null, ...patch, updated_at: now })
      .execute();
  }
}

export async function markSatisfied(db: Db, registrationId: string, blocks: string[], courseAt: string | null): Promise<void> {
  await db
    .updateTable("cmi5_registrations")
    .set({ satisfied_blocks: toJson(blocks), ...(courseAt ? { satisfied_at: courseAt } : {}) })
    .where("id", "=", registrationId)
    .execute();
}
