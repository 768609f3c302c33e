import { type Expression, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../db/dialect.js";
import type { Unit } from "../../db/schema.js";
import { hasRoleOver } from "../../platform/actor.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { todayIn } from "../org/hierarchy.js";

/**
 * What a viewer may monitor: unit subtrees from their hr_admin, leader and
 * health_officer grants, plus the subtrees of the units they head on the date
 * (head position, or an active Plt/Plh assignment).
 */
export interface MonitoringScope {
  agencyId: string;
  /** Subtree roots, widest first, none inside another. */
  roots: Unit[];
}

const GRANT_ROLES = ["hr_admin", "leader", "health_officer"] as const;

export async function monitoringScope(ctx: Ctx, date?: string): Promise<MonitoringScope> {
  const a = ctx.actor;
  const agencyId = a.agencyId ?? a.grants.find((g) => GRANT_ROLES.includes(g.role as (typeof GRANT_ROLES)[number]))?.agencyId ?? null;
  if (!agencyId) return { agencyId: "", roots: [] };
  const rootIds = new Set<string>();
  let agencyWide = false;
  for (const g of a.grants) {
    if (g.agencyId !== agencyId || !GRANT_ROLES.includes(g.role as (typeof GRANT_ROLES)[number])) continue;
    if (g.unitId === null) agencyWide = true;
    else rootIds.add(g.unitId);
  }
  if (a.employeeId) {
    const day = date ?? (await actorToday(ctx));
    const headed = await ctx.db
      .selectFrom("employees")
      .innerJoin("positions", "positions.id", "employees.position_id")
      .select("positions.unit_id")
      .where("employees.id", "=", a.employeeId)
      .where("employees.status", "=", "active")
      .where("positions.is_head", "=", 1)
      .union(
        ctx.db
          .selectFrom("acting_assignments")
          .select("unit_id")
          .where("employee_id", "=", a.employeeId)
          .where("starts_on", "<=", day)
          .where("ends_on", ">=", day),
      )
      .execute();
    for (const h of headed) rootIds.add(h.unit_id);
  }
  let candidates: Unit[];
  if (agencyWide) {
    candidates = await ctx.db.selectFrom("units").selectAll().where("agency_id", "=", agencyId).where("parent_id", "is", null).execute();
  } else if (rootIds.size > 0) {
    candidates = await ctx.db
      .selectFrom("units")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("id", "in", [...rootIds])
      .execute();
  } else {
    candidates = [];
  }
  candidates.sort((x, y) => x.depth - y.depth);
  const roots: Unit[] = [];
  for (const u of candidates) if (!roots.some((r) => u.path.startsWith(r.path))) roots.push(u);
  return { agencyId, roots };
}

/** Today in the time zone of the viewer's unit (Jakarta when they have none). */
export async function actorToday(ctx: Ctx): Promise<string> {
  const unitId = ctx.actor.unitId;
  const unit = unitId ? await ctx.db.selectFrom("units").select("timezone").where("id", "=", unitId).executeTakeFirst() : undefined;
  return todayIn(unit?.timezone ?? "Asia/Jakarta", ctx.now());
}

/** The unit to show: the requested one if inside the scope (403 outside, 404 unknown or another agency's), else the widest root. */
export async function resolveUnit(ctx: Ctx, scope: MonitoringScope, unitId?: string): Promise<Unit> {
  if (!unitId) {
    if (scope.roots.length === 0) throw new AppError("forbidden", "Nothing to monitor in your scope");
    return scope.roots[0];
  }
  const unit = await ctx.db.selectFrom("units").selectAll().where("id", "=", unitId).executeTakeFirst();
  if (!unit || unit.agency_id !== scope.agencyId) throw notFound("Unit");
  if (!scope.roots.some((r) => unit.path.startsWith(r.path))) throw new AppError("forbidden", "This unit is outside your monitoring scope");
  return unit;
}

/** SQL condition: `units.path` (or the given column) inside the unit's subtree. */
export function inSubtree(unit: Pick<Unit, "path">, column = "units.path"): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${likeEscape(unit.path)}%`}`;
}

/** Health officers in scope of the unit may see who is not cleared; everyone else only counts. */
export function canSeeHealthNames(ctx: Ctx, unit: Unit): boolean {
  return hasRoleOver(ctx.actor, ["health_officer"], { agencyId: unit.agency_id, unitPath: unit.path });
}

/** Exact positions: HR in scope (as logbookPolicy.viewCoordinates); every read is logged. */
export function canSeeExactLocation(ctx: Ctx, unit: Unit): boolean {
  return hasRoleOver(ctx.actor, ["hr_admin"], { agencyId: unit.agency_id, unitPath: unit.path });
}
