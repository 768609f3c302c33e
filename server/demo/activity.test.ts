import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayIn } from "../modules/org/hierarchy.js";
import type { SystemCtx } from "../platform/context.js";
import { ENGINES } from "../test/engines.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { DEMO_ACTIVITY_DAYS, seedDemoActivity } from "./activity.js";
import { loadDemo } from "./seed.js";

const sys = (t: TestApp): SystemCtx => ({ db: t.database.db, engine: t.database.engine, actor: null, requestId: null, ip: null, now: () => new Date() });

describe.each(ENGINES)("demo activity on %s", (engine) => {
  let t: TestApp;
  let today: string;
  const db = () => t.database.db;
  const idOf = async (email: string) => (await db().selectFrom("employees").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    await loadDemo(sys(t));
    const agency = await db().selectFrom("agencies").select("timezone").executeTakeFirstOrThrow();
    today = todayIn(agency.timezone);
  });
  afterAll(() => t.close());

  it("fills the last workdays with check-ins, health checks, reports and activities", async () => {
    const days = await db().selectFrom("checkins").select("work_date").distinct().where("work_date", "<", today).execute();
    expect(days).toHaveLength(DEMO_ACTIVITY_DAYS);
    for (const d of days) expect([0, 6]).not.toContain(new Date(`${d.work_date}T00:00:00Z`).getUTCDay());
    const employees = await db()
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    const count = async (table: "checkins" | "health_checks" | "daily_reports" | "report_activities") =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const perDay = Number(employees.n);
    expect(await count("checkins")).toBeGreaterThan(perDay * DEMO_ACTIVITY_DAYS * 1.5);
    expect(await count("health_checks")).toBeGreaterThan(perDay * DEMO_ACTIVITY_DAYS * 0.7);
    expect(await count("daily_reports")).toBeGreaterThan(perDay * DEMO_ACTIVITY_DAYS * 0.7);
    expect(await count("report_activities")).toBeGreaterThan(await count("daily_reports"));
    const offices = await db().selectFrom("places").select(["name", "unit_id"]).where("kind", "=", "office").execute();
    expect(offices.length).toBeGreaterThanOrEqual(8);
  });

  it("shows today under way: some checked in, some late, no reports yet", async () => {
    const employees = Number(
      (
        await db()
          .selectFrom("employees")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const ins = await db().selectFrom("checkins").select(["minutes_off", "server_time"]).where("work_date", "=", today).where("kind", "=", "in").execute();
    const weekend = [0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay());
    if (weekend) {
      expect(ins).toHaveLength(0);
      return;
    }
    expect(ins.length / employees).toBeGreaterThan(0.45);
    expect(ins.length / employees).toBeLessThan(0.75);
    for (const c of ins) expect(c.server_time <= new Date().toISOString()).toBe(true);
    const reports = await db().selectFrom("daily_reports").select("id").where("work_date", "=", today).execute();
    expect(reports).toHaveLength(0);
  });

  it("leaves the demo employee's today untouched and the demo supervisor's review queue empty", async () => {
    const pegawai = await idOf("pegawai@demo.abdi.go.id");
    const mine = await db().selectFrom("checkins").select("id").where("employee_id", "=", pegawai).where("work_date", "=", today).execute();
    expect(mine).toHaveLength(0);
    const health = await db().selectFrom("health_checks").select("id").where("employee_id", "=", pegawai).where("work_date", "=", today).execute();
    expect(health).toHaveLength(0);
    const past = await db().selectFrom("daily_reports").select("status").where("employee_id", "=", pegawai).execute();
    expect(past.length).toBeGreaterThan(0);
    for (const r of past) expect(r.status).toBe("approved");
    const atasan = await idOf("atasan@demo.abdi.go.id");
    const unit = await db().selectFrom("employees").select("unit_id").where("id", "=", atasan).executeTakeFirstOrThrow();
    const waiting = await db()
      .selectFrom("daily_reports")
      .innerJoin("employees", "employees.id", "daily_reports.employee_id")
      .select("daily_reports.id")
      .where("employees.unit_id", "=", unit.unit_id)
      .where("employees.id", "<>", atasan)
      .where("daily_reports.status", "=", "submitted")
      .execute();
    expect(waiting).toHaveLength(0);
  });

  it("builds the monitoring rollups for the range", async () => {
    const rows = await db().selectFrom("monitoring_unit_days").select(["work_date", "checked_in"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((n, r) => n + Number(r.checked_in), 0)).toBeGreaterThan(0);
  });

  it("does nothing without an agency", async () => {
    const empty = await createTestApp(engine);
    try {
      await seedDemoActivity(sys(empty));
      const rows = await empty.database.db.selectFrom("checkins").select("id").execute();
      expect(rows).toHaveLength(0);
    } finally {
      await empty.close();
    }
  });
});
