import type { Unit } from "../../../db/schema.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { loadCalendar } from "../../logbook/calendar/workdays.js";
import { todayIn } from "../../org/hierarchy.js";
import { subtreeDaily } from "../rollup/read.js";
import { zeroCounts } from "../rollup/sql.js";
import { monitoringScope, resolveUnit } from "../scope.js";
import { daysBetween, parseWeek } from "../trends/periods.js";
import type { Download } from "./files.js";
import { renderWeeklyPdf } from "./pdf.js";
import type { WeeklyQuery } from "./schema.js";
import { langOf } from "./strings.js";
import { weeklyXlsx } from "./xlsx.js";

export interface WeeklyDay {
  date: string;
  employees: number;
  modes: { WFO: number; WFH: number; DL: number; CUTI: number; SAKIT: number };
  noCheckin: number;
  health: { filled: number; cleared: number; notCleared: number };
  reports: { submitted: number; approved: number; returned: number };
}

export interface WeeklyReport {
  week: string;
  from: string;
  to: string;
  unit: { id: string; name: string; timezone: string };
  generatedAt: string;
  /** Workdays of the week only. */
  days: WeeklyDay[];
  totals: Omit<WeeklyDay, "date">;
}

/** The aggregate of a unit subtree for an ISO week, per workday: staff per mode, health checks, reports. */
export async function buildWeeklyReport(db: Db, unit: Unit, week: string, now: Date): Promise<WeeklyReport> {
  const { from, to } = parseWeek(week);
  const today = todayIn(unit.timezone, now);
  const [calendar, { daily }] = await Promise.all([loadCalendar(db, from, to), subtreeDaily(db, unit, from, to, today)]);
  const days = daysBetween(from, to)
    .filter((d) => calendar.isWorkday(d))
    .map((date): WeeklyDay => {
      const c = daily.get(date) ?? zeroCounts();
      return {
        date,
        employees: c.employees,
        modes: { WFO: c.wfo, WFH: c.wfh, DL: c.dl, CUTI: c.cuti, SAKIT: c.sakit },
        noCheckin: Math.max(0, c.employees - c.checked_in),
        health: { filled: c.health_filled, cleared: c.health_filled - c.health_not_cleared, notCleared: c.health_not_cleared },
        reports: { submitted: c.reports_submitted, approved: c.reports_approved, returned: c.reports_returned },
      };
    });
  const totals: Omit<WeeklyDay, "date"> = {
    employees: days.length ? Math.max(...days.map((d) => d.employees)) : 0,
    modes: { WFO: 0, WFH: 0, DL: 0, CUTI: 0, SAKIT: 0 },
    noCheckin: 0,
    health: { filled: 0, cleared: 0, notCleared: 0 },
    reports: { submitted: 0, approved: 0, returned: 0 },
  };
  for (const d of days) {
    for (const m of ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const) totals.modes[m] += d.modes[m];
    totals.noCheckin += d.noCheckin;
    totals.health.filled += d.health.filled;
    totals.health.cleared += d.health.cleared;
    totals.health.notCleared += d.health.notCleared;
    totals.reports.submitted += d.reports.submitted;
    totals.reports.approved += d.reports.approved;
    totals.reports.returned += d.reports.returned;
  }
  return { week, from, to, unit: { id: unit.id, name: unit.name, timezone: unit.timezone }, generatedAt: now.toISOString(), days, totals };
}

export async function weeklyFile(report: WeeklyReport, format: "pdf" | "xlsx", locale: string): Promise<Download> {
  const lang = langOf(locale);
  const base = `laporan-mingguan-${report.week}`;
  if (format === "xlsx")
    return { body: await weeklyXlsx(report, lang), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `${base}.xlsx` };
  return { body: await renderWeeklyPdf(report, lang), contentType: "application/pdf", filename: `${base}.pdf` };
}

export async function getWeeklyReport(ctx: Ctx, q: WeeklyQuery): Promise<Download> {
  parseWeek(q.week);
  const scope = await monitoringScope(ctx);
  const unit = await resolveUnit(ctx, scope, q.unitId);
  return weeklyFile(await buildWeeklyReport(ctx.db, unit, q.week, ctx.now()), q.format, ctx.actor.locale);
}
