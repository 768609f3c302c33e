import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import type { Bucket, Counts } from "./schema.js";
import { type Agency, buildAgency, DAY, type DayData, type Person, seedDay, signIn } from "./test-support.js";

/** The board's numbers, computed here from the inserted rows with plain JavaScript. */
function expectedCounts(people: Person[], d: DayData): Counts {
  const ids = new Set(people.filter((p) => p.active).map((p) => p.id));
  const ins = d.checkins.filter((c) => c.kind === "in" && ids.has(c.employee_id));
  const outs = d.checkins.filter((c) => c.kind === "out" && ids.has(c.employee_id));
  const health = d.health.filter((h) => ids.has(h.employee_id));
  const reports = d.reports.filter((r) => ids.has(r.employee_id));
  const mode = (m: string) => ins.filter((c) => c.mode === m).length;
  const status = (s: string) => reports.filter((r) => r.status === s).length;
  return {
    employees: ids.size,
    checkedIn: ins.length,
    notCheckedIn: ids.size - ins.length,
    late: ins.filter((c) => (c.minutes_off ?? 0) > 0).length,
    checkedOut: outs.length,
    modes: { WFO: mode("WFO"), WFH: mode("WFH"), DL: mode("DL"), CUTI: mode("CUTI"), SAKIT: mode("SAKIT") },
    roster: {
      matched: ins.filter((c) => c.expected_mode === c.mode).length,
      differs: ins.filter((c) => c.expected_mode !== null && c.expected_mode !== c.mode).length,
      unrostered: ins.filter((c) => c.expected_mode === null).length,
    },
    health: { filled: health.length, notFilled: ids.size - health.length, notCleared: health.filter((h) => h.cleared === 0).length },
    reports: {
      none: ids.size - reports.length,
      draft: status("draft"),
      submitted: status("submitted"),
      returned: status("returned"),
      approved: status("approved"),
    },
    office: { present: mode("WFO"), cap: null },
  };
}

const BUCKET_OF: [Bucket, (c: Counts) => number][] = [
  ["employees", (c) => c.employees],
  ["checked_in", (c) => c.checkedIn],
  ["not_checked_in", (c) => c.notCheckedIn],
  ["late", (c) => c.late],
  ["checked_out", (c) => c.checkedOut],
  ["mode:WFO", (c) => c.modes.WFO],
  ["mode:WFH", (c) => c.modes.WFH],
  ["mode:DL", (c) => c.modes.DL],
  ["mode:CUTI", (c) => c.modes.CUTI],
  ["mode:SAKIT", (c) => c.modes.SAKIT],
  ["roster:differs", (c) => c.roster.differs],
  ["health:not_filled", (c) => c.health.notFilled],
  ["health:not_cleared", (c) => c.health.notCleared],
  ["report:none", (c) => c.reports.none],
  ["report:draft", (c) => c.reports.draft],
  ["report:submitted", (c) => c.reports.submitted],
  ["report:returned", (c) => c.reports.returned],
  ["report:approved", (c) => c.reports.approved],
  ["office", (c) => c.office.present],
];

describe.each(ENGINES)("monitoring board on %s", (engine) => {
  let t: TestApp;
  let ag: Agency;
  let day: DayData;
  let hr: Client;
  let health: Client;
  let leader: Client;
  const under = (path: string) => ag.staff.filter((p) => p.unit.path.startsWith(path));

  beforeAll(async () => {
    t = await createTestApp(engine);
    ag = await buildAgency(t);
    day = await seedDay(t, ag);
    // Another day and another agency must not count.
    await seedDay(t, ag, "2026-12-02", 11);
    hr = await signIn(t, ag.hr.nip);
    health = await signIn(t, ag.health.nip);
    leader = await signIn(t, ag.leaderA.nip);
  });
  afterAll(async () => t.close());

  it("counts the subtree and each direct child subtree as the raw rows say", async () => {
    const res = await hr.get(`/api/v1/monitoring/board?unitId=${ag.root.id}&date=${DAY}`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board).toMatchObject({ date: DAY, unit: { id: ag.root.id }, timezone: "Asia/Jakarta" });
    expect(board.totals).toEqual(expectedCounts(ag.staff, day));
    expect(board.units.map((u: { id: string }) => u.id)).toEqual([ag.root.id, ag.A.id, ag.B.id]);
    const [own, a, b] = board.units;
    expect(own).toEqual({
      id: ag.root.id,
      name: ag.root.name,
      depth: 0,
      ...expectedCounts(
        ag.staff.filter((p) => p.unit.id === ag.root.id),
        day,
      ),
    });
    expect(a).toEqual({ id: ag.A.id, name: ag.A.name, depth: 1, ...expectedCounts(under(ag.A.path), day) });
    expect(b).toEqual({ id: ag.B.id, name: ag.B.name, depth: 1, ...expectedCounts(under(ag.B.path), day) });
    expect(board.totals.employees).toBe(ag.staff.filter((p) => p.active).length);
    expect(board.totals.checkedIn).toBeGreaterThan(0);
  });

  it("shows a leader the widest unit of their scope by default, on the unit's today", async () => {
    const board = (await leader.get("/api/v1/monitoring/board")).json();
    expect(board.unit.id).toBe(ag.A.id);
    expect(board.date).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()));
    expect(board.units.map((u: { id: string }) => u.id)).toEqual([ag.A.id, ag.A1.id]);
    const dated = (await leader.get(`/api/v1/monitoring/board?date=${DAY}`)).json();
    expect(dated.totals).toEqual(expectedCounts(under(ag.A.path), day));
  });

  it("lists exactly the people behind every number", async () => {
    const board = (await health.get(`/api/v1/monitoring/board?unitId=${ag.root.id}&date=${DAY}`)).json();
    for (const [bucket, count] of BUCKET_OF) {
      const res = await health.get(`/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}&bucket=${bucket}&pageSize=200`);
      expect(res.statusCode, bucket).toBe(200);
      const page = res.json();
      expect(page.total, bucket).toBe(count(board.totals));
      expect(page.items.length, bucket).toBe(count(board.totals));
      expect(new Set(page.items.map((p: { employeeId: string }) => p.employeeId)).size).toBe(page.items.length);
    }
    const subtree = (await health.get(`/api/v1/monitoring/board/people?unitId=${ag.A.id}&date=${DAY}&bucket=late`)).json();
    expect(subtree.total).toBe(board.units[1].late);
  });

  it("pages through a list in a stable order and searches by name", async () => {
    const url = `/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}&bucket=employees`;
    const p1 = (await hr.get(`${url}&pageSize=5&page=1`)).json();
    const p2 = (await hr.get(`${url}&pageSize=5&page=2`)).json();
    const all = (await hr.get(`${url}&pageSize=200`)).json();
    expect(p1).toMatchObject({ page: 1, pageSize: 5, total: all.total });
    expect([...p1.items, ...p2.items]).toEqual(all.items.slice(0, 10));
    const names = all.items.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)));
    const found = (await hr.get(`${url}&q=${encodeURIComponent("subbidang a1")}`)).json();
    expect(found.total).toBe(5);
    expect(found.items.every((p: { unitId: string }) => p.unitId === ag.A1.id)).toBe(true);
  });

  it("gives phone numbers and masked NIPs, the day's check-in and report of each person", async () => {
    const list = (await hr.get(`/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}&bucket=checked_in&pageSize=200`)).json();
    const first = list.items[0];
    const person = ag.staff.find((p) => p.id === first.employeeId);
    const checkin = day.checkins.find((c) => c.employee_id === first.employeeId && c.kind === "in");
    expect(person && checkin).toBeTruthy();
    expect(first.phone).toBe("+62 812 0000 0000");
    expect(first.nipMasked).not.toBe(person?.nip);
    expect(first.nipMasked).toContain("*");
    expect(JSON.stringify(list)).not.toContain(person?.nip ?? "-");
    expect(first).toMatchObject({ unitId: person?.unit.id, mode: checkin?.mode, expectedMode: checkin?.expected_mode, geofence: checkin?.geofence });
    expect(first.minutesLate).toBe(checkin?.minutes_off);
    expect(new Date(first.checkinAt).toISOString()).toBe(checkin?.server_time);
    const absent = (await hr.get(`/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}&bucket=not_checked_in&pageSize=200`)).json();
    expect(
      absent.items.every((p: { checkinAt: unknown; mode: unknown; minutesLate: unknown }) => p.checkinAt === null && p.mode === null && p.minutesLate === null),
    ).toBe(true);
  });

  it("shows who is not cleared only to health officers; everyone else gets counts", async () => {
    const url = `/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}`;
    const refused = await hr.get(`${url}&bucket=health:not_cleared`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect((await leader.get(`/api/v1/monitoring/board/people?date=${DAY}&bucket=health:not_cleared`)).statusCode).toBe(403);
    const hrList = (await hr.get(`${url}&bucket=employees&pageSize=200`)).json();
    expect(hrList.items.every((p: { healthCleared: unknown }) => p.healthCleared === null)).toBe(true);
    const officer = (await health.get(`${url}&bucket=employees&pageSize=200`)).json();
    const cleared = new Map(day.health.map((h) => [h.employee_id, h.cleared === 1]));
    for (const p of officer.items) expect(p.healthCleared).toBe(cleared.get(p.employeeId) ?? null);
    const notCleared = (await health.get(`${url}&bucket=health:not_cleared`)).json();
    expect(notCleared.total).toBe(day.health.filter((h) => h.cleared === 0 && ag.staff.find((s) => s.id === h.employee_id)?.active).length);
  });

  it("applies the office cap of the arrangement policy in force", async () => {
    const now = new Date().toISOString();
    await t.database.db
      .insertInto("arrangement_policies")
      .values({
        id: newId(),
        agency_id: ag.agencyId,
        effective_from: "2026-11-01",
        legal_basis: "SE uji",
        note: null,
        rules: JSON.stringify({
          caps: [
            { unitId: null, pct: 50 },
            { unitId: ag.A.id, date: DAY, pct: 25 },
          ],
        }),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const board = (await hr.get(`/api/v1/monitoring/board?unitId=${ag.root.id}&date=${DAY}`)).json();
    expect(board.totals.office.cap).toBe(Math.floor(board.totals.employees * 0.5));
    expect(board.units[1].office.cap).toBe(Math.floor(board.units[1].employees * 0.25));
    expect(board.units[2].office.cap).toBe(Math.floor(board.units[2].employees * 0.5));
    const otherDay = (await hr.get(`/api/v1/monitoring/board?unitId=${ag.root.id}&date=2026-12-02`)).json();
    expect(otherDay.units[1].office.cap).toBe(Math.floor(otherDay.units[1].employees * 0.5));
  });

  it("refuses bad input with problem+json", async () => {
    const bad = [
      `/api/v1/monitoring/board?date=2026-13-01`,
      `/api/v1/monitoring/board?unitId=not-a-uuid`,
      `/api/v1/monitoring/board/people?bucket=mode:XYZ`,
      `/api/v1/monitoring/board/people?pageSize=1000`,
      `/api/v1/monitoring/board/people?page=0`,
    ];
    for (const url of bad) {
      const res = await hr.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe("validation_failed");
    }
    expect((await hr.get(`/api/v1/monitoring/board?unitId=${newId()}`)).statusCode).toBe(404);
  });

  it("lists the units of the viewer's scope", async () => {
    const scope = (await leader.get("/api/v1/monitoring/scope")).json();
    expect(scope.root).toBe(ag.A.id);
    expect(scope.units.map((u: { id: string }) => u.id)).toEqual([ag.A.id, ag.A1.id]);
    expect(scope.can).toEqual({ healthNames: false, exactLocation: false });
    const hrScope = (await hr.get("/api/v1/monitoring/scope")).json();
    expect(hrScope.units).toHaveLength(4);
    expect(hrScope.can).toEqual({ healthNames: false, exactLocation: true });
    expect((await health.get("/api/v1/monitoring/scope")).json().can).toEqual({ healthNames: true, exactLocation: false });
  });
});
