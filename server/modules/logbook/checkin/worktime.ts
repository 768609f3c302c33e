import type { WorkMode } from "../../../db/schema-logbook.js";
import type { Calendar } from "../calendar/workdays.js";
import type { LogbookSettings } from "../settings.js";

/**
 * Pure working-time rules: the wall clock in a unit's time zone, the hours in
 * effect on a day (Mon–Thu, Friday, Ramadan), and late / early minutes.
 */

export interface ZonedClock {
  /** The local date, YYYY-MM-DD. */
  date: string;
  /** Minutes since local midnight (seconds dropped). */
  minutes: number;
}

/** Indonesia's zones keep fixed offsets (no daylight saving since 1964): hours east of UTC. */
const FIXED_OFFSET_HOURS: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Pontianak": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, f);
  }
  return f;
}

export function zonedClock(instant: Date, timezone: string): ZonedClock {
  const offset = FIXED_OFFSET_HOURS[timezone];
  if (offset !== undefined) {
    // Fast path for the Indonesian zones: shift and read the UTC fields.
    const shifted = new Date(instant.getTime() + offset * 3_600_000);
    return { date: shifted.toISOString().slice(0, 10), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(timezone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The person's "today": the date on the wall clock of their unit's zone. */
export function localDate(instant: Date, timezone: string): string {
  return zonedClock(instant, timezone).date;
}

export function hhmmToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

export interface DayRules {
  date: string;
  workday: boolean;
  dayOff: { kind: "holiday" | "cuti_bersama"; nameId: string; nameEn: string } | null;
  weekend: boolean;
  ramadan: boolean;
  friday: boolean;
  /** Hours in effect; null on a day off. */
  hours: { start: string; end: string } | null;
}

/** What a calendar day means for working time. */
export function dayRules(date: string, calendar: Calendar, settings: Pick<LogbookSettings, "hours" | "ramadanHours">): DayRules {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const workday = calendar.isWorkday(date);
  const ramadan = calendar.isRamadan(date);
  const friday = weekday === 5;
  const table = ramadan ? settings.ramadanHours : settings.hours;
  return {
    date,
    workday,
    dayOff: calendar.dayOff(date) ?? null,
    weekend: weekday === 0 || weekday === 6,
    ramadan,
    friday,
    hours: workday ? (friday ? table.fri : table.monThu) : null,
  };
}

/** Modes in which the person is not expected at work: no lateness is counted. */
const ABSENT_MODES: readonly WorkMode[] = ["CUTI", "SAKIT"];

/**
 * Minutes late (check-in) or early (check-out) against the day's hours, on
 * the wall clock of the unit's zone. A check-in within the grace minutes is on
 * time; past the grace, lateness counts from the start time. Null when nothing
 * is expected (day off, leave, sick).
 */
export function minutesOff(input: {
  kind: "in" | "out";
  mode: WorkMode;
  instant: Date;
  timezone: string;
  rules: DayRules;
  graceMinutes: number;
}): number | null {
  const { rules } = input;
  if (!rules.hours || ABSENT_MODES.includes(input.mode)) return null;
  const clock = zonedClock(input.instant, input.timezone);
  if (clock.date !== rules.date) return null;
  if (input.kind === "in") {
    const late = clock.minutes - hhmmToMinutes(rules.hours.start);
    return late > input.graceMinutes ? late : 0;
  }
  return Math.max(0, hhmmToMinutes(rules.hours.end) - clock.minutes);
}

/** A device clock further than this from the server's is flagged (the device time is still kept). */
export const DEVICE_SKEW_LIMIT_MS = 24 * 60 * 60_000;

export function deviceTimeSkewed(deviceTime: string | null, serverTime: string): boolean {
  if (!deviceTime) return false;
  return Math.abs(new Date(deviceTime).getTime() - new Date(serverTime).getTime()) > DEVICE_SKEW_LIMIT_MS;
}
