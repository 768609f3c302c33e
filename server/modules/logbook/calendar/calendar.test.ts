import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { countRows } from "../checkin/test-support.js";
import { calendar2026 } from "./data/2026.js";
import { calendar2027 } from "./data/2027.js";
import type { CalendarDataset } from "./data/types.js";
import { ensureCalendarData } from "./ensure.js";
import { loadCalendar } from "./workdays.js";

describe("shipped datasets", () => {
  it("carry the 2026 decree: 17 days of holidays and 8 of cuti bersama, and Ramadan 1447 H", () => {
    expect(calendar2026.days.filter((d) => d.kind === "holiday")).toHaveLength(17);
    expect(calendar2026.days.filter((d) => d.kind === "cuti_bersama")).toHaveLength(8);
    expect(calendar2026.days.every((d) => d.legalBasis.includes("Tahun 2026") && d.nameId && d.nameEn)).toBe(true);
    expect(calendar2026.periods).toMatchObject([{ kind: "ramadan", startsOn: "2026-02-19", endsOn: "2026-03-20" }]);
  });

  it("mark 2027 as an estimate", () => {
    expect(calendar2027.days.every((d) => /perkiraan|estimate/i.test(d.legalBasis))).toBe(true);
    expect(calendar2027.periods[0].legalBasis).toMatch(/estimate/);
    for (const d of [...calendar2026.days, ...calendar2027.days]) expect(Number.isNaN(Date.parse(d.date)), d.date).toBe(false);
  });
});

describe.each(ENGINES)("working calendar on %s", (engine) => {
  let t: TestApp;
  let operator: Client;
  let hr: Client;
  let staff: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const agency = await t.factory.agency();
    const op = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, isOperator: true });
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    const e = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id });
    operator = await Client.signIn(t.app, op.nip);
    hr = await Client.signIn(t.app, admin.nip);
    staff = await Client.signIn(t.app, e.nip);
  });
  afterAll(() => t.close());

  it("loads the shipped datasets once", async () => {
    expect((await ensureCalendarData(t.database.db)).applied).toEqual(["skb-2026-v1", "skb-2027-v1"]);
    const days = await countRows(t, "calendar_days");
    expect(days).toBe(calendar2026.days.length + calendar2027.days.length);
    expect((await ensureCalendarData(t.database.db)).applied).toEqual([]);
    expect(await countRows(t, "calendar_days")).toBe(days);
    expect(await countRows(t, "calendar_periods")).toBe(2);
    const cal = await loadCalendar(t.database.db, "2026-01-01", "2026-12-31");
    expect(cal.isWorkday("2026-03-20")).toBe(false);
    expect(cal.isRamadan("2026-03-02")).toBe(true);
  });

  it("shows the year to everyone signed in", async () => {
    const res = await staff.get("/api/v1/calendar?year=2026");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toHaveLength(25);
    expect(body.days[0]).toMatchObject({ date: "2026-01-01", kind: "holiday", dataset: "skb-2026-v1", legalBasis: expect.stringContaining("SKB") });
    expect(body.periods).toMatchObject([{ kind: "ramadan", startsOn: "2026-02-19" }]);
    expect((await new Client(t.app).get("/api/v1/calendar")).statusCode).toBe(401);
    expect((await staff.get("/api/v1/calendar?year=1999")).statusCode).toBe(400);
  });

  it("lets only operators change it, audited, and answers conflicts and bad input", async () => {
    const day = { date: "2026-06-10", kind: "holiday", nameId: "Hari Pemungutan Suara", nameEn: "Election Day", legalBasis: "Keppres (uji)" };
    for (const client of [hr, staff]) expect((await client.post("/api/v1/calendar/days", day)).statusCode).toBe(403);
    const created = await operator.post("/api/v1/calendar/days", day);
    expect(created.statusCode).toBe(201);
    expect(created.json().dataset).toBe("operator");
    expect((await operator.post("/api/v1/calendar/days", day)).statusCode).toBe(409);
    const before = await countRows(t, "calendar_days");
    for (const bad of [
      { ...day, date: "2026-02-30" },
      { ...day, kind: "libur" },
      { ...day, nameId: "" },
      { ...day, extra: 1 },
    ]) {
      const res = await operator.post("/api/v1/calendar/days", bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
    expect(await countRows(t, "calendar_days")).toBe(before);
    const id = created.json().id;
    expect((await operator.patch(`/api/v1/calendar/days/${id}`, { date: "2026-01-01" })).statusCode).toBe(409);
    expect((await operator.patch(`/api/v1/calendar/days/${id}`, { nameEn: "Voting Day" })).json().nameEn).toBe("Voting Day");
    expect((await hr.del(`/api/v1/calendar/days/${id}`)).statusCode).toBe(403);
    expect((await operator.del(`/api/v1/calendar/days/${id}`)).statusCode).toBe(204);
    const trail = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", id).orderBy("created_at").execute();
    expect(trail.map((e) => e.action)).toEqual(["calendar.day_created", "calendar.day_updated", "calendar.day_deleted"]);
  });

  it("manages Ramadan periods: no overlaps, at most 31 days", async () => {
    const period = { kind: "ramadan", startsOn: "2028-01-28", endsOn: "2028-02-25", nameId: "Ramadan 1449 H", nameEn: "Ramadan 1449 AH", legalBasis: "uji" };
    expect((await hr.post("/api/v1/calendar/periods", period)).statusCode).toBe(403);
    const created = await operator.post("/api/v1/calendar/periods", period);
    expect(created.statusCode).toBe(201);
    expect((await operator.post("/api/v1/calendar/periods", { ...period, startsOn: "2028-02-20", endsOn: "2028-03-01" })).statusCode).toBe(409);
    expect((await operator.post("/api/v1/calendar/periods", { ...period, startsOn: "2029-01-10", endsOn: "2029-01-01" })).statusCode).toBe(400);
    expect((await operator.post("/api/v1/calendar/periods", { ...period, startsOn: "2029-01-01", endsOn: "2029-03-01" })).statusCode).toBe(400);
    const id = created.json().id;
    expect((await operator.patch(`/api/v1/calendar/periods/${id}`, { endsOn: "2028-02-26" })).json()).toMatchObject({
      endsOn: "2028-02-26",
      dataset: "operator",
    });
    expect((await operator.del(`/api/v1/calendar/periods/${id}`)).statusCode).toBe(204);
  });

  it("applies a later shipped version without touching what the operator edited or deleted", async () => {
    const byDate = async (date: string) =>
      (await staff.get(`/api/v1/calendar?year=${date.slice(0, 4)}`)).json().days.filter((d: { date: string }) => d.date === date);
    // The operator corrects one shipped day and deletes another.
    const [newYear] = await byDate("2026-01-01");
    await operator.patch(`/api/v1/calendar/days/${newYear.id}`, { nameEn: "New Year (corrected)" });
    const [labour] = await byDate("2026-05-01");
    await operator.del(`/api/v1/calendar/days/${labour.id}`);
    const v2: CalendarDataset = {
      ...calendar2026,
      version: 2,
      days: [
        ...calendar2026.days
          .filter((d) => d.date !== "2026-12-24")
          .map((d) => (d.date === "2026-01-01" || d.date === "2026-08-17" ? { ...d, nameEn: `${d.nameEn} v2` } : d)),
        { date: "2026-12-28", kind: "cuti_bersama", nameId: "Cuti bersama tambahan", nameEn: "Extra collective leave", legalBasis: "SKB perubahan (uji)" },
      ],
      periods: [{ ...calendar2026.periods[0], endsOn: "2026-03-19" }],
    };
    expect((await ensureCalendarData(t.database.db, [v2, calendar2027])).applied).toEqual(["skb-2026-v2"]);
    expect((await byDate("2026-01-01"))[0]).toMatchObject({ nameEn: "New Year (corrected)", dataset: "operator" });
    expect(await byDate("2026-05-01")).toEqual([]);
    expect((await byDate("2026-08-17"))[0]).toMatchObject({ nameEn: "Independence Day v2", dataset: "skb-2026-v2" });
    expect(await byDate("2026-12-24")).toEqual([]);
    expect((await byDate("2026-12-28"))[0]).toMatchObject({ kind: "cuti_bersama", dataset: "skb-2026-v2" });
    const periods = (await staff.get("/api/v1/calendar?year=2026")).json().periods;
    expect(periods).toMatchObject([{ endsOn: "2026-03-19", dataset: "skb-2026-v2" }]);
    expect((await ensureCalendarData(t.database.db, [v2, calendar2027])).applied).toEqual([]);
  });
});
