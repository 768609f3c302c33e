import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.js";
import { notify } from "../../../platform/notifications.js";
import { todayIn } from "../../org/hierarchy.js";
import { addDays, loadCalendar, zonedInstant } from "../calendar/workdays.js";
import { getLogbookSettings } from "../settings.js";
import { type DeadlineRule, deadlineAt } from "./deadline.js";
import * as repo from "./reminders-repository.js";

/** How far back a missing report can still have its deadline today (ten workdays across long holidays). */
const LOOKBACK_DAYS = 21;

export interface ReminderOptions {
  /** Remind when the deadline is at most this many hours away (or passed earlier today). Default 6. */
  withinHours?: number;
}

/**
 * Sends one in-app reminder per employee and work date whose report is not
 * submitted and whose deadline falls between the start of the employee's
 * today (in their unit's zone) and `withinHours` from now. Days off expect no
 * report; leave and sick days (by check-in mode) are skipped. Safe to run as
 * often as wanted: a date is never reminded twice.
 */
export async function sendReportReminders(db: Kysely<DB>, now: Date, opts: ReminderOptions = {}): Promise<{ sent: number }> {
  const horizon = now.getTime() + (opts.withinHours ?? 6) * 3_600_000;
  let sent = 0;
  for (const { id } of await repo.agencyIds(db)) sent += await remindAgency(db, id, now, horizon);
  return { sent };
}

/** The work dates whose deadline, for a unit in `timezone`, falls between the start of today and the horizon. */
export function datesDue(cal: Parameters<typeof deadlineAt>[0], rule: DeadlineRule, timezone: string, now: Date, horizon: number) {
  const today = todayIn(timezone, now);
  const startOfToday = zonedInstant(today, "00:00", timezone).getTime();
  const due: { date: string; deadlineAt: string }[] = [];
  for (let back = 0; back <= LOOKBACK_DAYS; back++) {
    const date = addDays(today, -back);
    if (!cal.isWorkday(date)) continue;
    const deadline = deadlineAt(cal, date, rule, timezone);
    if (deadline.getTime() >= startOfToday && deadline.getTime() <= horizon) due.push({ date, deadlineAt: deadline.toISOString() });
  }
  return due;
}

async function remindAgency(db: Kysely<DB>, agencyId: string, now: Date, horizon: number): Promise<number> {
  const people = await repo.employeesToRemind(db, agencyId);
  if (people.length === 0) return 0;
  const settings = await getLogbookSettings(db, agencyId);
  const rule = { workdays: settings.reportDeadlineWorkdays, time: settings.reportDeadlineTime };
  const utcToday = now.toISOString().slice(0, 10);
  const cal = await loadCalendar(db, addDays(utcToday, -LOOKBACK_DAYS - 1), addDays(utcToday, 1));
  const byZone = new Map<string, { date: string; deadlineAt: string }[]>();
  for (const tz of new Set(people.map((p) => p.timezone))) byZone.set(tz, datesDue(cal, rule, tz, now, horizon));
  const dates = [...new Set([...byZone.values()].flat().map((d) => d.date))];
  if (dates.length === 0) return 0;

  const settled = await repo.settledDays(
    db,
    people.map((p) => p.employee_id),
    dates,
  );
  const due = people.flatMap((p) =>
    (byZone.get(p.timezone) ?? []).filter((d) => !settled.has(`${p.employee_id}|${d.date}`)).map((d) => ({ userId: p.user_id, ...d })),
  );
  const deadlineOf = new Map(due.map((d) => [`${d.userId}|${d.date}`, d.deadlineAt]));
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let sent = 0;
    for (let i = 0; i < due.length; i += 500) {
      const won = await repo.claimReminders(trx, due.slice(i, i + 500), at);
      const groups = new Map<string, { date: string; deadlineAt: string; userIds: string[] }>();
      for (const c of won) {
        const deadline = deadlineOf.get(`${c.userId}|${c.date}`) ?? "";
        const group = groups.get(`${c.date}|${deadline}`) ?? { date: c.date, deadlineAt: deadline, userIds: [] };
        group.userIds.push(c.userId);
        groups.set(`${c.date}|${deadline}`, group);
      }
      for (const g of groups.values()) {
        await notify(trx, {
          userIds: g.userIds,
          agencyId,
          kind: "report.reminder",
          params: { date: g.date, deadlineAt: g.deadlineAt },
          link: `/logbook/reports/${g.date}`,
          now: at,
        });
      }
      sent += won.length;
    }
    return sent;
  });
}
