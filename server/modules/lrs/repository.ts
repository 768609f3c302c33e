import { type RawBuilder, sql } from "kysely";
import { PREPARED } from "../../db/database.js";
import { onPostgres } from "../../db/dialect.js";
import type { Db } from "../../platform/context.js";

/** Every SQL statement of the LRS statement resource. */

/** Rows or ids per statement, within both engines' limits on bound parameters (SQLite: 32,766). */
const CHUNK = 500;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export interface StoredRow {
  seq: number;
  statement_id: string;
  body: string;
  voided: number;
  voids: string | null;
  stored: string;
}

export async function findStatements(db: Db, agencyId: string, ids: string[]): Promise<StoredRow[]> {
  const out: StoredRow[] = [];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("lrs_statements")
      .select(["seq", "statement_id", "body", "voided", "voids", "stored"])
      .where("agency_id", "=", agencyId)
      .where("statement_id", "in", part)
      .execute();
    out.push(...rows);
  }
  return out;
}

export interface NewStatementRow {
  agency_id: string;
  statement_id: string;
  stored: string;
  verb_id: string;
  actor_key: string;
  client_id: string;
  voided: number;
  voids: string | null;
  has_attachments: number;
  body: string;
}

export async function insertStatements(db: Db, rows: NewStatementRow[]): Promise<{ seq: number; statement_id: string }[]> {
  const out: { seq: number; statement_id: string }[] = [];
  // 10 columns a row: 200 rows stay far below the parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    out.push(
      ...(await db
        .insertInto("lrs_statements")
        .values(rows.slice(i, i + 200))
        .returning(["seq", "statement_id"])
        .execute()),
    );
  }
  return out;
}

export interface FactRow {
  h: number;
  seq: number;
}

/**
 * A batch of fact rows in one statement with one or two parameters, whatever its size: the rows travel as
 * arrays (unnest on PostgreSQL, json_each on SQLite) instead of two bound values each, which the query
 * builder would walk one by one. The SQL text never changes, so it stays prepared.
 */
export async function insertFacts(db: Db, rows: FactRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (onPostgres(db)) {
    const h = rows.map((r) => r.h);
    const seq = rows.map((r) => r.seq);
    await sql`${sql.raw(PREPARED)}insert into lrs_statement_facts (h, seq)
      select * from unnest(${h}::bigint[], ${seq}::bigint[]) on conflict do nothing`.execute(db);
    return;
  }
  let pairs = "[";
  for (let i = 0; i < rows.length; i++) pairs += `${i === 0 ? "" : ","}[${rows[i].h},${rows[i].seq}]`;
  pairs += "]";
  await sql`insert into lrs_statement_facts (h, seq)
    select value ->> 0, value ->> 1 from json_each(${pairs}) where true on conflict do nothing`.execute(db);
}

export async function markVoided(db: Db, agencyId: string, statementIds: string[]): Promise<void> {
  for (const part of chunks(statementIds)) {
    await db.updateTable("lrs_statements").set({ voided: 1 }).where("agency_id", "=", agencyId).where("statement_id", "in", part).execute();
  }
}

/** Ids among `ids` that an already stored statement voids. */
export async function voidedAlready(db: Db, agencyId: string, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom("lrs_statements").select("voids").where("agency_id", "=", agencyId).where("voids", "in", part).execute();
    out.push(...rows.map((r) => r.voids as string));
  }
  return out;
}

export async function insertAttachments(db: Db, rows: { agency_id: string; sha2: string; content_type: string; content: Buffer }[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto("lrs_attachments")
      .values(row)
      .onConflict((oc) => oc.columns(["agency_id", "sha2"]).doNothing())
      .execute();
  }
}

export async function findAttachments(db: Db, agencyId: string, hashes: string[]): Promise<{ sha2: string; content_type: string; content: Buffer }[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectFrom("lrs_attachments")
    .select(["sha2", "content_type", "content"])
    .where("agency_id", "=", agencyId)
    .where("sha2", "in", hashes)
    .execute();
  return rows.map((r) => ({ ...r, content: Buffer.from(r.content) }));
}

export interface StatementQuery {
  agencyId: string;
  /** Hashes of the facts every result must have (`fact-hash.ts`); the caller checks the rows against the facts. */
  facts: number[];
  since: string | null;
  until: string | null;
  ascending: boolean;
  /** Exclusive cursor on seq and the upper bound fixed at the first page. */
  after: number | null;
  through: number | null;
  limit: number;
  clientId: string | null;
  actorKey: string | null;
}

/**
 * Planned on every call, not prepared: a generic plan cannot know how many
 * statements a fact hash has, and for a common one (a verb) it read them all
 * and sorted them instead of walking the rarest fact newest first.
 */
export async function queryStatements(db: Db, q: StatementQuery): Promise<{ seq: number; body: string }[]> {
  const joins: RawBuilder<unknown>[] = [];
  const conds: RawBuilder<unknown>[] = [sql`s.agency_id = ${q.agencyId}`, sql`s.voided = 0`];
  let seqCol = sql.ref("s.seq");
  q.facts.forEach((h, i) => {
    const alias = sql.table(`f${i}`);
    const col = sql.ref(`f${i}.seq`);
    if (i === 0) {
      joins.push(sql`from lrs_statement_facts as ${alias} join lrs_statements as s on s.seq = ${col}`);
      seqCol = col;
    } else {
      joins.push(sql`join lrs_statement_facts as ${alias} on ${col} = ${seqCol}`);
    }
    conds.push(sql`${sql.ref(`f${i}.h`)} = ${h}`);
  });
  if (joins.length === 0) joins.push(sql`from lrs_statements as s`);
  if (q.since) conds.push(sql`s.stored > ${q.since}`);
  if (q.until) conds.push(sql`s.stored <= ${q.until}`);
  if (q.through !== null) conds.push(sql`${seqCol} <= ${q.through}`);
  if (q.after !== null) conds.push(q.ascending ? sql`${seqCol} > ${q.after}` : sql`${seqCol} < ${q.after}`);
  if (q.clientId) conds.push(sql`s.client_id = ${q.clientId}`);
  if (q.actorKey) conds.push(sql`s.actor_key = ${q.actorKey}`);
  const order = q.ascending ? sql`asc` : sql`desc`;
  const query = sql<{
    seq: number;
    body: string;
  }>`select s.seq as seq, s.body as body ${sql.join(joins, sql` `)} where ${sql.join(conds, sql` and `)} order by ${seqCol} ${order} limit ${q.limit}`;
  const res = await query.execute(db);
  return res.rows;
}

export async function maxSeq(db: Db, agencyId: string): Promise<number> {
  const res = await sql<{ m: number | null }>`${sql.raw(PREPARED)}select max(seq) as m from lrs_statements where agency_id = ${agencyId}`.execute(db);
  return Number(res.rows[0]?.m ?? 0);
}

export async function getActivityDefinitions(db: Db, agencyId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("lrs_activities")
    .select(["activity_id", "definition"])
    .where("agency_id", "=", agencyId)
    .where("activity_id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.activity_id, r.definition]));
}

/**
 * The stored definitions of activities about to be merged with new ones, locked
 * until the transaction ends. On PostgreSQL every id gets a row first (an empty
 * definition where none was stored) and the rows are locked in id order, so
 * concurrent writers of one activity merge one after the other instead of one
 * overwriting the other's languages, and never wait on each other in a cycle.
 * SQLite has one writer: nothing to lock.
 */
export async function lockActivityDefinitions(db: Db, agencyId: string, ids: string[], at: string): Promise<Map<string, string>> {
  if (ids.length === 0 || !onPostgres(db)) return getActivityDefinitions(db, agencyId, ids);
  const sorted = [...ids].sort();
  await db
    .insertInto("lrs_activities")
    .values(sorted.map((activity_id) => ({ agency_id: agencyId, activity_id, definition: "{}", updated: at })))
    .onConflict((oc) => oc.columns(["agency_id", "activity_id"]).doNothing())
    .execute();
  const rows = await db
    .selectFrom("lrs_activities")
    .select(["activity_id", "definition"])
    .where("agency_id", "=", agencyId)
    .where("activity_id", "in", sorted)
    .orderBy("activity_id")
    .forUpdate()
    .execute();
  return new Map(rows.filter((r) => r.definition !== "{}").map((r) => [r.activity_id, r.definition]));
}

export async function saveActivityDefinitions(db: Db, rows: { agency_id: string; activity_id: string; definition: string; updated: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("lrs_activities")
    .values([...rows].sort((a, b) => (a.activity_id < b.activity_id ? -1 : a.activity_id > b.activity_id ? 1 : 0)))
    .onConflict((oc) =>
      oc.columns(["agency_id", "activity_id"]).doUpdateSet((eb) => ({ definition: eb.ref("excluded.definition"), updated: eb.ref("excluded.updated") })),
    )
    .execute();
}

export async function getActivityDefinition(db: Db, agencyId: string, activityId: string): Promise<string | null> {
  const row = await db
    .selectFrom("lrs_activities")
    .select("definition")
    .where("agency_id", "=", agencyId)
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
  return row?.definition ?? null;
}

export async function getStatement(
  db: Db,
  agencyId: string,
  id: string,
): Promise<{ body: string; voided: number; client_id: string; actor_key: string; stored: string } | undefined> {
  return db
    .selectFrom("lrs_statements")
    .select(["body", "voided", "client_id", "actor_key", "stored"])
    .where("agency_id", "=", agencyId)
    .where("statement_id", "=", id)
    .executeTakeFirst();
}

/** A learner's own statements (by actor), newest first, for the platform's record pages; `actorFact` is the hash of their agent fact. */
export async function statementsOfActor(db: Db, agencyId: string, actorKey: string, actorFact: number, before: number | null, limit: number) {
  let q = db
    .selectFrom("lrs_statement_facts as f")
    .innerJoin("lrs_statements as s", "s.seq", "f.seq")
    .select(["s.seq", "s.body", "s.voided"])
    .where("f.h", "=", actorFact)
    .where("s.agency_id", "=", agencyId)
    .where("s.actor_key", "=", actorKey)
    .where("s.voided", "=", 0);
  if (before !== null) q = q.where("f.seq", "<", before);
  return q.orderBy("f.seq", "desc").limit(limit).execute();
}

export async function employeeScope(db: Db, employeeId: string): Promise<{ agencyId: string; unitPath: string } | undefined> {
  const row = await db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.agency_id", "units.path"])
    .where("employees.id", "=", employeeId)
    .executeTakeFirst();
  return row ? { agencyId: row.agency_id, unitPath: row.path } : undefined;
}
