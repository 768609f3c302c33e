import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { ensureCalendarData } from "../calendar/ensure.js";
import { checkinBody, clockAt, MONAS, postCheckin, realClock } from "./test-support.js";

/**
 * Who reads e1's check-ins, and what they see: the person and HR in scope get
 * the exact position; the supervisor and overseers in scope get the result
 * only; everyone else is refused. Only HR's read of the position is logged.
 */
describe.each(ENGINES)("check-in permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  type Expect = Record<ActorName, number>;
  const row = (o: Partial<Expect> & { default: number }): Expect => Object.fromEntries(ACTORS.map((a) => [a, o[a] ?? o.default])) as Expect;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await ensureCalendarData(t.database.db);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    const office = await c.hr.post("/api/v1/places", { name: "Gedung X", unitId: w.X.id, shape: { type: "circle", ...MONAS, radiusM: 200 } });
    expect(office.statusCode).toBe(201);
    clockAt("2026-04-13", "07:35");
    expect((await postCheckin(c.employee, checkinBody({ note: "Rapat pagi" }))).statusCode).toBe(201);
    clockAt("2026-04-13", "16:10");
    expect((await postCheckin(c.employee, checkinBody({ kind: "out" }))).statusCode).toBe(201);
    realClock();
  });
  afterEach(() => realClock());
  afterAll(() => t.close());

  const accessRows = () =>
    t.database.db.selectFrom("access_log").selectAll().where("subject_employee_id", "=", w.e1.id).where("category", "=", "location").execute();

  it("reads e1's check-ins: coordinates for self and HR in scope, results for supervisor and overseers", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    const withCoordinates: ActorName[] = ["employee", "hr"];
    clockAt("2026-04-14", "09:00");
    for (const a of ACTORS) {
      const before = (await accessRows()).length;
      const res = await c[a].get(`/api/v1/employees/${w.e1.id}/checkins?from=2026-04-01&to=2026-04-14`);
      expect(res.statusCode, a).toBe(expected[a]);
      const logged = (await accessRows()).length - before;
      if (res.statusCode !== 200) {
        expect(res.headers["content-type"], a).toMatch(/problem\+json/);
        expect(logged, a).toBe(0);
        continue;
      }
      const items = res.json().items as Record<string, unknown>[];
      expect(
        items.map((i) => i.kind),
        a,
      ).toEqual(["in", "out"]);
      expect(items[0], a).toMatchObject({ geofence: "office", place: { name: "Gedung X" }, minutesOff: 5, note: "Rapat pagi" });
      const sees = withCoordinates.includes(a);
      expect("position" in items[0], a).toBe(sees);
      expect("distanceM" in items[0], a).toBe(sees);
      expect(JSON.stringify(res.json()).includes(String(MONAS.lat)), a).toBe(sees);
      expect(logged, a).toBe(a === "hr" ? 1 : 0);
    }
    const [entry] = (await accessRows()).slice(-1);
    expect(entry).toMatchObject({ actor_user_id: w.hrA.userId, category: "location" });
  });

  it("logs nothing when HR's range holds no positions", async () => {
    const before = (await accessRows()).length;
    clockAt("2026-04-14", "09:00");
    const res = await c.hr.get(`/api/v1/employees/${w.e1.id}/checkins?from=2026-01-01&to=2026-01-31`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect((await accessRows()).length).toBe(before);
  });

  it("refuses a backwards or too long range with 400", async () => {
    for (const q of ["from=2026-04-14&to=2026-04-01", "from=2026-01-01&to=2026-12-31", "from=2026-02-30"]) {
      const res = await c.employee.get(`/api/v1/employees/${w.e1.id}/checkins?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
  });

  it("lets everyone signed in with an employee record check in only for themselves", async () => {
    clockAt("2026-04-15", "07:00");
    const own: Record<ActorName, string | undefined> = {
      employee: w.e1.id,
      supervisor: w.hX1.id,
      otherSupervisor: w.hY.id,
      leader: w.leaderX.id,
      health: w.healthX.id,
      hr: w.hrA.id,
      hrScoped: w.hrY.id,
      hrOtherAgency: w.hrB.id,
      outsider: undefined,
    };
    for (const a of ACTORS) {
      const res = await postCheckin(c[a], checkinBody({ mode: "WFH", position: null, positionError: "position_unavailable" }));
      expect(res.statusCode, a).toBe(a === "outsider" ? 401 : 201);
      if (res.statusCode === 201) expect(res.json().employeeId, a).toBe(own[a]);
    }
    const mine = await t.database.db.selectFrom("checkins").select("employee_id").where("work_date", "=", "2026-04-15").execute();
    expect(mine).toHaveLength(ACTORS.length - 1);
  });
});
