import type { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import { scopeOf } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid } from "../../../platform/errors.js";
import { loadCalendar } from "../../logbook/calendar/workdays.js";
import { loadSelf, loadSubject, type Subject } from "../../logbook/subject.js";
import { directReportIds, loadSnapshot, todayIn } from "../../org/hierarchy.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { getAgency, getUnit } from "../../org/repository.js";
import type { Lang, RosterCell } from "../engine/index.js";
import { arrangementPolicy, ROSTER_READERS } from "../policies.js";
import { isMonday, mondayOf, workweek } from "../week.js";
import { langOf } from "./load.js";
import { presentCell } from "./presenter.js";
import { unpackCells } from "./records.js";
import type { ScheduleOut, ScheduleQuery, WeekOut } from "./schema.js";
import { logSensitiveRows, seesSensitive } from "./sensitive.js";
import * as view from "./view-repository.js";

/** The cells of a published row, with the names and dates the stored form leaves out. */
function cellsOf(row: { cells: string; dates: unknown; settings: unknown; unit_name: string }): RosterCell[] {
  return unpackCells(row.cells, fromJson<string[]>(row.dates), row.unit_name, fromJson<{ ageThreshold: number } | null>(row.settings)?.ageThreshold ?? 0);
}

function weekOf(asked: string | undefined, today: string): string {
  if (asked && !isMonday(asked)) throw invalid([{ path: "querystring.week", message: "the week is given by its Monday" }]);
  return asked ?? mondayOf(today);
}

/** One person's published week (Monday to Friday, days off named), as the viewer may see its reasons. */
async function weekFor(ctx: Ctx, s: Subject, q: { week?: string; lang?: Lang }): Promise<z.infer<typeof WeekOut>> {
  const week = weekOf(q.week, s.today);
  const days = workweek(week);
  const [row, calendar] = await Promise.all([view.publishedRowOf(ctx.db, week, s.employee.id), loadCalendar(ctx.db, days[0], days[4])]);
  const cells = new Map((row ? cellsOf(row) : []).map((c) => [c.date, c]));
  const shown = seesSensitive(ctx, s.employee.agency_id, s.employee.id, s.employee.unit_path);
  if (row) {
    await logSensitiveRows(ctx, s.employee.agency_id, [{ employeeId: s.employee.id, factors: fromJson<string[]>(row.factors), shown }], `roster week ${week}`);
  }
  const lang = langOf(ctx, q.lang);
  return {
    employeeId: s.employee.id,
    name: s.employee.name,
    week,
    rosterId: row?.roster_id ?? null,
    publishedAt: row?.published_at ?? null,
    days: days.map((date) => {
      const off = calendar.dayOff(date);
      const cell = cells.get(date);
      return {
        date,
        workday: calendar.isWorkday(date),
        dayOff: off ? { nameId: off.nameId, nameEn: off.nameEn } : null,
        cell: cell ? presentCell(cell, lang, shown) : null,
      };
    }),
  };
}

/** My week as published (my calendar), with every reason. */
export async function myWeek(ctx: Ctx, q: { week?: string; lang?: Lang }) {
  return weekFor(ctx, await loadSelf(ctx), q);
}

/** Someone's published week: the person, their supervisor, HR admins and leaders in scope. */
export async function employeeWeek(ctx: Ctx, employeeId: string, q: { week?: string; lang?: Lang }) {
  const s = await loadSubject(ctx, employeeId);
  authorize(arrangementPolicy.viewWeek(ctx.actor, s.target));
  return weekFor(ctx, s, q);
}

/**
 * The published week of the people the viewer oversees: a supervisor's
 * direct reports (acting officials included), and for HR admins and leaders
 * everyone in their scope. Paged, ordered by unit and name.
 */
export async function teamSchedule(ctx: Ctx, q: z.infer<typeof ScheduleQuery>): Promise<z.infer<typeof ScheduleOut>> {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  const agency = await getAgency(ctx.db, agencyId);
  const today = todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now());
  const week = weekOf(q.week, today);
  const reports =
    ctx.actor.employeeId && ctx.actor.agencyId === agencyId
      ? await directReportIds(ctx.db, await loadSnapshot(ctx.db, agencyId, today), ctx.actor.employeeId)
      : [];
  const scope = scopeOf(ctx.actor, ROSTER_READERS);
  const overseer = scope.agencyIds.includes(agencyId) || scope.unitPaths.some((u) => u.agencyId === agencyId);
  authorize(overseer || reports.length > 0, "Only supervisors, leaders and HR admins see a team's week");
  let unitPath: string | null = null;
  if (q.unitId) {
    const u = await getUnit(ctx.db, q.unitId);
    if (!u || u.agency_id !== agencyId) throw invalid([{ path: "querystring.unitId", message: "unknown unit" }]);
    unitPath = u.path;
  }
  const { people, total } = await view.teamPage(ctx.db, { agencyId, scope, reports, unitPath, page: q.page, pageSize: q.pageSize });
  const latest = await view.publishedRowsOf(
    ctx.db,
    week,
    people.map((p) => p.id),
  );
  const lang = langOf(ctx, q.lang);
  const shown = new Map(people.map((p) => [p.id, seesSensitive(ctx, agencyId, p.id, p.unit_path)]));
  await logSensitiveRows(
    ctx,
    agencyId,
    [...latest.values()].map((p) => ({ employeeId: p.employee_id, factors: fromJson<string[]>(p.factors), shown: shown.get(p.employee_id) === true })),
    `roster week ${week}`,
  );
  return {
    week,
    dates: workweek(week),
    items: people.map((p) => {
      const row = latest.get(p.id);
      const cells = row ? cellsOf(row) : [];
      return {
        employeeId: p.id,
        name: p.name,
        unit: { id: p.unit_id, name: p.unit_name },
        rosterId: row?.roster_id ?? null,
        cells: cells.map((c) => presentCell(c, lang, shown.get(p.id) === true)),
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
