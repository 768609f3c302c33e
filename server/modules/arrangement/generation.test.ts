import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../db/dialect.js";
import { newId } from "../../db/ids.js";
import { ENGINES } from "../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../test/org-world.js";
import { configureGeneration, recoverStaleGenerations } from "./roster/generate.js";
import { generate, nextMonday } from "./test-support.js";
import { addDays } from "./week.js";

/** Generation as a job: progress to poll, one at a time per scope, interrupted ones failed, drafts discarded. */
describe.each(ENGINES)("roster generation on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let hr: Client;
  const week = nextMonday(2);

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    hr = await Client.signIn(t.app, w.hrA.nip);
  });
  afterAll(() => {
    configureGeneration({ syncWaitMs: 3000 });
    return t.close();
  });

  it("answers 202 with a location when the roster is not ready in time, and the poll shows progress to the end", async () => {
    configureGeneration({ syncWaitMs: 0 });
    try {
      const res = await hr.post("/api/v1/arrangement/rosters", { week, unitId: null });
      expect([201, 202]).toContain(res.statusCode);
      if (res.statusCode === 202) {
        expect(res.headers.location).toBe(`/api/v1/arrangement/rosters/${res.json().id}`);
        expect(res.json().status).toBe("generating");
      }
      let meta = res.json();
      for (let i = 0; i < 100 && meta.status === "generating"; i++) {
        await new Promise((r) => setTimeout(r, 20));
        meta = (await hr.get(`/api/v1/arrangement/rosters/${meta.id}`)).json();
      }
      expect(meta).toMatchObject({ status: "draft", totalCount: 10, processedCount: 10 });
    } finally {
      configureGeneration({ syncWaitMs: 3000 });
    }
  });

  it("refuses a second generation of the same scope while one runs, and fails one left by a stopped instance", async () => {
    const id = newId();
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await t.database.db
      .insertInto("rosters")
      .values({
        id,
        agency_id: w.A.id,
        unit_id: w.X.id,
        week_start: week,
        dates: toJson([week]),
        status: "generating",
        total_count: 4000,
        processed_count: 2000,
        conflict_count: 0,
        settings: null,
        collisions: toJson([]),
        policy_ids: toJson([]),
        input_hash: null,
        message: null,
        created_by: w.hrA.userId,
        created_at: old,
        updated_at: old,
      })
      .execute();
    const polled = await hr.get(`/api/v1/arrangement/rosters/${id}`);
    expect(polled.json()).toMatchObject({ status: "generating", totalCount: 4000, processedCount: 2000 });
    expect((await hr.get(`/api/v1/arrangement/rosters/${id}/grid`)).statusCode).toBe(409);
    const again = await hr.post("/api/v1/arrangement/rosters", { week, unitId: w.X.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("conflict");
    expect(await recoverStaleGenerations(t.database.db, { idleForMs: 60_000 })).toEqual({ failed: 1 });
    expect((await hr.get(`/api/v1/arrangement/rosters/${id}`)).json()).toMatchObject({ status: "failed", message: expect.stringContaining("interrupted") });
    // The next generation replaces the failed attempt.
    await generate(hr, week, w.X.id);
    expect((await hr.get(`/api/v1/arrangement/rosters/${id}`)).statusCode).toBe(404);
  });

  it("refuses a week given by another day than Monday, and a week without workdays", async () => {
    const tuesday = await hr.post("/api/v1/arrangement/rosters", { week: addDays(week, 1), unitId: null });
    expect(tuesday.statusCode).toBe(400);
    expect(tuesday.json().errors).toEqual([{ path: "body.week", message: "the week is given by its Monday" }]);
    const holidayWeek = addDays(week, 7);
    const now = new Date().toISOString();
    for (let i = 0; i < 5; i++) {
      await t.database.db
        .insertInto("calendar_days")
        .values({
          id: newId(),
          date: addDays(holidayWeek, i),
          kind: "cuti_bersama",
          name_id: "Cuti bersama",
          name_en: "Collective leave",
          legal_basis: "SKB 3 Menteri",
          dataset: "test",
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    expect((await hr.post("/api/v1/arrangement/rosters", { week: holidayWeek, unitId: null })).statusCode).toBe(409);
    const unknownUnit = await hr.post("/api/v1/arrangement/rosters", { week, unitId: newId() });
    expect(unknownUnit.statusCode).toBe(404);
  });

  it("discards a draft, never a published roster", async () => {
    const draft = await generate(hr, week, w.Y.id);
    expect((await hr.del(`/api/v1/arrangement/rosters/${draft.id}`)).statusCode).toBe(204);
    expect((await hr.get(`/api/v1/arrangement/rosters/${draft.id}`)).statusCode).toBe(404);
    const kept = await generate(hr, week, w.Y.id);
    await hr.post(`/api/v1/arrangement/rosters/${kept.id}/publish`);
    expect((await hr.del(`/api/v1/arrangement/rosters/${kept.id}`)).statusCode).toBe(409);
    const trail = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", draft.id).orderBy("id").execute();
    expect(trail.map((a) => a.action)).toEqual(["arrangement.roster_generated", "arrangement.roster_discarded"]);
  });
});
