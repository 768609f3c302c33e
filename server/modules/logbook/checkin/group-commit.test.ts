import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../../test/engines.js";
import { GroupCommit, type Merger } from "./group-commit.js";

describe.each(ENGINES)("group commit on %s", (engine) => {
  let database: TestDatabase;
  const at = new Date().toISOString();
  // settings.value holds JSON: numbers mark which path wrote a row.
  const [MERGED, ALONE] = ["2", "3"];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.drop());

  const stored = async (prefix: string) =>
    (await database.db.selectFrom("settings").select("key").execute())
      .map((r) => r.key)
      .filter((k) => k.startsWith(prefix))
      .sort();
  const put = (key: string) =>
    database.db.transaction().execute(async (trx) => trx.insertInto("settings").values({ key, value: "1", updated_at: at }).execute());

  it("commits concurrent units together, each answered with its own result", async () => {
    const gc = new GroupCommit(database.db, { maxBatch: 100, parallel: 1 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        gc.run(async (trx) => {
          await trx
            .insertInto("settings")
            .values({ key: `a.${i}`, value: "1", updated_at: at })
            .execute();
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(await stored("a.")).toEqual(["a.1", "a.2", "a.3", "a.4", "a.5"]);
    expect(gc.stats).toMatchObject({ batches: 1, largest: 5, reruns: 0 });
  });

  it("rolls back only the unit that fails, whether it throws or the database refuses its row", async () => {
    await put("b.taken");
    const gc = new GroupCommit(database.db, { maxBatch: 100, parallel: 1 });
    const unit = (key: string, fail?: "throw") =>
      gc.run(async (trx) => {
        await trx.insertInto("settings").values({ key, value: "1", updated_at: at }).execute();
        if (fail) throw new AppError("conflict", `refused ${key}`);
        return key;
      });
    const outcomes = await Promise.allSettled([unit("b.1"), unit("b.2", "throw"), unit("b.taken"), unit("b.3")]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: "refused b.2" });
    expect(await stored("b.")).toEqual(["b.1", "b.3", "b.taken"]);
    // The first, optimistic pass failed as a whole; the second isolated each unit.
    expect(gc.stats).toMatchObject({ batches: 1, reruns: 1 });
  });

  it("reports a lone unit's failure and stores nothing of it", async () => {
    const gc = new GroupCommit(database.db, { maxBatch: 100, parallel: 1 });
    await expect(
      gc.run(async (trx) => {
        await trx.insertInto("settings").values({ key: "c.1", value: "1", updated_at: at }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await stored("c.")).toEqual([]);
  });

  it("keeps batches within maxBatch and answers units queued behind a running batch", async () => {
    const gc = new GroupCommit(database.db, { maxBatch: 3, parallel: engine === "postgres" ? 2 : 1 });
    const keys = Array.from({ length: 10 }, (_, i) => `d.${String(i).padStart(2, "0")}`);
    const insert = (key: string) =>
      gc.run(async (trx) => {
        await trx.insertInto("settings").values({ key, value: "1", updated_at: at }).execute();
        return key;
      });
    const done = await Promise.all(keys.map(insert));
    expect(done).toEqual(keys);
    expect(gc.stats.largest).toBeLessThanOrEqual(3);
    expect(gc.stats.units).toBe(10);
    expect(await stored("d.")).toEqual(keys);
  });

  it("does the units of a merger together, answers each, and a refused input fails alone", async () => {
    const gc = new GroupCommit(database.db, { maxBatch: 100, parallel: 1, waitMs: 50 });
    const calls: string[][] = [];
    const merger: Merger<string, string> = async (trx, keys) => {
      calls.push(keys);
      const ok = keys.filter((k) => !k.endsWith("!"));
      await trx
        .insertInto("settings")
        .values(ok.map((key) => ({ key, value: MERGED, updated_at: at })))
        .execute();
      return keys.map((k) => (k.endsWith("!") ? { ok: false, err: new AppError("conflict", `refused ${k}`) } : { ok: true, value: k }));
    };
    const alone = (key: string) => async (trx: Parameters<Merger<string, string>>[0]) => {
      await trx.insertInto("settings").values({ key, value: ALONE, updated_at: at }).execute();
      return key;
    };
    const outcomes = await Promise.allSettled([
      gc.run(alone("e.1"), { merger, input: "e.1" }),
      gc.run(alone("e.plain"), undefined),
      gc.run(alone("e.2!"), { merger, input: "e.2!" }),
      gc.run(alone("e.3"), { merger, input: "e.3" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: "refused e.2!" });
    expect(calls).toEqual([["e.1", "e.2!", "e.3"]]);
    const rows = await database.db.selectFrom("settings").select(["key", "value"]).where("key", "like", "e.%").orderBy("key").execute();
    expect(rows.map((r) => `${r.key}=${r.value}`)).toEqual([`e.1=${MERGED}`, `e.3=${MERGED}`, `e.plain=${ALONE}`]);
    expect(gc.stats).toMatchObject({ batches: 1, reruns: 0 });
  });

  it("runs the units one by one when the merger throws, so only the failing unit fails", async () => {
    await put("f.taken");
    const gc = new GroupCommit(database.db, { maxBatch: 100, parallel: 1, waitMs: 50 });
    const merger: Merger<string, string> = async (trx, keys) => {
      await trx
        .insertInto("settings")
        .values(keys.map((key) => ({ key, value: MERGED, updated_at: at })))
        .execute();
      return keys.map((k) => ({ ok: true, value: k }));
    };
    const unit = (key: string) =>
      gc.run(
        async (trx) => {
          await trx.insertInto("settings").values({ key, value: ALONE, updated_at: at }).execute();
          return key;
        },
        { merger, input: key },
      );
    const outcomes = await Promise.allSettled([unit("f.1"), unit("f.taken"), unit("f.2")]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await database.db.selectFrom("settings").select(["key", "value"]).where("key", "like", "f.%").orderBy("key").execute();
    expect(rows.map((r) => `${r.key}=${r.value}`)).toEqual([`f.1=${ALONE}`, `f.2=${ALONE}`, "f.taken=1"]);
    expect(gc.stats).toMatchObject({ batches: 1, reruns: 1 });
  });

  it("keeps committing while a test fakes the global timers", async () => {
    const gc = new GroupCommit(database.db, { maxBatch: 10, parallel: 1 });
    vi.useFakeTimers();
    try {
      await expect(gc.run(async () => "done")).resolves.toBe("done");
    } finally {
      vi.useRealTimers();
    }
  });
});
