import { logAccess } from "../../../platform/access-log.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { addDays, loadCalendar } from "../calendar/workdays.js";
import { getLogbookSettings } from "../settings.js";
import { loadSubject } from "../subject.js";
import { expectedModeFor } from "./expected-mode.js";
import { checkinPolicy } from "./policies.js";
import { holdsCoordinates, presentCheckin } from "./presenter.js";
import * as repo from "./repository.js";
import { loadCheckinSelf } from "./submit.js";
import { dayRules } from "./worktime.js";

/** Longest range of days one listing returns. */
export const MAX_RANGE_DAYS = 93;

/** The signed-in person's day: whether it is a workday, the hours in effect, and today's check-in / check-out. */
export async function getToday(ctx: Ctx) {
  const me = await loadCheckinSelf(ctx);
  authorize(checkinPolicy.checkIn(ctx.actor, me.target));
  const [settings, calendar, day, expected] = await Promise.all([
    getLogbookSettings(ctx.db, me.agency_id),
    loadCalendar(ctx.db, me.today, me.today),
    repo.dayCheckins(ctx.db, me.id, me.today),
    expectedModeFor({ id: me.id, agencyId: me.agency_id, unitId: me.unit_id }, me.today, ctx.db),
  ]);
  const rules = dayRules(me.today, calendar, settings);
  return {
    date: me.today,
    timezone: me.timezone,
    workday: rules.workday,
    weekend: rules.weekend,
    dayOff: rules.dayOff,
    ramadan: rules.ramadan,
    hours: rules.hours,
    lateGraceMinutes: settings.lateGraceMinutes,
    accuracyThresholdM: settings.accuracyThresholdM,
    expectedMode: expected,
    mode: day.in?.mode ?? null,
    checkin: day.in ? presentCheckin(day.in, { showCoordinates: true }) : null,
    checkout: day.out ? presentCheckin(day.out, { showCoordinates: true }) : null,
  };
}

function spanDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/**
 * Someone's check-ins over a range of days (default: the last 31), as the
 * viewer may see them. HR reading another person's exact positions is logged.
 */
export async function listEmployeeCheckins(ctx: Ctx, employeeId: string, q: { from?: string; to?: string }) {
  const subject = await loadSubject(ctx, employeeId);
  authorize(checkinPolicy.viewCheckins(ctx.actor, subject.target));
  const to = q.to ?? subject.today;
  const from = q.from ?? addDays(to, -30);
  const span = spanDays(from, to);
  if (span < 1) throw invalid([{ path: "querystring.from", message: "must not be after `to`" }]);
  if (span > MAX_RANGE_DAYS) throw invalid([{ path: "querystring.from", message: `at most ${MAX_RANGE_DAYS} days at once` }]);
  const rows = await repo.listCheckins(ctx.db, employeeId, from, to);
  const showCoordinates = checkinPolicy.viewCoordinates(ctx.actor, subject.target);
  if (showCoordinates && employeeId !== ctx.actor.employeeId && rows.some(holdsCoordinates)) {
    await logAccess(ctx.db, ctx, {
      category: "location",
      agencyId: subject.employee.agency_id,
      subjectEmployeeIds: [employeeId],
      detail: `check-in positions ${from}..${to}`,
    });
  }
  return { employeeId, from, to, items: rows.map((r) => presentCheckin(r, { showCoordinates })) };
}
