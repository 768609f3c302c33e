import { fromJson } from "../../../db/dialect.js";
import { logAccess } from "../../../platform/access-log.js";
import { type Scope, scopeOf } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { directReportIds, loadSnapshot, todayIn } from "../../org/hierarchy.js";
import { agencyOf, authorize, orgPolicy } from "../../org/policies.js";
import { getAgency, getUnit } from "../../org/repository.js";
import type { Answers } from "./answers.js";
import { HEALTH_CASE_ROLES, HEALTH_COUNT_ROLES, healthPolicy } from "./policies.js";
import * as repo from "./repository.js";
import type { Reason } from "./rule.js";

/**
 * The unit path prefixes of a scope inside one agency, narrowed to a unit's
 * subtree when one is asked for ("/" stands for the whole agency).
 */
export function scopePrefixes(scope: Scope, agencyId: string, unitPath: string | null): string[] {
  const own = scope.agencyIds.includes(agencyId) ? ["/"] : scope.unitPaths.filter((u) => u.agencyId === agencyId).map((u) => u.path);
  if (unitPath === null) return own;
  const out = new Set<string>();
  for (const p of own) {
    if (unitPath.startsWith(p)) out.add(unitPath);
    else if (p.startsWith(unitPath)) out.add(p);
  }
  return [...out];
}

/**
 * The health picture of a day. Who sees what:
 * - health officers: the not-cleared people of their scope with reasons and
 *   answers (each listed person's read goes to the access log);
 * - HR admins, leaders and health officers: counts over their scope, no names;
 * - supervisors: their direct reports by name with the day's status only
 *   (cleared / not cleared / missing), as they already see it per day.
 * Anyone with none of these over the asked unit gets 403 (no empty counts
 * that would read as "nobody there").
 */
export async function healthCases(ctx: Ctx, q: { date?: string; unitId?: string; agencyId?: string }) {
  let agencyId: string;
  let unitPath: string | null = null;
  let timezone: string;
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit || !orgPolicy.viewStructure(ctx.actor, unit.agency_id)) throw notFound("Unit");
    agencyId = unit.agency_id;
    unitPath = unit.path;
    timezone = unit.timezone;
  } else {
    agencyId = agencyOf(ctx.actor, q.agencyId);
    timezone = (await getAgency(ctx.db, agencyId))?.timezone ?? "Asia/Jakarta";
  }
  const date = q.date ?? todayIn(timezone, ctx.now());

  const reportIds =
    ctx.actor.employeeId && ctx.actor.agencyId === agencyId
      ? await directReportIds(ctx.db, await loadSnapshot(ctx.db, agencyId, date), ctx.actor.employeeId)
      : [];
  const reports = (await repo.employeesByIds(ctx.db, reportIds)).filter((p) => unitPath === null || p.unit_path.startsWith(unitPath));
  const countPrefixes = healthPolicy.viewCounts(ctx.actor) ? scopePrefixes(scopeOf(ctx.actor, HEALTH_COUNT_ROLES), agencyId, unitPath) : [];
  const casePrefixes = healthPolicy.viewCases(ctx.actor) ? scopePrefixes(scopeOf(ctx.actor, HEALTH_CASE_ROLES), agencyId, unitPath) : [];
  authorize(
    countPrefixes.length > 0 || reports.length > 0,
    "Only health officers, HR admins and leaders in scope, and supervisors of their reports, see the health picture",
  );

  const counts = countPrefixes.length ? await countsOver(ctx, { agencyId, prefixes: countPrefixes }, date) : null;
  const { cases, truncated } = casePrefixes.length ? await casesOver(ctx, { agencyId, prefixes: casePrefixes }, date) : { cases: null, truncated: false };
  const status = new Map(
    (
      await repo.checksOfEmployeesOn(
        ctx.db,
        reports.map((p) => p.id),
        date,
      )
    ).map((c) => [c.employee_id, c.cleared === 1]),
  );
  const directReports = reports.map((p) => {
    const cleared = status.get(p.id);
    return {
      employee: { id: p.id, name: p.name, unitName: p.unit_name },
      status: cleared === undefined ? ("missing" as const) : cleared ? ("cleared" as const) : ("not_cleared" as const),
    };
  });

  return { date, unitId: q.unitId ?? null, counts, cases, truncated, directReports };
}

/** The not-cleared people with answers; every listed person other than the viewer gets an access-log row. */
async function casesOver(ctx: Ctx, where: repo.Subtrees, date: string) {
  const rows = await repo.notClearedOn(ctx.db, where, date);
  const shown = rows.slice(0, repo.CASES_LIMIT);
  const others = shown.filter((r) => r.employee_id !== ctx.actor.employeeId && r.answers !== null).map((r) => r.employee_id);
  await logAccess(ctx.db, ctx, { category: "health", agencyId: where.agencyId, subjectEmployeeIds: others, detail: `not-cleared cases ${date}` });
  const cases = shown.map((r) => ({
    employee: { id: r.employee_id, name: r.employee_name, unitName: r.unit_name },
    cleared: false as const,
    reasons: fromJson<Reason[]>(r.reasons),
    formVersion: r.form_version,
    answers: r.answers === null ? null : fromJson<Answers>(r.answers),
    submittedAt: r.updated_at,
  }));
  return { cases, truncated: rows.length > repo.CASES_LIMIT };
}

async function countsOver(ctx: Ctx, where: repo.Subtrees, date: string) {
  const [employees, checks] = await Promise.all([repo.activeEmployeeCount(ctx.db, where), repo.checkCountsOn(ctx.db, where, date)]);
  return {
    employees,
    submitted: checks.submitted,
    cleared: checks.cleared,
    notCleared: checks.submitted - checks.cleared,
    notSubmitted: Math.max(0, employees - checks.submitted),
  };
}
