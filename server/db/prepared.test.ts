import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/engines.js";
import { PREPARED } from "./database.js";

describe.each(ENGINES)("queries marked as prepared on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.drop());

  const marked = (n: number) => sql<{ n: number }>`${sql.raw(PREPARED)}select cast(${n} as integer) + 1 as n`;

  it("answer like any query, with fresh parameters on every call", async () => {
    for (const n of [1, 41, 1]) expect(Number((await marked(n).execute(database.db)).rows[0].n)).toBe(n + 1);
  });

  // PostgreSQL only: SQLite has no named statements (its prepared statements are cached by SQL text).
  if (engine !== "postgres") return;
  it("are prepared once per connection under one name, other queries are not", async () => {
    await database.db.transaction().execute(async (trx) => {
      await marked(1).execute(trx);
      await marked(2).execute(trx);
      await sql`select 1`.execute(trx);
      const rows = (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx)).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0].name).toMatch(/^abdi_[0-9a-f]{24}$/);
      expect(rows[0].statement.startsWith(PREPARED)).toBe(true);
    });
  });
});
