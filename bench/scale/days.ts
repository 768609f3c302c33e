import { addDays, type Calendar, loadCalendar } from "../../server/modules/logbook/calendar/workdays.js";
import { dayRules } from "../../server/modules/logbook/checkin/worktime.js";
import { CALENDAR_LOOKAHEAD_DAYS, deadlineAt } from "../../server/modules/logbook/reports/deadline.js";
import { DEFAULT_LOGBOOK_SETTINGS } from "../../server/modules/logbook/settings.js";
import type { Db } from "../../server/platform/context.js";
import type { DaySpec } from "./day.js";

/** The `count` workdays before `today`, oldest first (weekends, holidays and cuti bersama skipped). */
export function workdaysBefore(cal: Calendar, today: string, count: number): string[] {
  const out: string[] = [];
  for (let d = addDays(today, -1); out.length < count; d = addDays(d, -1)) if (cal.isWorkday(d)) out.push(d);
  return out.reverse();
}

export interface DayPlanOptions {
  today: string;
  /** Full workdays before today. */
  days: number;
  /** Add today as a day under way (when it is a workday). */
  withToday: boolean;
  checkedInShare?: number;
}

/** The days to generate, oldest first, with their hours and report deadlines, from the working calendar in the database. */
export async function planDays(db: Db, opts: DayPlanOptions): Promise<DaySpec[]> {
  const cal = await loadCalendar(db, addDays(opts.today, -(opts.days * 2 + 60)), addDays(opts.today, CALENDAR_LOOKAHEAD_DAYS));
  return daySpecs(cal, opts);
}

/** The same from a calendar at hand. */
export function daySpecs(cal: Calendar, opts: DayPlanOptions): DaySpec[] {
  const dates = workdaysBefore(cal, opts.today, opts.days);
  if (opts.withToday && cal.isWorkday(opts.today)) dates.push(opts.today);
  const rule = { workdays: DEFAULT_LOGBOOK_SETTINGS.reportDeadlineWorkdays, time: DEFAULT_LOGBOOK_SETTINGS.reportDeadlineTime };
  const todayIncluded = dates[dates.length - 1] === opts.today;
  return dates.map((date, i) => {
    const hours = dayRules(date, cal, DEFAULT_LOGBOOK_SETTINGS).hours ?? DEFAULT_LOGBOOK_SETTINGS.hours.monThu;
    const deadlines = new Map<string, string>();
    return {
      date,
      hours,
      age: dates.length - 1 - i + (todayIncluded ? 0 : 1),
      partial: date === opts.today,
      checkedInShare: opts.checkedInShare ?? 0.6,
      deadlineAt: (tz: string) => {
        let at = deadlines.get(tz);
        if (!at) {
          at = deadlineAt(cal, date, rule, tz).toISOString();
          deadlines.set(tz, at);
        }
        return at;
      },
    };
  });
}
