import type { Granularity } from "../types";

const pad = (n: number) => String(n).padStart(2, "0");

/** A local calendar date as YYYY-MM-DD. */
export const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function daysAgo(days: number, from = new Date()): string {
  const d = new Date(from);
  d.setDate(d.getDate() - days);
  return isoDay(d);
}

/** The ISO week of a date, e.g. "2026-W49". */
export function isoWeek(date = new Date()): string {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

/** A period key of the trends answer as a short label: "3 Des", "Mg 49" / "Wk 49", "Des 2026". */
export function periodLabel(period: string, granularity: Granularity, locale: string, weekWord: string): string {
  const week = period.match(/^\d{4}-W(\d{2})$/);
  if (week) return `${weekWord} ${Number(week[1])}`;
  if (/^\d{4}-\d{2}$/.test(period) || granularity === "month") {
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${period.slice(0, 7)}-01T00:00:00Z`));
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(period)) {
    const label = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${period.slice(0, 10)}T00:00:00Z`));
    return granularity === "week" ? `${weekWord} ${label}` : label;
  }
  return period;
}

/** A share 0..1 as a whole percentage, null kept. */
export const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
