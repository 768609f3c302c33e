import { fromJson } from "../../../db/dialect.js";
import type { WorkMode } from "../../../db/schema-logbook.js";
import { logAccess } from "../../../platform/access-log.js";
import type { Ctx } from "../../../platform/context.js";
import { forbidden } from "../../../platform/errors.js";
import { publishedModesOf } from "../../arrangement/roster/repository.js";
import { decodeMode, mondayOf } from "../../arrangement/week.js";
import { addDays, loadCalendar } from "../../logbook/calendar/workdays.js";
import { logbookPolicy } from "../../logbook/policies.js";
import { loadSubject, type Subject } from "../../logbook/subject.js";
import { canSeeHealthNames, monitoringScope } from "../scope.js";
import { checkRange, daysBetween } from "../trends/periods.js";
import * as repo from "./repository.js";
import type { CalendarOut, CalendarQuery } from "./schema.js";

/** The employee themself, their supervisor, HR/leader/health officers over them, or a unit head whose subtree holds them. */
async function authorizeView(ctx: Ctx, subject: Subject): Promise<void> {
  if (logbookPolicy.viewDay(ctx.actor, subject.target)) return;
  const scope = await monitoringScope(ctx);
  if (scope.agencyId === subject.employee.agency_id && scope.roots.some((r) => subject.unit.path.startsWith(r.path))) return;
  throw forbidden("This employee is outside your monitoring scope");
}

/** Published roster modes per date for the weeks of the range (one query per week). */
async function rosterModes(ctx: Ctx, employeeId: string, from: string, to: string): Promise<Map<string, WorkMode>> {
  const mondays: string[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) mondays.push(m);
  const rows = await Promise.all(mondays.map((m) => publishedModesOf(ctx.db, employeeId, m)));
  const out = new Map<string, WorkMode>();
  for (const row of rows) {
    if (!row) continue;
    fromJson<string[]>(row.dates).forEach((date, i) => {
      const mode = decodeMode(row.modes.charAt(i));
      if (mode) out.set(date, mode);
    });
  }
  return out;
}

/**
 * The heatmap of one employee: per day the check-in, its mode against the
 * rostered one, lateness, report status and (for the employee and health
 * officers over them) whether the health check cleared; plus the SKP targets
 * of the period (the year of `to`) with the activities reported against them.
 */
export async function employeeCalendar(ctx: Ctx, employeeId: string, q: CalendarQuery): Promise<CalendarOut> {
  const subject = await loadSubject(ctx, employeeId);
  await authorizeView(ctx, subject);
  const today = subject.today;
  const to =
    q.to ??
    (q.from ? addDays(q.from, 34) : `${today.slice(0, 7)}-${String(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).getUTCDate())}`);
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  checkRange(from, to);
  const period = to.slice(0, 4);
  const isSelf = ctx.actor.employeeId === employeeId;
  const showHealth = isSelf || canSeeHealthNames(ctx, subject.unit);

  const [calendar, checkins, reports, health, roster, targets] = await Promise.all([
    loadCalendar(ctx.db, from, to),
    repo.checkinsOf(ctx.db, employeeId, from, to),
    repo.reportsOf(ctx.db, employeeId, from, to),
    showHealth ? repo.healthOf(ctx.db, employeeId, from, to) : Promise.resolve([]),
    rosterModes(ctx, employeeId, from, to),
    repo.targetsWithProgress(ctx.db, employeeId, period),
  ]);
  const checkinOn = new Map(checkins.filter((c) => c.kind === "in").map((c) => [c.work_date, c]));
  const reportOn = new Map(reports.map((r) => [r.work_date, r.status]));
  const healthOn = new Map(health.map((h) => [h.work_date, h.cleared === 1]));
  if (showHealth && !isSelf && health.length > 0) {
    await logAccess(ctx.db, ctx, { category: "health", agencyId: subject.employee.agency_id, subjectEmployeeIds: [employeeId], detail: "monitoring calendar" });
  }

  return {
    employee: { id: subject.employee.id, name: subject.employee.name, unitId: subject.unit.id, unitName: subject.unit.name },
    from,
    to,
    period,
    days: daysBetween(from, to).map((date) => {
      const c = checkinOn.get(date);
      const minutesLate = c ? Math.max(0, c.minutes_off ?? 0) : null;
      return {
        date,
        workday: calendar.isWorkday(date),
        mode: c?.mode ?? null,
        expectedMode: c?.expected_mode ?? roster.get(date) ?? null,
        checkinAt: c?.server_time ?? null,
        minutesLate,
        onTime: minutesLate === null ? null : minutesLate === 0,
        reportStatus: reportOn.get(date) ?? null,
        healthCleared: showHealth ? (healthOn.get(date) ?? null) : null,
      };
    }),
    targets: targets.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      indicators: fromJson<{ name: string; target?: number | null; unit?: string | null }[]>(t.indicators) ?? [],
      activities: t.activities,
      minutes: t.minutes,
    })),
  };
}
