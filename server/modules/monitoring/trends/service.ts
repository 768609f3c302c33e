import type { Unit } from "../../../db/schema.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { versionsOn } from "../../arrangement/policy/in-force.js";
import type { Rules } from "../../arrangement/policy/schema.js";
import { addDays, loadCalendar } from "../../logbook/calendar/workdays.js";
import { todayIn } from "../../org/hierarchy.js";
import { DELAY_COLUMNS, histogramMedian } from "../rollup/histogram.js";
import { backlogBefore, subtreeDaily, subtreePerUnit } from "../rollup/read.js";
import { addCounts, type Counter, type Counts, zeroCounts } from "../rollup/sql.js";
import { monitoringScope, resolveUnit } from "../scope.js";
import { checkRange, daysBetween, type Granularity, periodOf } from "./periods.js";
import * as repo from "./repository.js";
import type { RhkOut, RhkQuery, TrendsOut, TrendsQuery } from "./schema.js";

export interface TrendsRange {
  from: string;
  to: string;
  granularity: Granularity;
}

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/** The office-presence cap of the unit from the arrangement policy in force (a unit rule, else the agency rule, else the default). */
export function officeCapOf(rules: Rules, unit: Pick<Unit, "id">): number | null {
  const rule = rules.caps.find((c) => c.unitId === unit.id && c.date === null) ?? rules.caps.find((c) => c.unitId === null && c.date === null);
  const pctValue = rule ? (rule.pct ?? rules.riskLevels.find((l) => l.level === rule.level)?.pct) : rules.defaultCapPct;
  return pctValue === undefined || pctValue >= 100 ? null : pctValue / 100;
}

/** The range of a request: defaults to the 30 days up to the unit's today; 400 when reversed or too long. */
export function trendsRange(q: Pick<TrendsQuery, "from" | "to" | "granularity">, today: string): TrendsRange {
  const to = q.to ?? (q.from && addDays(q.from, 29) < today ? addDays(q.from, 29) : today);
  const from = q.from ?? addDays(to, -29);
  checkRange(from, to);
  return { from, to, granularity: q.granularity };
}

export async function getTrends(ctx: Ctx, q: TrendsQuery): Promise<TrendsOut> {
  const scope = await monitoringScope(ctx);
  const unit = await resolveUnit(ctx, scope, q.unitId);
  const today = todayIn(unit.timezone, ctx.now());
  return buildTrends(ctx.db, unit, trendsRange(q, today), today);
}

/**
 * Trends of a unit subtree. Compliance counts only workdays up to today:
 * checkinCompliance = check-ins / (headcount × workdays), reportCompliance =
 * reports submitted or approved / the same, officeShare = WFO check-ins / the
 * same. The backlog is the review queue at the end of the period's last day.
 */
export async function buildTrends(db: Db, unit: Unit, range: TrendsRange, today: string): Promise<TrendsOut> {
  const { from, to, granularity } = range;
  const [calendar, { daily, rawDays, raw }, baseBacklog, units] = await Promise.all([
    loadCalendar(db, from, to),
    subtreeDaily(db, unit, from, to, today),
    backlogBefore(db, unit, from),
    repo.subtreeUnits(db, unit),
  ]);
  const days = daysBetween(from, to);
  const workdays = days.filter((d) => d <= today && calendar.isWorkday(d));

  interface Acc {
    sum: Counts;
    workdays: number;
    employees: number;
    backlog: number;
    last: string;
  }
  const periods = new Map<string, Acc>();
  let backlog = baseBacklog;
  for (const d of days) {
    if (d > today) break;
    const c = daily.get(d) ?? zeroCounts();
    backlog += c.review_in - c.review_out;
    const key = periodOf(d, granularity);
    const acc = periods.get(key) ?? { sum: zeroCounts(), workdays: 0, employees: 0, backlog: 0, last: d };
    acc.backlog = backlog;
    acc.last = d;
    if (calendar.isWorkday(d)) {
      addCounts(acc.sum, c);
      acc.workdays++;
      acc.employees = c.employees;
    }
    periods.set(key, acc);
  }
  const versions = await versionsOn(
    db,
    unit.agency_id,
    [...periods.values()].map((p) => p.last),
  );

  const series = [...periods.entries()]
    .filter(([, p]) => p.workdays > 0)
    .map(([period, p]) => {
      const rules = versions.get(p.last)?.rules;
      return {
        period,
        workdays: p.workdays,
        employees: p.employees,
        checkinCompliance: share(p.sum.checked_in, p.sum.employees),
        reportCompliance: share(p.sum.reports_submitted, p.sum.employees),
        officeShare: share(p.sum.wfo, p.sum.employees),
        officeCap: rules ? officeCapOf(rules, unit) : null,
        healthNotCleared: p.sum.health_not_cleared,
        reviewBacklog: Math.max(0, p.backlog),
        medianReviewHours: histogramMedian(DELAY_COLUMNS.map((c) => p.sum[c as Counter])),
      };
    });

  const perUnit = await subtreePerUnit(db, unit, workdays, rawDays, raw);
  const rows = units.filter((u) => u.id === unit.id || u.parent_id === unit.id);
  const folded = new Map(rows.map((u) => [u.id, zeroCounts()]));
  for (const u of units) {
    const c = perUnit.get(u.id);
    if (!c) continue;
    const childId = u.id === unit.id ? unit.id : u.path.slice(unit.path.length).split("/")[0];
    const into = folded.get(childId);
    if (into) addCounts(into, c);
  }
  return {
    from,
    to,
    granularity,
    unit: { id: unit.id, name: unit.name },
    series,
    units: rows.map((u) => {
      const c = folded.get(u.id) ?? zeroCounts();
      return {
        id: u.id,
        name: u.name,
        depth: u.depth,
        checkinCompliance: share(c.checked_in, c.employees),
        reportCompliance: share(c.reports_submitted, c.employees),
        officeShare: share(c.wfo, c.employees),
      };
    }),
  };
}

/**
 * Activities and time per RHK of a subtree over a range (same defaults as the
 * trends). Apart from the trends: it reads every report activity of the range,
 * which for a whole large agency takes far longer than the compliance series.
 */
export async function getRhkActivity(ctx: Ctx, q: RhkQuery): Promise<RhkOut> {
  const scope = await monitoringScope(ctx);
  const unit = await resolveUnit(ctx, scope, q.unitId);
  const { from, to } = trendsRange({ ...q, granularity: "day" }, todayIn(unit.timezone, ctx.now()));
  return { from, to, unit: { id: unit.id, name: unit.name }, rhk: await repo.rhkActivity(ctx.db, unit, from, to) };
}

/** The trends and the RHK activity of the same unit and range, for a file (the unit resolved once). */
export async function getTrendsWithRhk(ctx: Ctx, q: TrendsQuery): Promise<{ trends: TrendsOut; rhk: RhkOut["rhk"] }> {
  const scope = await monitoringScope(ctx);
  const unit = await resolveUnit(ctx, scope, q.unitId);
  const today = todayIn(unit.timezone, ctx.now());
  const range = trendsRange(q, today);
  const [trends, rhk] = await Promise.all([buildTrends(ctx.db, unit, range, today), repo.rhkActivity(ctx.db, unit, range.from, range.to)]);
  return { trends, rhk };
}
