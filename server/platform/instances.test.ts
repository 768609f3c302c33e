import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createDatabase, type Database } from "../db/database.js";
import { migrateDownAll, migrateToLatest } from "../db/migrate.js";
import { migrations } from "../db/migrations/index.js";
import { createTestDatabase, type TestDatabase } from "../test/engines.js";
import { Factory } from "../test/factories.js";
import { Client } from "../test/harness.js";

/**
 * Several instances on one PostgreSQL: each has its own pool and process
 * state; what one instance writes (sessions, throttling) the other must see.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("several instances on postgres", () => {
  let base: TestDatabase;
  let second: Database;
  let third: Database;

  beforeAll(async () => {
    base = await createTestDatabase("postgres");
    second = createDatabase({ databaseUrl: base.url });
    third = createDatabase({ databaseUrl: base.url });
  });
  afterAll(async () => {
    await second.close();
    await third.close();
    await base.drop();
  });

  it("apply migrations once when started together on an empty database", async () => {
    await migrateDownAll(base.db, "postgres");
    const results = await Promise.all([migrateToLatest(second.db, "postgres"), migrateToLatest(third.db, "postgres"), migrateToLatest(base.db, "postgres")]);
    expect(results.flat()).toEqual(migrations.map((m) => m.name));
    const rows = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(base.db);
    expect(rows.rows[0].n).toBe(migrations.length);
  });

  it("share sessions and failed sign-in counters", async () => {
    const config = { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "test" };
    const a = await buildApp({ config, database: second, logger: false });
    const b = await buildApp({ config, database: third, logger: false });
    const f = new Factory(base.db);
    const agency = await f.agency();
    const e = await f.employee({ agencyId: agency.id, unitId: agency.root.id });
    const onA = await Client.signIn(a, e.nip);
    const onB = new Client(b);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    expect((await onB.get("/api/v1/auth/me")).json().employeeId).toBe(e.id);
    expect((await onB.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await onA.get("/api/v1/auth/me")).statusCode).toBe(401);

    for (let i = 0; i < 5; i++) {
      const app = i % 2 ? a : b;
      await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: e.nip, password: "wrong-password-1" }, remoteAddress: "10.9.9.9" });
    }
    const res = await a.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: e.nip, password: "wrong-password-1" },
      remoteAddress: "10.9.9.9",
    });
    expect(res.statusCode).toBe(429);
    await a.close();
    await b.close();
  });
});
