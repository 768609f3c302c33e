import { type Expression, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../db/dialect.js";
import type { Scope } from "../../platform/actor.js";

/**
 * The rows a viewer may see in a list joined with `units`: inside one of the
 * scope's agencies or unit subtrees, or about one of `extra.ids` (e.g. the
 * employees the viewer supervises, in column `extra.column`). Nothing when
 * both are empty.
 */
export function inScope(agencyId: string, scope: Scope, extra: { column: string; ids: string[] } | null = null): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  if (scope.agencyIds.includes(agencyId)) ors.push(sql<SqlBool>`1 = 1`);
  for (const u of scope.unitPaths) if (u.agencyId === agencyId) ors.push(sql<SqlBool>`${sql.ref("units.path")} like ${`${likeEscape(u.path)}%`}`);
  if (extra && extra.ids.length > 0) ors.push(sql<SqlBool>`${sql.ref(extra.column)} in (${sql.join(extra.ids)})`);
  return ors.length ? sql<SqlBool>`(${sql.join(ors, sql` or `)})` : sql<SqlBool>`1 = 0`;
}
