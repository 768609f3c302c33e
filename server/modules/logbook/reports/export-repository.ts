import { type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../../db/dialect.js";
import type { DB } from "../../../db/schema.js";
import type { ReportStatus } from "../../../db/schema-logbook.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";

export interface ExportFilter {
  agencyId: string;
  /** Units the viewer oversees (HR, leaders) … */
  scope: Scope;
  /** … plus these employees (oneself, direct reports). */
  extraIds: string[];
  /** Only employees of this unit's subtree. */
  unitPath?: string;
  from: string;
  to: string;
  statuses: ReportStatus[];
}

type Eb = ExpressionBuilder<DB & { e: DB["employees"]; u: DB["units"] }, "e" | "u">;

function visible(eb: Eb, f: ExportFilter) {
  if (f.scope.agencyIds.includes(f.agencyId)) return sql<SqlBool>`1 = 1`;
  const ors = f.scope.unitPaths.filter((p) => p.agencyId === f.agencyId).map((p) => eb("u.path", "like", `${likeEscape(p.path)}%`));
  if (f.extraIds.length) ors.push(eb("e.id", "in", f.extraIds));
  return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
}

/** One row per activity of the visible employees' reports, by employee, date and order; at most `limit` rows. */
export function exportRows(db: Db, f: ExportFilter, limit: number) {
  let q = db
    .selectFrom("daily_reports as r")
    .innerJoin("employees as e", "e.id", "r.employee_id")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .innerJoin("report_activities as a", "a.report_id", "r.id")
    .leftJoin("skp_targets as t", "t.id", "a.rhk_id")
    .select([
      "e.id as employee_id",
      "e.nip",
      "e.name",
      "u.path as unit_path",
      "r.work_date",
      "r.status",
      "a.description",
      "a.output_qty",
      "a.output_unit",
      "a.minutes",
      "a.evidence_url",
      "a.evidence_file_id",
      "t.code as rhk_code",
      "t.title as rhk_title",
    ])
    .where("r.agency_id", "=", f.agencyId)
    .where("r.work_date", ">=", f.from)
    .where("r.work_date", "<=", f.to)
    .where("r.status", "in", f.statuses)
    .where((eb) => visible(eb, f));
  if (f.unitPath) q = q.where("u.path", "like", `${likeEscape(f.unitPath)}%`);
  return q.orderBy("e.name").orderBy("e.id").orderBy("r.work_date").orderBy("a.ordinal").limit(limit).execute();
}

export type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];
