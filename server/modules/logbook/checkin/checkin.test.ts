import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ensureCalendarData } from "../calendar/ensure.js";
import { checkinCommitter, configureCheckinCommit } from "./group-commit.js";
import { checkinBody, clockAt, countRows, HOME_JKT, MONAS, newKey, north, postCheckin, realClock, staffOf } from "./test-support.js";

describe.each(ENGINES)("check-in on %s", (engine) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;
  let hr: Client;
  let officeId: string;
  let papua: Awaited<ReturnType<TestApp["factory"]["unit"]>>;
  type Staff = Awaited<ReturnType<typeof staffOf>>;
  const staff: Staff[] = [];
  let next = 0;
  /** A signed-in employee of the Jakarta unit nobody has used yet. */
  const fresh = () => staff[next++];

  beforeAll(async () => {
    t = await createTestApp(engine);
    await ensureCalendarData(t.database.db);
    agency = await t.factory.agency({ name: "Kementerian Uji" });
    papua = await t.factory.unit({ agencyId: agency.id, parent: agency.root, name: "Kantor Wilayah Papua", timezone: "Asia/Jayapura" });
    const admin = await staffOf(t, agency.id, agency.root.id, "Admin SDM");
    await t.database.db
      .insertInto("role_grants")
      .values({
        id: crypto.randomUUID(),
        user_id: admin.userId,
        role: "hr_admin",
        agency_id: agency.id,
        unit_id: null,
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    hr = admin.client;
    const office = await hr.post("/api/v1/places", { name: "Kantor Pusat Monas", unitId: null, shape: { type: "circle", ...MONAS, radiusM: 150 } });
    expect(office.statusCode).toBe(201);
    officeId = office.json().id;
    for (let i = 0; i < 20; i++) staff.push(await staffOf(t, agency.id, agency.root.id, `Pegawai ${i}`));
  });
  afterEach(() => realClock());
  afterAll(() => t.close());

  it("checks in inside the office, late against the unit's hours, and keeps one row", async () => {
    const me = fresh();
    const before = await countRows(t, "checkins");
    clockAt("2026-04-13", "07:45");
    const res = await postCheckin(me.client, checkinBody({ position: { ...north(MONAS, 60), accuracy: 12 } }), newKey());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      workDate: "2026-04-13",
      kind: "in",
      mode: "WFO",
      expectedMode: null,
      geofence: "office",
      place: { id: officeId, name: "Kantor Pusat Monas" },
      minutesOff: 15,
      distanceM: 0,
      deviceTimeSkewed: false,
      position: { accuracy: 12 },
    });
    expect(await countRows(t, "checkins")).toBe(before + 1);
    clockAt("2026-04-13", "15:40");
    const out = await postCheckin(me.client, checkinBody({ kind: "out" }), newKey());
    expect(out.statusCode).toBe(201);
    expect(out.json()).toMatchObject({ kind: "out", geofence: "office", minutesOff: 20 });
  });

  it("counts an approved home, but not a pending one", async () => {
    const approved = fresh();
    const pending = fresh();
    for (const [who, decide] of [
      [approved, true],
      [pending, false],
    ] as const) {
      const p = await who.client.request("POST", "/api/v1/me/places", { kind: "home", name: "Rumah", shape: { type: "circle", ...HOME_JKT, radiusM: 80 } });
      expect(p.statusCode).toBe(201);
      expect(p.json().status).toBe("pending");
      if (decide) expect((await hr.post(`/api/v1/places/${p.json().id}/decision`, { decision: "approve" })).statusCode).toBe(200);
    }
    clockAt("2026-04-14", "07:20");
    const home = await postCheckin(approved.client, checkinBody({ mode: "WFH", position: { ...HOME_JKT, accuracy: 20 } }));
    expect(home.json()).toMatchObject({ geofence: "home", place: { name: "Rumah" }, minutesOff: 0 });
    const notYet = await postCheckin(pending.client, checkinBody({ mode: "WFH", position: { ...HOME_JKT, accuracy: 20 } }));
    expect(notYet.json()).toMatchObject({ geofence: "outside", place: { id: officeId } });
    expect(notYet.json().distanceM).toBeGreaterThan(9000);
  });

  it("records a poor fix and an unavailable position with the browser's reason", async () => {
    clockAt("2026-04-15", "07:00");
    const poor = await postCheckin(fresh().client, checkinBody({ position: { ...MONAS, accuracy: 400 } }));
    expect(poor.json()).toMatchObject({ geofence: "poor_fix", place: { id: officeId }, distanceM: 0 });
    const none = await postCheckin(fresh().client, checkinBody({ mode: "WFH", position: null, positionError: "permission_denied" }));
    expect(none.statusCode).toBe(201);
    expect(none.json()).toMatchObject({ geofence: "unavailable", positionError: "permission_denied", position: null, place: null });
  });

  it("refuses impossible input with problem+json and writes nothing", async () => {
    const me = fresh();
    const before = await countRows(t, "checkins");
    const cases: [Record<string, unknown>, string][] = [
      [checkinBody({ position: { lat: 91, lng: 106.8, accuracy: 10 } }), "position.lat"],
      [checkinBody({ position: { lat: -6.2, lng: 181, accuracy: 10 } }), "position.lng"],
      [checkinBody({ position: { lat: "NaN", lng: 106.8, accuracy: 10 } }), "position.lat"],
      [checkinBody({ position: { lat: -6.2, lng: 106.8, accuracy: 0 } }), "position.accuracy"],
      [checkinBody({ position: { lat: -6.2, lng: 106.8, accuracy: -5 } }), "position.accuracy"],
      [checkinBody({ position: null }), "positionError"],
      [checkinBody({ positionError: "timeout" }), "positionError"],
      [checkinBody({ mode: "LIBUR" }), "mode"],
      [checkinBody({ deviceTime: "kemarin" }), "deviceTime"],
      [checkinBody({ employeeId: staff[0].id }), ""],
    ];
    for (const [body, path] of cases) {
      const res = await postCheckin(me.client, body, newKey());
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe("validation_failed");
      if (path)
        expect(
          res
            .json()
            .errors.map((e: { path: string }) => e.path)
            .join(" "),
          path,
        ).toContain(path);
    }
    const broken = await me.client.request("POST", "/api/v1/me/checkins", "{lat:", { "content-type": "application/json" });
    expect(broken.json().code).toBe("bad_request");
    expect(await countRows(t, "checkins")).toBe(before);
  });

  it("answers a second check-in and an early check-out with 409", async () => {
    const me = fresh();
    clockAt("2026-04-16", "07:10");
    const early = await postCheckin(me.client, checkinBody({ kind: "out" }));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: "conflict", detail: "Check in before checking out" });
    const first = await postCheckin(me.client, checkinBody());
    const again = await postCheckin(me.client, checkinBody({ mode: "WFH" }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", existing: { id: first.json().id, mode: "WFO" } });
    expect(await postCheckin(me.client, checkinBody({ kind: "out" })).then((r) => r.statusCode)).toBe(201);
    expect((await postCheckin(me.client, checkinBody({ kind: "out" }))).statusCode).toBe(409);
  });

  it("replays the same Idempotency-Key with the first answer, and refuses it for another body", async () => {
    const me = fresh();
    clockAt("2026-04-17", "07:05");
    const key = newKey();
    const body = checkinBody();
    const before = await countRows(t, "checkins");
    const first = await postCheckin(me.client, body, key);
    const replay = await postCheckin(me.client, body, key);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    expect(await countRows(t, "checkins")).toBe(before + 1);
    const other = await postCheckin(me.client, { ...body, mode: "WFH" }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
    const badKey = await postCheckin(me.client, body, "short");
    expect(badKey.statusCode).toBe(400);
  });

  it("offers no way to check in for someone else", async () => {
    const me = fresh();
    const res = await me.client.request("POST", `/api/v1/employees/${staff[0].id}/checkins`, checkinBody());
    expect(res.statusCode).toBe(404);
    const asHr = await hr.request("POST", `/api/v1/employees/${me.id}/checkins`, checkinBody());
    expect(asHr.statusCode).toBe(404);
    const noSession = await t.app.inject({ method: "POST", url: "/api/v1/me/checkins", payload: checkinBody() });
    expect(noSession.statusCode).toBe(401);
  });

  it("puts a WIT employee checking in at 23:30 WIB on the next day", async () => {
    const jayapura = await staffOf(t, agency.id, papua.id, "Pegawai Jayapura");
    clockAt("2026-04-19", "23:30", "Asia/Jakarta");
    const res = await postCheckin(jayapura.client, checkinBody({ mode: "WFH", position: null, positionError: "timeout" }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ workDate: "2026-04-20", minutesOff: 0 });
    const today = await jayapura.client.get("/api/v1/me/today");
    expect(today.json()).toMatchObject({ date: "2026-04-20", timezone: "Asia/Jayapura", workday: true, checkin: { workDate: "2026-04-20" } });
  });

  it("allows a check-in on a holiday without lateness, and says so in today", async () => {
    const me = fresh();
    clockAt("2026-05-14", "10:30");
    const res = await postCheckin(me.client, checkinBody());
    expect(res.statusCode).toBe(201);
    expect(res.json().minutesOff).toBeNull();
    const today = await me.client.get("/api/v1/me/today");
    expect(today.json()).toMatchObject({
      date: "2026-05-14",
      workday: false,
      hours: null,
      dayOff: { kind: "holiday", nameId: "Kenaikan Yesus Kristus", nameEn: "Ascension of Jesus Christ" },
      mode: "WFO",
    });
  });

  it("shows Friday and Ramadan hours in today", async () => {
    const me = fresh();
    clockAt("2026-03-06", "06:00");
    expect((await me.client.get("/api/v1/me/today")).json()).toMatchObject({ ramadan: true, hours: { start: "08:00", end: "15:30" }, checkin: null });
    clockAt("2026-04-10", "06:00");
    expect((await me.client.get("/api/v1/me/today")).json()).toMatchObject({ ramadan: false, hours: { start: "07:30", end: "16:30" } });
    clockAt("2026-03-09", "08:20");
    const late = await postCheckin(me.client, checkinBody());
    expect(late.json()).toMatchObject({ workDate: "2026-03-09", minutesOff: 20 });
  });

  it("accepts a device clock more than a day off, flagged, keeping the device time", async () => {
    const me = fresh();
    clockAt("2026-04-21", "07:00");
    const res = await postCheckin(me.client, checkinBody({ deviceTime: "2026-04-19T06:00:00+07:00" }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ deviceTimeSkewed: true, deviceTime: "2026-04-18T23:00:00.000Z", serverTime: "2026-04-21T00:00:00.000Z" });
  });

  it("commits concurrent check-ins together; each gets its own answer and a failing one fails alone", async () => {
    clockAt("2026-04-22", "07:00");
    const people = [fresh(), fresh(), fresh()];
    await postCheckin(people[2].client, checkinBody());
    const key = newKey();
    // A batch waits a while for more units, so that the four requests meet in the queue however busy the machine is.
    configureCheckinCommit(t.database.db, { group: true, waitMs: 400 });
    const committer = checkinCommitter(t.database.db);
    let results: Awaited<ReturnType<typeof postCheckin>>[];
    try {
      results = await Promise.all([
        postCheckin(people[0].client, checkinBody(), newKey()),
        postCheckin(people[1].client, checkinBody(), key),
        postCheckin(people[1].client, checkinBody(), key),
        postCheckin(people[2].client, checkinBody({ mode: "WFH" })),
      ]);
    } finally {
      configureCheckinCommit(t.database.db, { group: true });
    }
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 409]);
    // Four submissions, fewer commits: they were committed together.
    expect(committer?.stats.batches).toBeLessThan(4);
    expect(results[1].json()).toEqual(results[2].json());
    const rows = await t.database.db.selectFrom("checkins").select("employee_id").where("work_date", "=", "2026-04-22").execute();
    expect(rows.map((r) => r.employee_id).sort()).toEqual(people.map((p) => p.id).sort());
    const keys = await t.database.db.selectFrom("idempotency_keys").select("key").where("key", "=", key).execute();
    expect(keys).toHaveLength(1);
  });

  it("works the same with group commit turned off", async () => {
    configureCheckinCommit(t.database.db, { group: false });
    try {
      clockAt("2026-04-23", "07:31");
      const [a, b] = [fresh(), fresh()];
      const res = await Promise.all([postCheckin(a.client, checkinBody()), postCheckin(b.client, checkinBody()), postCheckin(a.client, checkinBody())]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
      expect(res[1].json().minutesOff).toBe(1);
    } finally {
      configureCheckinCommit(t.database.db, { group: true });
    }
  });
});
