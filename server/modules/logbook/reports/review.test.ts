import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { keysOf, valuesOf } from "../../../test/json.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { activity, daysAgo, submitted } from "./test-support.js";

describe.each(ENGINES)("review queue and decisions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Awaited<ReturnType<typeof signInAll>>;
  let eZ: { id: string; nip: string; userId: string };
  let zClient: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    // Unit Z has no head of its own: hX1 acts for it as Plt.
    const Z = await t.factory.unit({ agencyId: w.A.id, parent: w.A.root, name: "Unit Z" });
    eZ = await t.factory.employee({ agencyId: w.A.id, unitId: Z.id, name: "Staf Z" });
    await t.database.db
      .insertInto("acting_assignments")
      .values({
        id: newId(),
        agency_id: w.A.id,
        unit_id: Z.id,
        employee_id: w.hX1.id,
        kind: "plt",
        starts_on: daysAgo(60),
        ends_on: daysAgo(-60),
        note: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    zClient = await Client.signIn(t.app, eZ.nip);
  });
  afterAll(() => t.close());

  it("queues the reports of direct reports and of the unit acted for as Plt, oldest first, and not another unit's", async () => {
    const older = await submitted(c.employee, daysAgo(4));
    const newer = await submitted(c.employee, daysAgo(2));
    const fromZ = await submitted(zClient, daysAgo(3));
    const fromY = await submitted(c.otherSupervisor, daysAgo(3));
    const staffY = await submitted(await Client.signIn(t.app, w.eY.nip), daysAgo(3));
    await c.employee.request("PUT", `/api/v1/me/reports/${daysAgo(1)}`, { activities: [activity()] });

    const res = await c.supervisor.get("/api/v1/reviews");
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([older.id, fromZ.id, newer.id]);
    expect(ids).not.toContain(fromY.id);
    expect(ids).not.toContain(staffY.id);
    expect(res.json().items[1].employee).toMatchObject({ id: eZ.id, name: "Staf Z", nip: expect.stringMatching(/\*/) });

    const hY = (await c.otherSupervisor.get("/api/v1/reviews")).json().items.map((i: { id: string }) => i.id);
    expect(hY).toEqual([staffY.id]);
    expect((await c.employee.get("/api/v1/reviews")).json().items).toEqual([]);
    expect((await c.hr.get("/api/v1/reviews")).json().items).toEqual([]);
  });

  it("shows the day's check-in results and cleared flag, never coordinates or health answers", async () => {
    const date = daysAgo(5);
    const report = await submitted(c.employee, date);
    const db = t.database.db;
    const now = new Date().toISOString();
    await db
      .insertInto("checkins")
      .values({
        id: newId(),
        agency_id: w.A.id,
        unit_id: w.X1.id,
        employee_id: w.e1.id,
        work_date: date,
        kind: "in",
        mode: "WFO",
        expected_mode: null,
        server_time: now,
        device_time: now,
        lat: -6.1754,
        lng: 106.8272,
        accuracy_m: 12,
        position_error: null,
        geofence: "office",
        place_id: null,
        place_name: "Kantor Pusat",
        distance_m: 20,
        minutes_off: 0,
        coords_purged_at: null,
        note: null,
        created_at: now,
      })
      .execute();
    const formId = newId();
    await db
      .insertInto("health_forms")
      .values({ id: formId, agency_id: w.A.id, version: 1, questions: toJson([]), rule: toJson({}), created_by: null, created_at: now })
      .execute();
    await db
      .insertInto("health_checks")
      .values({
        id: newId(),
        agency_id: w.A.id,
        unit_id: w.X1.id,
        employee_id: w.e1.id,
        work_date: date,
        form_id: formId,
        answers: toJson({ temperature: 38.2, symptoms: ["batuk"] }),
        cleared: 0,
        reasons: toJson(["fever"]),
        answers_purged_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();

    const res = await c.supervisor.get("/api/v1/reviews");
    const item = res.json().items.find((i: { id: string }) => i.id === report.id);
    expect(item.day).toEqual({ checkins: [{ kind: "in", mode: "WFO", geofence: "office", placeName: "Kantor Pusat" }], cleared: false });
    const keys = keysOf(res.json());
    for (const forbidden of ["lat", "lng", "latitude", "longitude", "accuracy_m", "accuracyM", "answers", "reasons", "distance_m", "distanceM"]) {
      expect(keys.has(forbidden), forbidden).toBe(false);
    }
    const values = valuesOf(res.json());
    expect(values.filter((v) => typeof v === "number" && (Math.abs(v - 106.827) < 0.01 || v === 38.2))).toEqual([]);
    expect(values.filter((v) => typeof v === "string" && /106\.8272|\bbatuk\b/.test(v))).toEqual([]);
  });

  it("approves many at once, all or none, naming the refused ids", async () => {
    const a = await submitted(c.employee, daysAgo(8));
    const b = await submitted(zClient, daysAgo(8));
    const foreign = await submitted(c.otherSupervisor, daysAgo(8));
    const draftDate = daysAgo(9);
    const draft = (await c.employee.request("PUT", `/api/v1/me/reports/${draftDate}`, { activities: [activity()] })).json();

    const refused = await c.supervisor.post("/api/v1/reviews/approve", { ids: [a.id, b.id, foreign.id] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().refused).toEqual([{ id: foreign.id, reason: "forbidden" }]);
    expect(refused.json().detail).toContain(foreign.id);
    const notSubmitted = await c.supervisor.post("/api/v1/reviews/approve", { ids: [a.id, draft.id] });
    expect(notSubmitted.statusCode).toBe(409);
    expect(notSubmitted.json().refused).toEqual([{ id: draft.id, reason: "not_submitted" }]);
    const unknown = newId();
    expect((await c.supervisor.post("/api/v1/reviews/approve", { ids: [a.id, unknown] })).json().refused).toEqual([{ id: unknown, reason: "not_found" }]);
    const statuses = await t.database.db.selectFrom("daily_reports").select("status").where("id", "in", [a.id, b.id]).execute();
    expect(statuses.map((s) => s.status)).toEqual(["submitted", "submitted"]);

    const ok = await c.supervisor.post("/api/v1/reviews/approve", { ids: [a.id, b.id] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().approved).toBe(2);
    const after = await t.database.db.selectFrom("daily_reports").select("status").where("id", "in", [a.id, b.id]).execute();
    expect(after.map((s) => s.status)).toEqual(["approved", "approved"]);
    const again = await c.supervisor.post("/api/v1/reviews/approve", { ids: [a.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().refused).toEqual([{ id: a.id, reason: "locked" }]);
    expect((await c.supervisor.post("/api/v1/reviews/approve", { ids: [] })).statusCode).toBe(400);
    const tooMany = Array.from({ length: 201 }, () => newId());
    expect((await c.supervisor.post("/api/v1/reviews/approve", { ids: tooMany })).statusCode).toBe(400);
  });
});
