import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../db/dialect.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/engines.js";
import { type RecurringJob, runIfDue } from "./scheduler.js";

describe.each(ENGINES)("scheduler on %s", (engine) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
  });
  afterAll(() => d.drop());

  it("runs a due job once even when several instances ask at the same time", async () => {
    let runs = 0;
    const job: RecurringJob = {
      name: "test.once",
      everyMs: 60_000,
      run: async () => {
        runs++;
        return { purged: 3 };
      },
    };
    const now = new Date("2026-11-28T10:00:00Z");
    const results = await Promise.all([runIfDue(d.db, job, now), runIfDue(d.db, job, now), runIfDue(d.db, job, now)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    // Not due again within the interval, due after it.
    expect((await runIfDue(d.db, job, new Date("2026-11-28T10:00:30Z"))).ran).toBe(false);
    expect((await runIfDue(d.db, job, new Date("2026-11-28T10:01:00Z"))).ran).toBe(true);
    const lease = await d.db.selectFrom("job_leases").selectAll().where("name", "=", "test.once").executeTakeFirstOrThrow();
    expect(fromJson(lease.last_result)).toEqual({ purged: 3 });
  });

  it("records a failure and lets the error through", async () => {
    const job: RecurringJob = { name: "test.fail", everyMs: 1000, run: async () => Promise.reject(new Error("boom")) };
    await expect(runIfDue(d.db, job, new Date())).rejects.toThrow("boom");
    const lease = await d.db.selectFrom("job_leases").selectAll().where("name", "=", "test.fail").executeTakeFirstOrThrow();
    expect(fromJson(lease.last_result)).toEqual({ error: "Error: boom" });
  });
});
