import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import { addDays } from "../calendar/workdays.js";
import { loadSelf, loadSubject, type Subject } from "../subject.js";
import { reportPolicy } from "./policies.js";
import { byReport, presentEvent, presentReport } from "./presenter.js";
import * as repo from "./repository.js";

/** The longest range one list or export answers. */
export const MAX_RANGE_DAYS = 92;

/** from..to, defaulting to the last 31 days up to the subject's today; at most MAX_RANGE_DAYS days. */
export function resolveRange(today: string, q: { from?: string; to?: string }): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -30);
  if (from > to) throw invalid([{ path: "from", message: "must not be after to" }]);
  if (from < addDays(to, -(MAX_RANGE_DAYS - 1))) throw invalid([{ path: "from", message: `the range spans at most ${MAX_RANGE_DAYS} days` }]);
  return { from, to };
}

async function listOf(ctx: Ctx, subject: Subject, q: { from?: string; to?: string }) {
  authorize(reportPolicy.read(ctx.actor, subject.target), "You may not see this employee's reports");
  const range = resolveRange(subject.today, q);
  const reports = await repo.reportsInRange(ctx.db, subject.employee.id, range.from, range.to);
  const activities = byReport(
    await repo.activitiesOf(
      ctx.db,
      reports.map((r) => r.id),
    ),
  );
  const now = ctx.now();
  return { ...range, items: reports.map((r) => presentReport(r, activities.get(r.id) ?? [], now)) };
}

export async function listMyReports(ctx: Ctx, q: { from?: string; to?: string }) {
  return listOf(ctx, await loadSelf(ctx), q);
}

export async function listEmployeeReports(ctx: Ctx, employeeId: string, q: { from?: string; to?: string }) {
  return listOf(ctx, await loadSubject(ctx, employeeId), q);
}

/** The own report of a date; 404 when nothing was saved for it yet. */
export async function getMyReport(ctx: Ctx, date: string) {
  const self = await loadSelf(ctx);
  const report = await repo.findReport(ctx.db, self.employee.id, date);
  if (!report) throw notFound("Report");
  return presentReport(report, await repo.activitiesOf(ctx.db, [report.id]), ctx.now());
}

/** One report with its history (each step with the activities as they were). */
export async function getReport(ctx: Ctx, id: string) {
  const report = await repo.getReport(ctx.db, id);
  if (!report) throw notFound("Report");
  const subject = await loadSubject(ctx, report.employee_id);
  authorize(reportPolicy.read(ctx.actor, subject.target), "You may not see this employee's reports");
  const [activities, events, unit] = await Promise.all([
    repo.activitiesOf(ctx.db, [report.id]),
    repo.eventsOf(ctx.db, report.id),
    getUnit(ctx.db, report.unit_id),
  ]);
  return {
    ...presentReport(report, activities, ctx.now()),
    employee: { id: subject.employee.id, name: subject.employee.name, unitName: unit?.name ?? subject.unit.name },
    history: events.map(presentEvent),
  };
}
