import type { Db } from "../../../platform/context.js";
import { addDays, type Calendar, loadCalendar, zonedInstant } from "../calendar/workdays.js";
import { getLogbookSettings } from "../settings.js";

export interface DeadlineRule {
  /** The deadline is on the Nth workday after the report's day (0: the day itself). */
  workdays: number;
  /** Local wall-clock time, "HH:MM"; the whole minute counts (23:59 means until 23:59:59.999). */
  time: string;
}

/** The date of the deadline: the Nth workday after the work date. A day off counts from the next workday. */
export function deadlineDate(cal: Calendar, workDate: string, workdays: number): string {
  if (cal.isWorkday(workDate)) return cal.addWorkdays(workDate, workdays);
  return workdays === 0 ? workDate : cal.addWorkdays(workDate, workdays - 1);
}

/** The instant of the deadline of a report for `workDate` in the unit's time zone. */
export function deadlineAt(cal: Calendar, workDate: string, rule: DeadlineRule, timezone: string): Date {
  const end = zonedInstant(deadlineDate(cal, workDate, rule.workdays), rule.time, timezone);
  return new Date(end.getTime() + 59_999);
}

/** Enough calendar after a date to find a deadline ten workdays later across the longest holiday runs. */
export const CALENDAR_LOOKAHEAD_DAYS = 21;

/** The deadline of a report, with the agency's rule and the working calendar from the database. */
export async function reportDeadline(db: Db, agencyId: string, workDate: string, timezone: string): Promise<string> {
  const settings = await getLogbookSettings(db, agencyId);
  const cal = await loadCalendar(db, workDate, addDays(workDate, CALENDAR_LOOKAHEAD_DAYS));
  return deadlineAt(cal, workDate, { workdays: settings.reportDeadlineWorkdays, time: settings.reportDeadlineTime }, timezone).toISOString();
}
