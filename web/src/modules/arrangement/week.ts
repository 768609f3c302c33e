/** Dates as "YYYY-MM-DD" in UTC arithmetic, so no local time zone shifts a day. */
const DAY = 86_400_000;

export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
}

/** The Monday on or before a date. */
export function mondayOf(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((weekday + 6) % 7));
}

export function thisMonday(): string {
  const now = new Date();
  return mondayOf(toIso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));
}

/** "Sen, 2 Mar" in the given Intl locale. */
export function shortDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
