import type { Unit } from "../../../db/schema.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError } from "../../../platform/errors.js";
import { capPeople } from "../../arrangement/engine/index.js";
import { rulesOn } from "../../arrangement/policy/in-force.js";
import type { Rules } from "../../arrangement/policy/schema.js";
import { todayIn } from "../../org/hierarchy.js";
import { canSeeExactLocation, canSeeHealthNames, monitoringScope, resolveUnit } from "../scope.js";
import { presentCounts, presentPerson } from "./presenter.js";
import * as repo from "./repository.js";
import type { BoardOut, BoardQuery, Counts, PeopleQuery, PersonOut } from "./schema.js";

export interface Target {
  unit: Unit;
  date: string;
}

/** The unit (inside the viewer's scope) and the date (default: the unit's today) a monitoring view shows. */
export async function resolveTarget(ctx: Ctx, q: { unitId?: string; date?: string }): Promise<Target> {
  const scope = await monitoringScope(ctx, q.date);
  const unit = await resolveUnit(ctx, scope, q.unitId);
  return { unit, date: q.date ?? todayIn(unit.timezone, ctx.now()) };
}

/** The units the viewer may monitor and what else they may see. */
export async function getScope(ctx: Ctx) {
  const scope = await monitoringScope(ctx);
  if (scope.roots.length === 0) throw new AppError("forbidden", "Nothing to monitor in your scope");
  const units = await repo.unitsUnder(ctx.db, scope.agencyId, scope.roots);
  const root = scope.roots[0];
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, path: u.path, depth: u.depth })),
    root: root.id,
    can: { healthNames: canSeeHealthNames(ctx, root), exactLocation: canSeeExactLocation(ctx, root) },
  };
}

/**
 * The office cap (in people) of a unit subtree on a date: the closest cap rule
 * of the unit or its ancestors (a dated rule beats an every-day one), else the
 * agency-wide rule, else the policy's default; null when nothing limits it.
 */
export function officeCap(rules: Rules, unitPath: string, date: string, headcount: number): number | null {
  const chain: (string | null)[] = unitPath.split("/").filter(Boolean).reverse();
  chain.push(null);
  const levels = new Map(rules.riskLevels.map((l) => [l.level, l.pct]));
  for (const id of chain) {
    const hits = rules.caps.filter((c) => c.unitId === id && (c.date === date || c.date === null));
    const rule = hits.find((c) => c.date === date) ?? hits[0];
    if (!rule) continue;
    const pct = rule.pct ?? (rule.level !== undefined ? levels.get(rule.level) : undefined);
    if (pct !== undefined) return capPeople(pct, headcount);
  }
  return rules.defaultCapPct < 100 ? capPeople(rules.defaultCapPct, headcount) : null;
}

function addCounts(a: Counts, b: Counts): Counts {
  const sum = <T extends Record<string, number>>(x: T, y: T): T => Object.fromEntries(Object.keys(x).map((k) => [k, x[k] + y[k]])) as T;
  return {
    employees: a.employees + b.employees,
    checkedIn: a.checkedIn + b.checkedIn,
    notCheckedIn: a.notCheckedIn + b.notCheckedIn,
    late: a.late + b.late,
    checkedOut: a.checkedOut + b.checkedOut,
    modes: sum(a.modes, b.modes),
    roster: sum(a.roster, b.roster),
    health: sum(a.health, b.health),
    reports: sum(a.reports, b.reports),
    office: { present: a.office.present + b.office.present, cap: null },
  };
}

/** The today board of a unit subtree: its own staff and each direct child subtree, from the raw tables. */
export async function getBoard(ctx: Ctx, q: BoardQuery): Promise<BoardOut> {
  const { unit, date } = await resolveTarget(ctx, q);
  return boardOf(ctx, unit, date);
}

export async function boardOf(ctx: Ctx, unit: Unit, date: string): Promise<BoardOut> {
  const day = { agencyId: unit.agency_id, path: unit.path, date };
  const [groups, children, rules] = await Promise.all([repo.boardGroups(ctx.db, day), repo.childUnits(ctx.db, unit.id), rulesOn(ctx.db, unit.agency_id, date)]);
  const byChild = new Map(groups.map((g) => [g.child, g]));
  const rowOf = (u: Pick<Unit, "id" | "name" | "depth">, key: string, path: string) => {
    const counts = presentCounts(byChild.get(key));
    counts.office.cap = officeCap(rules, path, date, counts.employees);
    return { id: u.id, name: u.name, depth: u.depth, ...counts };
  };
  const units = [rowOf(unit, "", unit.path), ...children.map((c) => rowOf(c, c.id, `${unit.path}${c.id}/`))];
  let totals = presentCounts(undefined);
  for (const row of units) totals = addCounts(totals, row);
  totals.office.cap = officeCap(rules, unit.path, date, totals.employees);
  return { date, unit: { id: unit.id, name: unit.name }, timezone: unit.timezone, generatedAt: ctx.now().toISOString(), totals, units };
}

function assertBucketAllowed(ctx: Ctx, unit: Unit, bucket: PeopleQuery["bucket"]): boolean {
  const healthNames = canSeeHealthNames(ctx, unit);
  if (bucket === "health:not_cleared" && !healthNames) {
    throw new AppError("forbidden", "Only health officers in scope may see who is not cleared");
  }
  return healthNames;
}

/** The people behind one number of the board, a page at a time. */
export async function listPeople(ctx: Ctx, q: PeopleQuery): Promise<{ items: PersonOut[]; total: number; page: number; pageSize: number }> {
  const { unit, date } = await resolveTarget(ctx, q);
  const healthNames = assertBucketAllowed(ctx, unit, q.bucket);
  const filter = { agencyId: unit.agency_id, path: unit.path, date, bucket: q.bucket, q: q.q };
  const [rows, total] = await Promise.all([
    repo.people(ctx.db, ctx.engine, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.countPeople(ctx.db, ctx.engine, filter),
  ]);
  return { items: rows.map((r) => presentPerson(r, { healthNames })), total, page: q.page, pageSize: q.pageSize };
}

/** At most this many rows in a direct download; larger lists go through an export job. */
export const MAX_DOWNLOAD_ROWS = 5000;

/** All people of a bucket for a download (refused above MAX_DOWNLOAD_ROWS). */
export async function peopleForDownload(ctx: Ctx, q: Omit<PeopleQuery, "page" | "pageSize">) {
  const { unit, date } = await resolveTarget(ctx, q);
  const healthNames = assertBucketAllowed(ctx, unit, q.bucket);
  const filter = { agencyId: unit.agency_id, path: unit.path, date, bucket: q.bucket, q: q.q };
  const rows = await repo.people(ctx.db, ctx.engine, filter, { limit: MAX_DOWNLOAD_ROWS + 1, offset: 0 });
  if (rows.length > MAX_DOWNLOAD_ROWS) {
    throw new AppError(
      "payload_too_large",
      `More than ${MAX_DOWNLOAD_ROWS} people: start an export job with POST /api/v1/monitoring/exports { kind: "people" } instead`,
      { extra: { limit: MAX_DOWNLOAD_ROWS, exportEndpoint: "/api/v1/monitoring/exports" } },
    );
  }
  return { unit, date, healthNames, rows };
}
