import { describe, expect, it } from "vitest";
import { buildDay, type DayRows, emptyDayRows } from "../../bench/scale/day.js";
import { daySpecs, workdaysBefore } from "../../bench/scale/days.js";
import { IdSource } from "../../bench/scale/ids.js";
import { buildOrg } from "../../bench/scale/org.js";
import { makeCalendar, weekday } from "../modules/logbook/calendar/workdays.js";
import { decodeNip } from "../modules/org/nip.js";
import { Rng } from "./random.js";

const NOW = new Date("2026-12-04T09:00:00Z");
const TODAY = "2026-12-04";
const HOLIDAY = "2026-11-25";
const cal = makeCalendar([{ date: HOLIDAY, kind: "holiday", nameId: "Libur uji", nameEn: "Test holiday" }], []);

function generate(seed: string, employees = 1500, days = 10) {
  const rng = new Rng(seed);
  const ids = new IdSource(new Rng(`${seed}-ids`), NOW.getTime());
  const org = buildOrg(rng, ids, { employees, agencyCode: "UJI", passwordHash: "!unset", year: "2026", now: NOW.toISOString() });
  const specs = daySpecs(cal, { today: TODAY, days, withToday: true });
  const byDay = new Map<string, DayRows>();
  for (const day of specs) {
    const rows = emptyDayRows();
    for (const p of org.people) buildDay({ rng, ids, now: NOW, formId: org.healthForm.id as string }, day, p, rows);
    byDay.set(day.date, rows);
  }
  return { org, specs, byDay };
}

describe("scale generator row builders", () => {
  const { org, specs, byDay } = generate("uji");
  const past = [...byDay.entries()].filter(([d]) => d !== TODAY).map(([, r]) => r);
  const ins = past.flatMap((r) => r.checkins.filter((c) => c.kind === "in"));

  it("builds exactly the requested headcount with valid, unique NIPs and one consistent unit tree", () => {
    expect(org.employees).toHaveLength(1500);
    expect(new Set(org.employees.map((e) => e.nip)).size).toBe(1500);
    for (const e of org.employees) {
      const nip = decodeNip(e.nip, NOW);
      expect(nip.ok, e.nip).toBe(true);
      if (nip.ok) {
        expect(nip.value.birthDate).toBe(e.birth_date);
        expect(nip.value.gender).toBe(e.gender);
      }
    }
    const byId = new Map(org.units.map((u) => [u.id, u]));
    expect(org.units.filter((u) => u.parent_id === null)).toHaveLength(1);
    for (const u of org.units) if (u.parent_id) expect(u.path).toBe(`${byId.get(u.parent_id)?.path}${u.id}/`);
    expect(new Set(org.units.map((u) => u.timezone))).toEqual(new Set(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]));
    const heads = org.positions.filter((p) => p.is_head === 1);
    expect(heads).toHaveLength(org.units.length);
    expect(org.grants.map((g) => g.role).sort()).toEqual(["hr_admin", "leader"]);
  });

  it("plans only workdays: no weekends, no holidays, today last", () => {
    expect(specs.map((s) => s.date)).toEqual([...workdaysBefore(cal, TODAY, 10), TODAY]);
    for (const s of specs) {
      expect([0, 6]).not.toContain(weekday(s.date));
      expect(s.date).not.toBe(HOLIDAY);
    }
    for (const rows of byDay.values()) {
      for (const c of rows.checkins) expect([0, 6]).not.toContain(weekday(c.work_date));
    }
  });

  it("mixes the work modes, lateness, health and report states realistically", () => {
    const share = (pred: (c: (typeof ins)[number]) => boolean) => ins.filter(pred).length / ins.length;
    expect(share((c) => c.mode === "WFO")).toBeGreaterThan(0.6);
    expect(share((c) => c.mode === "WFO")).toBeLessThan(0.8);
    for (const m of ["WFH", "DL", "CUTI", "SAKIT"] as const) expect(share((c) => c.mode === m)).toBeGreaterThan(0.01);
    const working = ins.filter((c) => ["WFO", "WFH", "DL"].includes(c.mode));
    const late = working.filter((c) => (c.minutes_off ?? 0) > 0).length / working.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.12);
    for (const c of ins) if (c.mode === "CUTI" || c.mode === "SAKIT") expect(c.minutes_off).toBeNull();
    const office = ins.filter((c) => c.mode === "WFO");
    expect(office.filter((c) => c.geofence === "office").length / office.length).toBeGreaterThan(0.85);
    const health = past.flatMap((r) => r.health);
    const notCleared = health.filter((h) => h.cleared === 0).length / health.length;
    expect(notCleared).toBeGreaterThan(0.01);
    expect(notCleared).toBeLessThan(0.08);
    const reports = past.flatMap((r) => r.reports);
    expect(new Set(reports.map((r) => r.status))).toEqual(new Set(["draft", "submitted", "returned", "approved"]));
    for (const r of reports) {
      expect(r.submitted_at === null).toBe(r.status === "draft");
      expect(r.reviewed_at !== null).toBe(r.status === "approved" || r.status === "returned");
      if (r.reviewed_at && r.submitted_at) expect(r.reviewed_at > r.submitted_at).toBe(true);
    }
  });

  it("links every activity to a report of the day and a target of the report's employee", () => {
    const targetsOf = new Map<string, Set<string>>();
    for (const t of org.targets) targetsOf.set(t.employee_id, (targetsOf.get(t.employee_id) ?? new Set()).add(t.id as string));
    for (const rows of byDay.values()) {
      const reports = new Map(rows.reports.map((r) => [r.id, r]));
      for (const a of rows.activities) {
        const report = reports.get(a.report_id);
        expect(report).toBeDefined();
        if (report && a.rhk_id) expect(targetsOf.get(report.employee_id)?.has(a.rhk_id)).toBe(true);
      }
      const perReport = new Map<string, number>();
      for (const a of rows.activities) perReport.set(a.report_id, (perReport.get(a.report_id) ?? 0) + 1);
      for (const n of perReport.values()) expect(n).toBeGreaterThanOrEqual(1);
      for (const n of perReport.values()) expect(n).toBeLessThanOrEqual(3);
    }
  });

  it("keeps today under way: about 60 % checked in, nothing after now, no reports yet", () => {
    const today = byDay.get(TODAY) ?? emptyDayRows();
    const checkedIn = today.checkins.filter((c) => c.kind === "in").length / org.people.length;
    expect(checkedIn).toBeGreaterThan(0.5);
    expect(checkedIn).toBeLessThan(0.7);
    expect(today.reports).toHaveLength(0);
    for (const c of today.checkins) expect(c.server_time <= NOW.toISOString()).toBe(true);
  });

  it("gives the same agency for the same seed, another for another seed", () => {
    const again = generate("uji", 300, 3);
    const same = generate("uji", 300, 3);
    const other = generate("lain", 300, 3);
    expect(same.org.employees.map((e) => e.nip)).toEqual(again.org.employees.map((e) => e.nip));
    expect([...same.byDay.values()].map((r) => r.checkins.length)).toEqual([...again.byDay.values()].map((r) => r.checkins.length));
    expect(other.org.employees.map((e) => e.nip)).not.toEqual(again.org.employees.map((e) => e.nip));
  });
});
