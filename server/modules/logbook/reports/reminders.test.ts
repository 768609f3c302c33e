import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import type { TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { sendReportReminders } from "./reminders.js";

// Monday 2 February 2026; its report is due at the end of Tuesday 3 February.
const MONDAY = "2026-02-02";
const TUESDAY_EVENING_WIB = new Date("2026-02-03T12:00:00Z");

describe.each(ENGINES)("report reminders on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let employeesOfA: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const db = t.database.db;
    const now = new Date().toISOString();
    const report = (employeeId: string, unitId: string, status: "draft" | "submitted" | "approved") =>
      db
        .insertInto("daily_reports")
        .values({
          id: newId(),
          agency_id: w.A.id,
          unit_id: unitId,
          employee_id: employeeId,
          work_date: MONDAY,
          status,
          deadline_at: "2026-02-03T16:59:59.999Z",
          submitted_at: status === "draft" ? null : now,
          revision: status === "draft" ? 0 : 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await report(w.e1.id, w.X1.id, "submitted");
    await report(w.eY.id, w.Y.id, "approved");
    await report(w.hX.id, w.X.id, "draft");
    await db
      .insertInto("checkins")
      .values({
        id: newId(),
        agency_id: w.A.id,
        unit_id: w.Y.id,
        employee_id: w.hY.id,
        work_date: MONDAY,
        kind: "in",
        mode: "CUTI",
        expected_mode: null,
        server_time: now,
        device_time: null,
        lat: null,
        lng: null,
        accuracy_m: null,
        position_error: "leave",
        geofence: "unavailable",
        place_id: null,
        place_name: null,
        distance_m: null,
        minutes_off: null,
        coords_purged_at: null,
        note: null,
        created_at: now,
      })
      .execute();
    employeesOfA = (await db.selectFrom("employees").select("id").where("agency_id", "=", w.A.id).execute()).length;
  });
  afterAll(() => t.close());

  const reminders = () =>
    t.database.db
      .selectFrom("notifications")
      .innerJoin("users", "users.id", "notifications.user_id")
      .select(["users.employee_id", "notifications.link", "notifications.params"])
      .where("kind", "=", "report.reminder")
      .execute();

  it("sends nothing while the deadline is still far", async () => {
    expect(await sendReportReminders(t.database.db, new Date("2026-02-03T02:00:00Z"))).toEqual({ sent: 0 });
  });

  it("reminds everyone whose report of the day is missing or still a draft, once", async () => {
    const first = await sendReportReminders(t.database.db, TUESDAY_EVENING_WIB);
    // Agency A minus e1 (submitted), eY (approved) and hY (on leave); agency B's two employees too.
    expect(first.sent).toBe(employeesOfA - 3 + 2);
    const sent = await reminders();
    const who = sent.map((n) => n.employee_id);
    expect(who).toContain(w.hX.id);
    expect(who).toContain(w.eB.id);
    for (const skipped of [w.e1.id, w.eY.id, w.hY.id]) expect(who).not.toContain(skipped);
    expect(sent[0].link).toBe(`/logbook/reports/${MONDAY}`);
    expect(new Set(who).size).toBe(who.length);

    expect(await sendReportReminders(t.database.db, TUESDAY_EVENING_WIB)).toEqual({ sent: 0 });
    expect(await sendReportReminders(t.database.db, new Date(TUESDAY_EVENING_WIB.getTime() + 3_600_000))).toEqual({ sent: 0 });
    expect(await reminders()).toHaveLength(first.sent);
  });

  it("expects nothing for a day off and stops once the deadline day is over", async () => {
    // Sunday evening: Saturday and Sunday expect no report; Friday's deadline was Monday.
    expect((await sendReportReminders(t.database.db, new Date("2026-02-08T12:00:00Z"))).sent).toBe(0);
    // Wednesday morning: Monday's deadline passed yesterday; Tuesday's is still far.
    expect((await sendReportReminders(t.database.db, new Date("2026-02-04T02:00:00Z"))).sent).toBe(0);
  });
});
