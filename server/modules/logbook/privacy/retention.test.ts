import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../../../db/dialect.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { daysAgo } from "../health/test-support.js";
import { DEFAULT_LOGBOOK_SETTINGS, saveLogbookSettings } from "../settings.js";
import { runRetention } from "./retention.js";
import { insertCheckin, insertHealthCheck, insertHealthForm } from "./test-support.js";

describe.each(ENGINES)("retention on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const db = t.database.db;
    // Agency B keeps coordinates 10 days and health answers 20 days; A keeps the defaults (90 / 365).
    await saveLogbookSettings(db, w.B.id, { ...DEFAULT_LOGBOOK_SETTINGS, retention: { coordinatesDays: 10, healthAnswersDays: 20 } }, new Date().toISOString());
    const inA = { agencyId: w.A.id, unitId: w.X1.id, employeeId: w.e1.id };
    const inB = { agencyId: w.B.id, unitId: w.B.root.id, employeeId: w.eB.id };
    ids.aOldCheckin = await insertCheckin(db, { ...inA, workDate: daysAgo(91) });
    ids.aEdgeCheckin = await insertCheckin(db, { ...inA, workDate: daysAgo(90) });
    ids.aNewCheckin = await insertCheckin(db, { ...inA, workDate: daysAgo(11) });
    ids.bOldCheckin = await insertCheckin(db, { ...inB, workDate: daysAgo(11) });
    ids.bNewCheckin = await insertCheckin(db, { ...inB, workDate: daysAgo(9) });
    const formA = await insertHealthForm(db, w.A.id);
    const formB = await insertHealthForm(db, w.B.id);
    ids.aOldHealth = await insertHealthCheck(db, { ...inA, formId: formA, workDate: daysAgo(366) });
    ids.aNewHealth = await insertHealthCheck(db, { ...inA, formId: formA, workDate: daysAgo(21) });
    ids.bOldHealth = await insertHealthCheck(db, { ...inB, formId: formB, workDate: daysAgo(21) });
    ids.bNewHealth = await insertHealthCheck(db, { ...inB, formId: formB, workDate: daysAgo(19) });
    const key = (k: string, createdAt: string) => ({
      user_id: w.e1.userId,
      key: k,
      method: "POST",
      path: "/api/v1/me/health",
      body_hash: "x",
      status_code: 201,
      response: "{}",
      created_at: createdAt,
    });
    await db
      .insertInto("idempotency_keys")
      .values([key("old-key-0001", new Date(Date.now() - 31 * 86_400_000).toISOString()), key("new-key-0001", new Date().toISOString())])
      .execute();
  });
  afterAll(() => t.close());

  const checkin = (id: string) => t.database.db.selectFrom("checkins").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const health = (id: string) => t.database.db.selectFrom("health_checks").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const purgeEvents = () => t.database.db.selectFrom("audit_events").selectAll().where("action", "=", "retention.purged").execute();

  it("purges what is past each agency's window and keeps the derived results", async () => {
    const r = await runRetention(t.database.db, new Date());
    const byAgency = Object.fromEntries(r.agencies.map((a) => [a.agencyId, a]));
    expect(byAgency[w.A.id]).toMatchObject({ coordinatesPurged: 1, healthAnswersPurged: 1, coordinatesBefore: daysAgo(90), healthAnswersBefore: daysAgo(365) });
    expect(byAgency[w.B.id]).toMatchObject({ coordinatesPurged: 1, healthAnswersPurged: 1, coordinatesBefore: daysAgo(10), healthAnswersBefore: daysAgo(20) });
    expect(r.idempotencyKeysPurged).toBe(1);

    for (const id of [ids.aOldCheckin, ids.bOldCheckin]) {
      const c = await checkin(id);
      expect(c).toMatchObject({ lat: null, lng: null, accuracy_m: null, geofence: "office", place_name: "Kantor Pusat", distance_m: 35 });
      expect(c.coords_purged_at).not.toBeNull();
    }
    for (const id of [ids.aEdgeCheckin, ids.aNewCheckin, ids.bNewCheckin]) {
      expect(await checkin(id)).toMatchObject({ lat: -6.175392, lng: 106.827153, accuracy_m: 12, coords_purged_at: null });
    }
    for (const id of [ids.aOldHealth, ids.bOldHealth]) {
      const h = await health(id);
      expect(h).toMatchObject({ answers: null, cleared: 0 });
      expect(fromJson(h.reasons)).toEqual(["temperature", "symptoms"]);
      expect(h.answers_purged_at).not.toBeNull();
    }
    for (const id of [ids.aNewHealth, ids.bNewHealth]) {
      const h = await health(id);
      expect(fromJson(h.answers)).toMatchObject({ temperature: 38 });
      expect(h.answers_purged_at).toBeNull();
    }
    const keys = await t.database.db.selectFrom("idempotency_keys").select("key").execute();
    expect(keys.map((k) => k.key)).toEqual(["new-key-0001"]);

    const events = await purgeEvents();
    expect(events).toHaveLength(2);
    const a = events.find((e) => e.agency_id === w.A.id);
    expect(fromJson(a?.changes)).toMatchObject({ coordinatesPurged: 1, healthAnswersPurged: 1, retention: { coordinatesDays: 90, healthAnswersDays: 365 } });
    expect(a?.actor_user_id).toBeNull();
  });

  it("does nothing, and audits nothing, when run again on the schedule", async () => {
    const r = await runRetention(t.database.db, new Date());
    expect(r.agencies.every((a) => a.coordinatesPurged === 0 && a.healthAnswersPurged === 0)).toBe(true);
    expect(await purgeEvents()).toHaveLength(2);
  });

  it("works through a backlog in batches", async () => {
    const db = t.database.db;
    const inA = { agencyId: w.A.id, unitId: w.Y.id, employeeId: w.eY.id };
    for (let i = 0; i < 7; i++) await insertCheckin(db, { ...inA, workDate: daysAgo(100 + i) });
    const r = await runRetention(db, new Date(), { batchSize: 3 });
    expect(r.agencies.find((a) => a.agencyId === w.A.id)?.coordinatesPurged).toBe(7);
    const left = await db.selectFrom("checkins").select("id").where("employee_id", "=", w.eY.id).where("lat", "is not", null).execute();
    expect(left).toHaveLength(0);
  });

  it("lets operators run it over HTTP and answers the counts", async () => {
    const op = await t.factory.employee({ agencyId: w.A.id, unitId: w.A.root.id, name: "Operator", isOperator: true });
    const operator = await Client.signIn(t.app, op.nip);
    const hr = await Client.signIn(t.app, w.hrA.nip);
    expect((await hr.post("/api/v1/admin/retention/run")).statusCode).toBe(403);
    expect((await new Client(t.app).post("/api/v1/admin/retention/run")).statusCode).toBe(401);
    await insertCheckin(t.database.db, { agencyId: w.B.id, unitId: w.B.root.id, employeeId: w.eB.id, workDate: daysAgo(30) });
    const res = await operator.post("/api/v1/admin/retention/run");
    expect(res.statusCode).toBe(200);
    expect(res.json().agencies.find((a: { agencyId: string }) => a.agencyId === w.B.id)).toMatchObject({ coordinatesPurged: 1, healthAnswersPurged: 0 });
    const byOperator = (await purgeEvents()).filter((e) => e.actor_user_id === op.userId);
    expect(byOperator.map((e) => e.agency_id).sort()).toEqual([w.A.id, w.B.id].sort());
  });
});
