import { invalid } from "../../../platform/errors.js";
import { addDays, weekday } from "../../logbook/calendar/workdays.js";

export type Granularity = "day" | "week" | "month";

/** Longest range a trend, calendar or export may span. */
export const MAX_SPAN_DAYS = 366;

/** ISO-8601 week of a date, e.g. "2026-W49". */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const week = Math.floor((Date.parse(thursday) - Date.parse(jan1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday and Sunday of an ISO week string; undefined when the week does not exist. */
export function weekRange(week: string): { from: string; to: string } | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 53) return undefined;
  const jan4 = `${year}-01-04`;
  const monday1 = addDays(jan4, -((weekday(jan4) + 6) % 7));
  const from = addDays(monday1, (n - 1) * 7);
  if (isoWeek(from) !== week) return undefined;
  return { from, to: addDays(from, 6) };
}

export function periodOf(date: string, g: Granularity): string {
  if (g === "day") return date;
  if (g === "week") return isoWeek(date);
  return date.slice(0, 7);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 400 with a field error when the range is reversed or too long. */
export function checkRange(from: string, to: string): void {
  if (from > to) throw invalid([{ path: "to", message: "must not be before from" }], "The range ends before it starts");
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (span > MAX_SPAN_DAYS) throw invalid([{ path: "to", message: `at most ${MAX_SPAN_DAYS} days` }], `A range may span at most ${MAX_SPAN_DAYS} days`);
}

/** The week string or a 400. */
export function parseWeek(week: string): { from: string; to: string } {
  const r = weekRange(week);
  if (!r) throw invalid([{ path: "week", message: "not an ISO week such as 2026-W49" }], "Unknown week");
  return r;
}
