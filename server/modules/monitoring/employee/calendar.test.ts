import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { DAYS, seedWeek } from "../trends/test-support.js";

interface Day {
  date: string;
  workday: boolean;
  mode: string | null;
  minutesLate: number | null;
  onTime: boolean | null;
  reportStatus: string | null;
  healthCleared: boolean | null;
  checkinAt: string | null;
  expectedMode: string | null;
}

describe.each(ENGINES)("monitoring employee calendar on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;
  const url = () => `/api/v1/monitoring/employees/${w.e1.id}/calendar?from=2026-11-14&to=2026-11-22`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    await seedWeek(t, w);
  });
  afterAll(() => t.close());

  it("shows the days and the SKP targets with progress", async () => {
    const res = await c.leader.get(url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.employee).toMatchObject({ id: w.e1.id, unitId: w.X1.id });
    const days: Day[] = body.days;
    expect(days.map((d) => d.date)).toEqual(["2026-11-14", "2026-11-15", ...DAYS, "2026-11-21", "2026-11-22"]);
    expect(days.filter((d) => d.workday).map((d) => d.date)).toEqual(DAYS);
    expect(days[2]).toMatchObject({ mode: "WFO", minutesLate: 15, onTime: false, reportStatus: "approved", checkinAt: `${DAYS[0]}T00:30:00.000Z` });
    expect(days[3]).toMatchObject({ minutesLate: 0, onTime: true });
    expect(days[4]).toMatchObject({ reportStatus: "submitted" });
    expect(days[5]).toMatchObject({ reportStatus: null });
    expect(days[0]).toMatchObject({ mode: null, onTime: null, minutesLate: null, expectedMode: null });
    expect(body.targets).toEqual([
      {
        id: expect.any(String),
        code: "RHK-1",
        title: "Layanan administrasi",
        indicators: [{ name: "Laporan", target: 12, unit: "laporan" }],
        activities: 3,
        minutes: 270,
      },
    ]);
  });

  it("shows whether the health check cleared only to the employee and health officers, and logs the officer's read", async () => {
    const cleared = async (who: ActorName) => ((await c[who].get(url())).json().days as Day[]).map((d) => d.healthCleared);
    const seen = [null, null, true, true, false, true, true, null, null];
    expect(await cleared("employee")).toEqual(seen);
    expect(await cleared("health")).toEqual(seen);
    for (const who of ["leader", "supervisor", "hr"] as const) expect(await cleared(who)).toEqual(seen.map(() => null));
    const logged = await t.database.db.selectFrom("access_log").select(["category", "actor_user_id"]).where("subject_employee_id", "=", w.e1.id).execute();
    expect(logged).toEqual([{ category: "health", actor_user_id: w.healthX.userId }]);
  });

  it("refuses bad ranges and unknown employees", async () => {
    const base = `/api/v1/monitoring/employees/${w.e1.id}/calendar`;
    for (const q of ["from=2026-11-20&to=2026-11-01", "from=2025-01-01&to=2026-01-02", "from=2026-02-30", "to=yesterday"]) {
      const res = await c.hr.get(`${base}?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
    expect((await c.hr.get("/api/v1/monitoring/employees/not-a-uuid/calendar")).statusCode).toBe(400);
    expect((await c.hr.get("/api/v1/monitoring/employees/0190aaaa-0000-7000-8000-00000000dead/calendar")).statusCode).toBe(404);
    expect((await c.hr.get(`/api/v1/monitoring/employees/${w.eB.id}/calendar`)).statusCode).toBe(404);
  });
});
