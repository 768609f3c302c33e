import { type Kysely, sql } from "kysely";
import { factHash } from "../../modules/lrs/fact-hash.js";
import { statementFacts } from "../../modules/lrs/facts.js";
import type { JsonObject } from "../../modules/lrs/validate/primitives.js";
import type { Migration } from "../migrate.js";

const CHUNK = 2000;

/**
 * The LRS filter index becomes one narrow B-tree: (fact hash, seq), a
 * WITHOUT ROWID table on SQLite, instead of a table plus two indexes that each
 * repeated the agency id, kind and value. The statements' actor index goes:
 * the actor is a fact of the index. Existing index rows are converted.
 */
export const lrsFactHashes: Migration = {
  name: "0009_lrs_fact_hashes",
  async up(db: Kysely<unknown>, t) {
    const sqlite = t.id !== "uuid";
    await db.schema
      .createTable("lrs_statement_facts")
      .addColumn("h", t.bigint, (c) => c.notNull())
      .addColumn("seq", t.bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint("lrs_statement_facts_pk", ["h", "seq"])
      .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
      .execute();
    const top = Number((await sql<{ m: number | null }>`select max(seq) as m from lrs_statement_index`.execute(db)).rows[0]?.m ?? 0);
    // By ranges of seq, so a statement's rows are converted together.
    for (let from = 0; from < top; from += CHUNK) {
      const rows = (
        await sql<{ seq: number; kind: string; value: string; agency_id: string }>`
          select seq, kind, value, agency_id from lrs_statement_index where seq > ${from} and seq <= ${from + CHUNK}`.execute(db)
      ).rows;
      const facts = rows.map((r) => ({ h: factHash(String(r.agency_id), r.kind, r.value), seq: Number(r.seq) }));
      for (let i = 0; i < facts.length; i += 500) {
        const values = facts.slice(i, i + 500).map((f) => sql`(${f.h}, ${f.seq})`);
        await sql`insert into lrs_statement_facts (h, seq) values ${sql.join(values)} on conflict do nothing`.execute(db);
      }
    }
    await db.schema.dropTable("lrs_statement_index").execute();
    await db.schema.dropIndex("lrs_statements_actor_idx").execute();
    if (!sqlite) {
      // Filters read the fact index alone (index-only scans) where the visibility map marks pages all-visible, and
      // the planner counts on it: vacuum and analyse this insert-only table after 2% growth, not autovacuum's 20%.
      await sql`alter table lrs_statement_facts set (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("lrs_statement_index")
      .addColumn("seq", t.bigint, (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("agency_id", t.id, (c) => c.notNull())
      .addPrimaryKeyConstraint("lrs_statement_index_pk", ["seq", "kind", "value"])
      .execute();
    await db.schema.createIndex("lrs_statement_index_lookup_idx").on("lrs_statement_index").columns(["agency_id", "kind", "value", "seq"]).execute();
    await db.schema.createIndex("lrs_statements_actor_idx").on("lrs_statements").columns(["agency_id", "actor_key", "seq"]).execute();
    // Hashes cannot be read back: the facts are derived again from the statements (those a statement reference
    // borrowed from its target are not).
    let after = -1;
    for (;;) {
      const rows = (
        await sql<{ seq: number; agency_id: string; body: string }>`
          select seq, agency_id, body from lrs_statements where seq > ${after} order by seq limit ${CHUNK}`.execute(db)
      ).rows;
      if (rows.length === 0) break;
      const index = rows.flatMap((r) =>
        statementFacts(JSON.parse(r.body) as JsonObject).map(([kind, value]) => ({ seq: Number(r.seq), kind, value, agency_id: r.agency_id })),
      );
      for (let i = 0; i < index.length; i += 500) {
        const values = index.slice(i, i + 500).map((r) => sql`(${r.seq}, ${r.kind}, ${r.value}, ${r.agency_id})`);
        await sql`insert into lrs_statement_index (seq, kind, value, agency_id) values ${sql.join(values)} on conflict do nothing`.execute(db);
      }
      after = Number(rows[rows.length - 1].seq);
    }
    await db.schema.dropTable("lrs_statement_facts").execute();
  },
};
