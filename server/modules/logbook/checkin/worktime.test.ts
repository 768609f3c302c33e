import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendar2026 } from "../calendar/data/2026.js";
import { makeCalendar, zonedInstant } from "../calendar/workdays.js";
import { DEFAULT_LOGBOOK_SETTINGS } from "../settings.js";
import { dayRules, deviceTimeSkewed, localDate, minutesOff, zonedClock } from "./worktime.js";

const calendar = makeCalendar(
  calendar2026.days.map((d) => ({ date: d.date, kind: d.kind, nameId: d.nameId, nameEn: d.nameEn })),
  calendar2026.periods.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn })),
);
const rules = (date: string) => dayRules(date, calendar, DEFAULT_LOGBOOK_SETTINGS);
const at = (date: string, hhmm: string, tz = "Asia/Jakarta") => zonedInstant(date, hhmm, tz);
const off = (kind: "in" | "out", date: string, hhmm: string, o: { tz?: string; grace?: number; mode?: "WFO" | "CUTI" | "SAKIT" } = {}) =>
  minutesOff({
    kind,
    mode: o.mode ?? "WFO",
    instant: at(date, hhmm, o.tz),
    timezone: o.tz ?? "Asia/Jakarta",
    rules: rules(date),
    graceMinutes: o.grace ?? 0,
  });

describe("the person's today in their zone", () => {
  it("puts 23:30 WIB on the next day for a WIT (and WITA) employee", () => {
    const instant = at("2026-03-02", "23:30", "Asia/Jakarta");
    expect(instant.toISOString()).toBe("2026-03-02T16:30:00.000Z");
    expect(zonedClock(instant, "Asia/Jakarta")).toEqual({ date: "2026-03-02", minutes: 23 * 60 + 30 });
    expect(zonedClock(instant, "Asia/Makassar")).toEqual({ date: "2026-03-03", minutes: 30 });
    expect(zonedClock(instant, "Asia/Jayapura")).toEqual({ date: "2026-03-03", minutes: 90 });
  });

  it("agrees with the time-zone database at every instant (property)", () => {
    const zones = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "Europe/Amsterdam"];
    const reference = (instant: Date, timeZone: string) => {
      const f = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }), fc.constantFrom(...zones), (ms, tz) => {
        const instant = new Date(ms);
        expect(zonedClock(instant, tz)).toEqual(reference(instant, tz));
        expect(localDate(instant, tz)).toBe(reference(instant, tz).date);
      }),
    );
  });
});

describe("hours in effect", () => {
  it("uses Mon–Thu and Friday hours outside Ramadan", () => {
    expect(rules("2026-04-13")).toMatchObject({ workday: true, ramadan: false, friday: false, hours: { start: "07:30", end: "16:00" } });
    expect(rules("2026-04-10")).toMatchObject({ workday: true, friday: true, hours: { start: "07:30", end: "16:30" } });
  });

  it("uses Ramadan hours inside the Ramadan period", () => {
    expect(rules("2026-03-02")).toMatchObject({ ramadan: true, hours: { start: "08:00", end: "15:00" } });
    expect(rules("2026-03-06")).toMatchObject({ ramadan: true, friday: true, hours: { start: "08:00", end: "15:30" } });
    expect(rules("2026-02-18").ramadan).toBe(false);
    expect(rules("2026-02-19").ramadan).toBe(true);
  });

  it("has no hours on holidays, cuti bersama and weekends", () => {
    expect(rules("2026-05-14")).toMatchObject({ workday: false, hours: null, dayOff: { kind: "holiday", nameId: "Kenaikan Yesus Kristus" } });
    expect(rules("2026-03-23")).toMatchObject({ workday: false, dayOff: { kind: "cuti_bersama" } });
    expect(rules("2026-04-11")).toMatchObject({ workday: false, weekend: true, dayOff: null, hours: null });
  });
});

describe("late and early minutes", () => {
  it("counts lateness from the start once past the grace minutes", () => {
    expect(off("in", "2026-04-13", "07:25")).toBe(0);
    expect(off("in", "2026-04-13", "07:30")).toBe(0);
    expect(off("in", "2026-04-13", "07:45")).toBe(15);
    expect(off("in", "2026-04-13", "07:45", { grace: 15 })).toBe(0);
    expect(off("in", "2026-04-13", "07:46", { grace: 15 })).toBe(16);
  });

  it("counts early check-out minutes, Friday and Ramadan included", () => {
    expect(off("out", "2026-04-13", "15:30")).toBe(30);
    expect(off("out", "2026-04-13", "16:05")).toBe(0);
    expect(off("out", "2026-04-10", "16:00")).toBe(30);
    expect(off("in", "2026-03-02", "08:10")).toBe(10);
    expect(off("out", "2026-03-06", "15:00")).toBe(30);
  });

  it("reads the clock in the unit's zone", () => {
    expect(off("in", "2026-04-13", "07:40", { tz: "Asia/Jayapura" })).toBe(10);
    // 07:40 WIT is 05:40 WIB: on time for a WIT unit, but the instant is what it is.
    expect(
      minutesOff({
        kind: "in",
        mode: "WFO",
        instant: at("2026-04-13", "07:40", "Asia/Jakarta"),
        timezone: "Asia/Jayapura",
        rules: rules("2026-04-13"),
        graceMinutes: 0,
      }),
    ).toBe(130);
  });

  it("expects nothing on days off, on leave or when sick", () => {
    expect(off("in", "2026-05-14", "10:00")).toBeNull();
    expect(off("in", "2026-04-11", "10:00")).toBeNull();
    expect(off("in", "2026-04-13", "10:00", { mode: "CUTI" })).toBeNull();
    expect(off("out", "2026-04-13", "10:00", { mode: "SAKIT" })).toBeNull();
  });

  it("never goes negative and grows with the clock (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 120 }), (a, b, grace) => {
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const [early, late] = a <= b ? [a, b] : [b, a];
        const inEarly = off("in", "2026-04-14", hhmm(early), { grace }) ?? -1;
        const inLate = off("in", "2026-04-14", hhmm(late), { grace }) ?? -1;
        expect(inEarly).toBeGreaterThanOrEqual(0);
        expect(inLate).toBeGreaterThanOrEqual(inEarly);
        const outEarly = off("out", "2026-04-14", hhmm(early)) ?? -1;
        const outLate = off("out", "2026-04-14", hhmm(late)) ?? -1;
        expect(outLate).toBeGreaterThanOrEqual(0);
        expect(outEarly).toBeGreaterThanOrEqual(outLate);
      }),
    );
  });
});

describe("device clock", () => {
  it("flags a device time more than 24 h from the server's", () => {
    const server = "2026-04-13T01:00:00.000Z";
    expect(deviceTimeSkewed("2026-04-12T01:30:00.000Z", server)).toBe(false);
    expect(deviceTimeSkewed("2026-04-12T00:59:00.000Z", server)).toBe(true);
    expect(deviceTimeSkewed("2026-04-14T01:01:00.000Z", server)).toBe(true);
    expect(deviceTimeSkewed(null, server)).toBe(false);
  });
});
