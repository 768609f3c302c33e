import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIfDue } from "../../../platform/scheduler.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../../test/engines.js";
import { Factory } from "../../../test/factories.js";
import { addDays } from "../../logbook/calendar/workdays.js";
import { monitoringJobs } from "../jobs.js";
import { DELAY_BUCKETS, delayBucket, histogramMedian } from "./histogram.js";
import { rebuildRollups, refreshChangedRollups } from "./service.js";
import { COUNTERS, type Counts, zeroCounts } from "./sql.js";
import { RawData } from "./test-support.js";

const FROM = "2026-03-02";
const TO = "2026-03-08";
const T0 = new Date("2026-03-20T00:00:00.000Z");
const OFFSETS: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };
const MODES = ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const;
const STATUSES = ["draft", "submitted", "returned", "approved"] as const;
const ACTIONS = ["submitted", "returned", "approved", "resubmitted"] as const;

/** The reference: the same counts computed in JavaScript from every raw row. */
async function expected(t: { database: TestDatabase }, agencyId: string): Promise<Map<string, Counts>> {
  const db = t.database.db;
  const out = new Map<string, Counts>();
  const at = (unit: string, date: string) => {
    const key = `${unit}|${date}`;
    const c = out.get(key) ?? zeroCounts();
    out.set(key, c);
    return c;
  };
  const inRange = (d: string) => d >= FROM && d <= TO;
  const units = new Map((await db.selectFrom("units").select(["id", "timezone"]).execute()).map((u) => [u.id, u.timezone]));
  const staff = await db.selectFrom("employees").select(["unit_id"]).where("agency_id", "=", agencyId).where("status", "=", "active").execute();
  for (let d = FROM; d <= TO; d = addDays(d, 1)) for (const e of staff) at(e.unit_id, d).employees++;
  for (const c of await db.selectFrom("checkins").selectAll().where("agency_id", "=", agencyId).where("kind", "=", "in").execute()) {
    if (!inRange(c.work_date)) continue;
    const row = at(c.unit_id, c.work_date);
    row.checked_in++;
    if ((c.minutes_off ?? 0) > 0) row.late++;
    row[c.mode.toLowerCase() as "wfo"]++;
  }
  for (const h of await db.selectFrom("health_checks").selectAll().where("agency_id", "=", agencyId).execute()) {
    if (!inRange(h.work_date)) continue;
    const row = at(h.unit_id, h.work_date);
    row.health_filled++;
    if (h.cleared === 0) row.health_not_cleared++;
  }
  const reports = await db.selectFrom("daily_reports").selectAll().where("agency_id", "=", agencyId).execute();
  for (const r of reports) {
    if (!inRange(r.work_date)) continue;
    const row = at(r.unit_id, r.work_date);
    if (r.status === "submitted" || r.status === "approved") row.reports_submitted++;
    if (r.status === "approved") row.reports_approved++;
    if (r.status === "returned") row.reports_returned++;
    if (r.reviewed_at && r.submitted_at) {
      row.reviewed++;
      row[`rd_${delayBucket((Date.parse(r.reviewed_at) - Date.parse(r.submitted_at)) / 3_600_000)}` as "rd_0"]++;
    }
  }
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const e of await db.selectFrom("report_events").selectAll().execute()) {
    const r = byId.get(e.report_id);
    if (!r) continue;
    const local = new Date(Date.parse(e.created_at) + (OFFSETS[units.get(r.unit_id) ?? ""] ?? 7) * 3_600_000).toISOString().slice(0, 10);
    if (!inRange(local)) continue;
    if (e.action === "submitted" || e.action === "resubmitted") at(r.unit_id, local).review_in++;
    else at(r.unit_id, local).review_out++;
  }
  return out;
}

async function actual(t: { database: TestDatabase }, agencyId: string): Promise<Map<string, Counts>> {
  const rows = await t.database.db
    .selectFrom("monitoring_unit_days")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("work_date", ">=", FROM)
    .where("work_date", "<=", TO)
    .execute();
  return new Map(rows.map((r) => [`${r.unit_id}|${r.work_date}`, Object.fromEntries(COUNTERS.map((c) => [c, Number(r[c])])) as Counts]));
}

const iso = (base: string, hours: number) => new Date(Date.parse(`${base}T00:00:00.000Z`) + hours * 3_600_000).toISOString();

const dayIdx = fc.integer({ min: -1, max: 7 });
const Seed = fc.record({
  checkins: fc.array(fc.record({ e: fc.nat(5), d: dayIdx, mode: fc.constantFrom(...MODES), late: fc.nat(30) }), { maxLength: 20 }),
  health: fc.array(fc.record({ e: fc.nat(5), d: dayIdx, cleared: fc.boolean() }), { maxLength: 15 }),
  reports: fc.array(
    fc.record({
      e: fc.nat(5),
      d: dayIdx,
      status: fc.constantFrom(...STATUSES),
      submitH: fc.integer({ min: 8, max: 30 }),
      delayH: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: null }),
      events: fc.array(fc.record({ action: fc.constantFrom(...ACTIONS), h: fc.integer({ min: -12, max: 60 }) }), { maxLength: 3 }),
    }),
    { maxLength: 15 },
  ),
});
const Changes = fc.record({
  flipHealth: fc.array(fc.nat(20), { maxLength: 5 }),
  review: fc.array(fc.record({ i: fc.nat(20), status: fc.constantFrom(...STATUSES), delayH: fc.double({ min: 0, max: 300, noNaN: true }) }), { maxLength: 5 }),
  newCheckins: fc.array(fc.record({ e: fc.nat(5), d: dayIdx, mode: fc.constantFrom(...MODES), late: fc.nat(10) }), { maxLength: 5 }),
});

describe.each(ENGINES)("monitoring rollups on %s", (engine) => {
  let t: { database: TestDatabase };
  let raw: RawData;
  let agencyId: string;
  let staff: { id: string; unitId: string }[];

  beforeAll(async () => {
    t = { database: await createTestDatabase(engine) };
    raw = new RawData(t.database.db);
    const f = new Factory(t.database.db);
    const A = await f.agency();
    agencyId = A.id;
    const X = await f.unit({ agencyId, parent: A.root });
    const X1 = await f.unit({ agencyId, parent: X, timezone: "Asia/Makassar" });
    const Z = await f.unit({ agencyId, parent: A.root, timezone: "Asia/Jayapura" });
    const units = [A.root.id, X.id, X1.id, X1.id, Z.id, X.id];
    staff = [];
    for (const unitId of units) staff.push({ id: (await f.employee({ agencyId, unitId })).id, unitId });
    await f.employee({ agencyId, unitId: Z.id, status: "inactive" });
    // Another agency's data must never appear.
    const B = await f.agency();
    const eB = await f.employee({ agencyId: B.id, unitId: B.root.id });
    await raw.checkin({ agencyId: B.id, unitId: B.root.id, employeeId: eB.id, date: FROM });
  });
  afterAll(() => t.database.drop());

  async function clear() {
    const db = t.database.db;
    await db.deleteFrom("report_events").execute();
    await db.deleteFrom("daily_reports").execute();
    await db.deleteFrom("health_checks").execute();
    await db.deleteFrom("checkins").where("agency_id", "=", agencyId).execute();
    await db.deleteFrom("monitoring_unit_days").execute();
    await db.deleteFrom("monitoring_rollup_state").execute();
  }

  it("equals the raw-data aggregates after random inserts, updates and a refresh", async () => {
    await fc.assert(
      fc.asyncProperty(Seed, Changes, async (seed, changes) => {
        await clear();
        const day = (i: number) => addDays(FROM, i);
        const taken = new Set<string>();
        const once = (key: string) => !taken.has(key) && taken.add(key) !== undefined;
        for (const c of seed.checkins) {
          const s = staff[c.e];
          if (once(`c${c.e}|${c.d}`))
            await raw.checkin({ agencyId, unitId: s.unitId, employeeId: s.id, date: day(c.d), mode: c.mode, minutesOff: c.late % 3 === 0 ? c.late : 0 });
        }
        const healthIds: string[] = [];
        for (const h of seed.health) {
          const s = staff[h.e];
          if (once(`h${h.e}|${h.d}`)) healthIds.push(await raw.health({ agencyId, unitId: s.unitId, employeeId: s.id, date: day(h.d), cleared: h.cleared }));
        }
        const reportIds: string[] = [];
        for (const r of seed.reports) {
          const s = staff[r.e];
          if (!once(`r${r.e}|${r.d}`)) continue;
          const submittedAt = r.status === "draft" ? null : iso(day(r.d), r.submitH);
          const reviewedAt =
            submittedAt && r.delayH !== null && r.status !== "submitted" ? new Date(Date.parse(submittedAt) + r.delayH * 3_600_000).toISOString() : null;
          const id = await raw.report({ agencyId, unitId: s.unitId, employeeId: s.id, date: day(r.d), status: r.status, submittedAt, reviewedAt });
          reportIds.push(id);
          for (const e of r.events) await raw.event({ reportId: id, action: e.action, at: iso(day(r.d), e.h) });
        }
        await rebuildRollups(t.database.db, { agencyId, from: FROM, to: TO, now: T0 });
        expect(await actual(t, agencyId)).toEqual(await expected(t, agencyId));

        const later = new Date(T0.getTime() + 5 * 60_000).toISOString();
        const db = t.database.db;
        for (const i of changes.flipHealth) {
          const id = healthIds[i % Math.max(1, healthIds.length)];
          if (!id) continue;
          const row = await db.selectFrom("health_checks").select("cleared").where("id", "=", id).executeTakeFirstOrThrow();
          await db
            .updateTable("health_checks")
            .set({ cleared: row.cleared ? 0 : 1, updated_at: later })
            .where("id", "=", id)
            .execute();
        }
        for (const r of changes.review) {
          const id = reportIds[r.i % Math.max(1, reportIds.length)];
          if (!id) continue;
          const submittedAt = "2026-03-04T02:00:00.000Z";
          const reviewedAt = r.status === "approved" || r.status === "returned" ? new Date(Date.parse(submittedAt) + r.delayH * 3_600_000).toISOString() : null;
          await db
            .updateTable("daily_reports")
            .set({ status: r.status, submitted_at: r.status === "draft" ? null : submittedAt, reviewed_at: reviewedAt, updated_at: later })
            .where("id", "=", id)
            .execute();
          if (reviewedAt) await raw.event({ reportId: id, action: r.status === "approved" ? "approved" : "returned", at: later });
          await raw.event({ reportId: id, action: "resubmitted", at: "2026-03-05T10:00:00.123Z" });
        }
        for (const c of changes.newCheckins) {
          const s = staff[c.e];
          if (once(`c${c.e}|${c.d}`))
            await raw.checkin({ agencyId, unitId: s.unitId, employeeId: s.id, date: day(c.d), mode: c.mode, minutesOff: c.late, createdAt: later });
        }
        // Events are found by created_at: the resubmissions above carry an old timestamp (one no seeded event can have), so stamp them as new.
        await db.updateTable("report_events").set({ created_at: later }).where("created_at", "=", "2026-03-05T10:00:00.123Z").execute();
        await refreshChangedRollups(db, new Date(T0.getTime() + 10 * 60_000));
        expect(await actual(t, agencyId)).toEqual(await expected(t, agencyId));
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it("refresh recomputes only pairs changed after the watermark and moves it", async () => {
    await clear();
    const s = staff[1];
    await raw.checkin({ agencyId, unitId: s.unitId, employeeId: s.id, date: FROM, createdAt: "2026-03-02T01:00:00.000Z" });
    await rebuildRollups(t.database.db, { agencyId, from: FROM, to: TO, now: T0 });
    // A change to an old row whose timestamp is before the watermark is not seen (the rollup is then rebuilt).
    await t.database.db.updateTable("checkins").set({ mode: "WFH" }).where("agency_id", "=", agencyId).execute();
    const r1 = await refreshChangedRollups(t.database.db, new Date(T0.getTime() + 60_000));
    expect(r1.pairs).toBe(0);
    expect((await actual(t, agencyId)).get(`${s.unitId}|${FROM}`)?.wfo).toBe(1);
    await raw.health({ agencyId, unitId: s.unitId, employeeId: s.id, date: FROM, cleared: false, at: new Date(T0.getTime() + 90_000).toISOString() });
    const r2 = await refreshChangedRollups(t.database.db, new Date(T0.getTime() + 120_000));
    expect(r2.pairs).toBe(1);
    const row = (await actual(t, agencyId)).get(`${s.unitId}|${FROM}`);
    expect(row).toMatchObject({ wfh: 1, wfo: 0, health_filled: 1, health_not_cleared: 1 });
    const state = await t.database.db.selectFrom("monitoring_rollup_state").selectAll().executeTakeFirstOrThrow();
    expect(state.watermark).toBe(new Date(T0.getTime() + 120_000).toISOString());
  });

  it("runs as the recurring monitoring job", async () => {
    await clear();
    const job = monitoringJobs(engine).find((j) => j.name === "monitoring.refresh_rollups");
    expect(job?.everyMs).toBe(60_000);
    if (!job) return;
    const s = staff[0];
    await raw.checkin({ agencyId, unitId: s.unitId, employeeId: s.id, date: FROM, createdAt: T0.toISOString() });
    const run = await runIfDue(t.database.db, job, new Date(T0.getTime() + 1000));
    // No watermark yet: every pair with data (this one and the other agency's check-in).
    expect(run).toMatchObject({ ran: true, result: { pairs: 2 } });
    expect((await actual(t, agencyId)).get(`${s.unitId}|${FROM}`)?.checked_in).toBe(1);
  });

  it("writes yesterday and today whole once, so quiet days still carry the headcount", async () => {
    await clear();
    const db = t.database.db;
    await refreshChangedRollups(db, T0);
    const rows = await db
      .selectFrom("monitoring_unit_days")
      .select(["work_date", "employees"])
      .where("agency_id", "=", agencyId)
      .orderBy("work_date")
      .execute();
    const perDay = (d: string) => rows.filter((r) => r.work_date === d).reduce((n, r) => n + Number(r.employees), 0);
    expect([...new Set(rows.map((r) => r.work_date))]).toEqual(["2026-03-19", "2026-03-20"]);
    expect(perDay("2026-03-19")).toBe(staff.length);
    expect(perDay("2026-03-20")).toBe(staff.length);
    await refreshChangedRollups(db, new Date(T0.getTime() + 60_000));
    expect(await db.selectFrom("monitoring_unit_days").select("unit_id").where("agency_id", "=", agencyId).execute()).toHaveLength(rows.length);
  });
});

describe("review delay histogram", () => {
  it("puts delays in buckets and interpolates the median", () => {
    expect(delayBucket(0)).toBe(0);
    expect(delayBucket(1)).toBe(1);
    expect(delayBucket(23.9)).toBe(5);
    expect(delayBucket(500)).toBe(DELAY_BUCKETS - 1);
    const counts = new Array(DELAY_BUCKETS).fill(0);
    expect(histogramMedian(counts)).toBeNull();
    counts[3] = 2; // two reviews in 4..8 h
    expect(histogramMedian(counts)).toBe(6);
    counts[10] = 5;
    expect(histogramMedian(counts)).toBe(168);
  });
});
