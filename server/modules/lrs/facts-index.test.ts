import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "../../db/migrate.js";
import type { Db } from "../../platform/context.js";
import { createTestDatabase, ENGINES } from "../../test/engines.js";
import { factHash } from "./fact-hash.js";
import { queryStatements } from "./repository.js";
import { AGENT, createLrs, type Lrs, statement } from "./test-support.js";

const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");
const ids = (res: { json(): { statements: { id: string }[] } }) => res.json().statements.map((s) => s.id);
/** The raw index query: the ten newest statements whose fact rows carry every hash, unchecked. */
const newestWith = (db: Db, agencyId: string, facts: number[]) =>
  queryStatements(db, { agencyId, facts, since: null, until: null, ascending: false, after: null, through: null, limit: 10, clientId: null, actorKey: null });

describe.each(ENGINES)("the hashed fact index on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("leaves out a statement whose index row matches a hash but not the fact, and fills the page from later rows", async () => {
    const verb = `https://abdi.go.id/xapi/verbs/${randomUUID()}`;
    const [real] = (await l.x("POST", "/xapi/statements", { body: statement({ verb: { id: verb } }) })).json();
    const [other] = (await l.x("POST", "/xapi/statements", { body: statement() })).json();
    // Two facts sharing a hash, made by hand: the newer, unrelated statement gets the verb's hash.
    const { seq } = await l.t.database.db.selectFrom("lrs_statements").select("seq").where("statement_id", "=", other).executeTakeFirstOrThrow();
    await l.t.database.db
      .insertInto("lrs_statement_facts")
      .values({ h: factHash(l.agencyId, "v", verb), seq })
      .execute();
    const raw = await newestWith(l.t.database.db, l.agencyId, [factHash(l.agencyId, "v", verb)]);
    expect(raw).toHaveLength(2);
    expect(ids(await l.x("GET", `/xapi/statements?${q({ verb })}`))).toEqual([real]);
    const first = await l.x("GET", `/xapi/statements?${q({ verb, limit: "1" })}`);
    expect(ids(first)).toEqual([real]);
  });

  it("a reference to a reference answers the filters of the statement at the end of the chain", async () => {
    const verb = `https://abdi.go.id/xapi/verbs/${randomUUID()}`;
    const post = async (body: unknown) => (await l.x("POST", "/xapi/statements", { body })).json()[0] as string;
    const target = await post(statement({ verb: { id: verb } }));
    const ref = await post(statement({ object: { objectType: "StatementRef", id: target } }));
    const refOfRef = await post(statement({ object: { objectType: "StatementRef", id: ref } }));
    expect(ids(await l.x("GET", `/xapi/statements?${q({ verb })}`))).toEqual([refOfRef, ref, target]);
    // The registration of the target is not borrowed.
    const registration = randomUUID();
    const withReg = await post(statement({ context: { registration } }));
    await post(statement({ object: { objectType: "StatementRef", id: withReg } }));
    expect(ids(await l.x("GET", `/xapi/statements?${q({ registration })}`))).toEqual([withReg]);
  });

  it("keeps each agency's facts apart", () => {
    expect(factHash(l.agencyId, "a", "mbox:mailto:a@b.id")).not.toBe(factHash(randomUUID(), "a", "mbox:mailto:a@b.id"));
    expect(factHash(l.agencyId, "a", "x")).not.toBe(factHash(l.agencyId, "A", "x"));
    const h = factHash(l.agencyId, "v", "https://abdi.go.id/v");
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
    expect(factHash(l.agencyId, "v", "https://abdi.go.id/v")).toBe(h);
  });
});

describe.each(ENGINES)("migrating the LRS index to fact hashes on %s", (engine) => {
  it("converts the rows of the old index, so filters find the statements stored before", async () => {
    const d = await createTestDatabase(engine);
    try {
      await migrateTo(d.db, engine, "0008_content");
      const at = new Date().toISOString();
      const agencyId = (await sql<{ id: string }>`select id from agencies limit 1`.execute(d.db)).rows[0]?.id ?? randomUUID();
      await sql`insert into agencies (id, code, name, timezone, created_at, updated_at) values (${agencyId}, 'OLD', 'Old', 'Asia/Jakarta', ${at}, ${at}) on conflict do nothing`.execute(
        d.db,
      );
      const verb = "https://abdi.go.id/xapi/verbs/migrated";
      const body = JSON.stringify({ id: randomUUID(), actor: AGENT, verb: { id: verb }, object: { id: "https://abdi.go.id/a" }, stored: at, timestamp: at });
      const inserted = await sql<{
        seq: number;
      }>`insert into lrs_statements (agency_id, statement_id, stored, verb_id, actor_key, client_id, voided, voids, has_attachments, body)
        values (${agencyId}, ${randomUUID()}, ${at}, ${verb}, 'mbox:mailto:siti@example.go.id', ${agencyId}, 0, null, 0, ${body}) returning seq`.execute(d.db);
      const seq = Number(inserted.rows[0].seq);
      for (const [kind, value] of [
        ["v", verb],
        ["a", "mbox:mailto:siti@example.go.id"],
      ]) {
        await sql`insert into lrs_statement_index (seq, kind, value, agency_id) values (${seq}, ${kind}, ${value}, ${agencyId})`.execute(d.db);
      }
      await migrateToLatest(d.db, engine);
      const rows = await newestWith(d.db, agencyId, [factHash(agencyId, "v", verb), factHash(agencyId, "a", "mbox:mailto:siti@example.go.id")]);
      expect(rows.map((r) => Number(r.seq))).toEqual([seq]);
      await expect(sql`select count(*) from lrs_statement_index`.execute(d.db)).rejects.toThrow();
    } finally {
      await d.drop();
    }
  });
});
