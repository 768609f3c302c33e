import { sql } from "kysely";
import type { Db } from "../../../platform/context.js";

/**
 * The working calendar for a date range: weekends, national holidays and
 * cuti bersama are days off; Ramadan periods change the working hours.
 */
export interface Calendar {
  isWorkday(date: string): boolean;
  /** The holiday / cuti bersama names of a day off, if any. */
  dayOff(date: string): { kind: "holiday" | "cuti_bersama"; nameId: string; nameEn: string } | undefined;
  isRamadan(date: string): boolean;
  /** The n-th workday after `date` (n = 0: `date` itself if a workday, else the next one). */
  addWorkdays(date: string, n: number): string;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export async function loadCalendar(db: Db, from: string, to: string): Promise<Calendar> {
  const [days, periods] = await Promise.all([
    db.selectFrom("calendar_days").select(["date", "kind", "name_id", "name_en"]).where("date", ">=", from).where("date", "<=", addDays(to, 30)).execute(),
    db.selectFrom("calendar_periods").select(["kind", "starts_on", "ends_on"]).where("ends_on", ">=", from).where("starts_on", "<=", to).execute(),
  ]);
  return makeCalendar(
    days.map((d) => ({ date: d.date, kind: d.kind, nameId: d.name_id, nameEn: d.name_en })),
    periods.filter((p) => p.kind === "ramadan").map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on })),
  );
}

export function makeCalendar(
  days: { date: string; kind: "holiday" | "cuti_bersama"; nameId: string; nameEn: string }[],
  ramadan: { startsOn: string; endsOn: string }[],
): Calendar {
  const off = new Map(days.map((d) => [d.date, { kind: d.kind, nameId: d.nameId, nameEn: d.nameEn }]));
  const cal: Calendar = {
    isWorkday: (date) => {
      const wd = weekday(date);
      return wd !== 0 && wd !== 6 && !off.has(date);
    },
    dayOff: (date) => off.get(date),
    isRamadan: (date) => ramadan.some((r) => date >= r.startsOn && date <= r.endsOn),
    addWorkdays: (date, n) => {
      let d = date;
      while (!cal.isWorkday(d)) d = addDays(d, 1);
      for (let i = 0; i < n; i++) {
        d = addDays(d, 1);
        while (!cal.isWorkday(d)) d = addDays(d, 1);
      }
      return d;
    },
  };
  return cal;
}

/** The instant a local wall-clock time in a time zone happens (Indonesia has no DST). */
export function zonedInstant(date: string, hhmm: string, timezone: string): Date {
  const offsets: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Pontianak": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };
  const offset = offsets[timezone] ?? 7;
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - offset, m));
}

/**
 * The calendar facts of one day in a single query: whether it is a holiday or
 * cuti bersama, and whether it falls in Ramadan. The Calendar it returns is
 * valid for that date only (what a check-in needs); use loadCalendar for ranges.
 */
export async function loadCalendarDay(db: Db, date: string): Promise<Calendar> {
  const rows = await db
    .selectFrom("calendar_days")
    .select((eb) => [sql<string>`'day'`.as("source"), eb.ref("kind").$castTo<string>().as("kind"), "name_id", "name_en"])
    .where("date", "=", date)
    .unionAll(
      db
        .selectFrom("calendar_periods")
        .select((eb) => [sql<string>`'period'`.as("source"), eb.ref("kind").$castTo<string>().as("kind"), "name_id", "name_en"])
        .where("starts_on", "<=", date)
        .where("ends_on", ">=", date),
    )
    .execute();
  const days = rows
    .filter((r) => r.source === "day" && (r.kind === "holiday" || r.kind === "cuti_bersama"))
    .map((r) => ({ date, kind: r.kind as "holiday" | "cuti_bersama", nameId: r.name_id, nameEn: r.name_en }));
  const ramadan = rows.some((r) => r.source === "period" && r.kind === "ramadan") ? [{ startsOn: date, endsOn: date }] : [];
  return makeCalendar(days, ramadan);
}
