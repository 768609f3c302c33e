import type { Kysely } from "kysely";
import { sql } from "kysely";
import { toJson } from "../../../db/dialect.js";
import type { DB } from "../../../db/schema.js";
import { addDays } from "../../logbook/calendar/workdays.js";
import { todayIn } from "../../org/hierarchy.js";
import { engineOf, insertAggregate, localDate } from "./sql.js";

export const ROLLUP_STATE = "unit_days";
/** Days per rebuild transaction. */
const REBUILD_CHUNK_DAYS = 31;
/** Units per refresh statement. */
const REFRESH_CHUNK_UNITS = 500;
/**
 * Changes are looked for from this long before the watermark: a row written
 * by a transaction that committed after the previous scan but carries an
 * earlier timestamp is still seen. Recomputing a pair twice is harmless.
 */
export const WATERMARK_OVERLAP_MS = 2 * 60_000;
const EPOCH = new Date(0).toISOString();

/**
 * Recomputes monitoring_unit_days of one agency for every day in [from, to]
 * from the raw tables: per month, one DELETE and one INSERT … SELECT … GROUP BY
 * in a transaction. Sets the refresh watermark to the start of the rebuild if
 * there is none yet (so the recurring refresh does not rescan all history).
 */
export async function rebuildRollups(
  db: Kysely<DB>,
  opts: { agencyId: string; from: string; to: string; now?: Date },
): Promise<{ days: number; rows: number }> {
  const started = (opts.now ?? new Date()).toISOString();
  let rows = 0;
  let days = 0;
  for (let from = opts.from; from <= opts.to; from = addDays(from, REBUILD_CHUNK_DAYS)) {
    const last = addDays(from, REBUILD_CHUNK_DAYS - 1);
    const to = [last, opts.to].sort()[0];
    rows += await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("monitoring_unit_days").where("agency_id", "=", opts.agencyId).where("work_date", ">=", from).where("work_date", "<=", to).execute();
      return insertAggregate(trx, { agencyId: opts.agencyId, from, to }, started);
    });
    days += Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  }
  await db
    .insertInto("monitoring_rollup_state")
    .values({ name: ROLLUP_STATE, watermark: started, last_result: null, updated_at: started })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  return { days, rows };
}

interface Pair {
  agency_id: string;
  unit_id: string;
  work_date: string;
}

/** The (unit, day) pairs whose check-ins, health checks, reports or report events changed after `since`. */
async function changedPairs(db: Kysely<DB>, since: string): Promise<Pair[]> {
  const engine = engineOf(db);
  const eventDay = localDate(engine, "e.created_at", "u.timezone");
  const result = await sql<Pair>`
    select agency_id, unit_id, work_date from checkins where created_at > ${since}
    union
    select agency_id, unit_id, work_date from health_checks where updated_at > ${since}
    union
    select agency_id, unit_id, work_date from daily_reports where updated_at > ${since}
    union
    select r.agency_id, r.unit_id, ${eventDay} as work_date
    from report_events e inner join daily_reports r on r.id = e.report_id inner join units u on u.id = r.unit_id
    where e.created_at > ${since}`.execute(db);
  return result.rows;
}

/**
 * Days nobody touched have no changed pairs, so each agency's yesterday and
 * today are written whole (headcount rows for every unit) once, when the
 * rollup holds nothing for them yet.
 */
async function sealDays(db: Kysely<DB>, now: Date, refreshedAt: string): Promise<number> {
  const agencies = await db.selectFrom("agencies").select(["id", "timezone"]).execute();
  let rows = 0;
  for (const a of agencies) {
    const today = todayIn(a.timezone, now);
    for (const date of [addDays(today, -1), today]) {
      const held = await db
        .selectFrom("monitoring_unit_days")
        .select("unit_id")
        .where("agency_id", "=", a.id)
        .where("work_date", "=", date)
        .limit(1)
        .executeTakeFirst();
      if (held) continue;
      rows += await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("monitoring_unit_days").where("agency_id", "=", a.id).where("work_date", "=", date).execute();
        return insertAggregate(trx, { agencyId: a.id, from: date, to: date }, refreshedAt);
      });
    }
  }
  return rows;
}

/**
 * The recurring refresh: recomputes just the (unit, day) pairs changed since
 * the watermark (minus WATERMARK_OVERLAP_MS), seals yesterday and today
 * (see sealDays), then moves the watermark to `now`.
 * Without a watermark (no rebuild yet) every pair with data is recomputed.
 */
export async function refreshChangedRollups(db: Kysely<DB>, now: Date): Promise<{ pairs: number; rows: number; watermark: string }> {
  const nowIso = now.toISOString();
  const state = await db.selectFrom("monitoring_rollup_state").select("watermark").where("name", "=", ROLLUP_STATE).executeTakeFirst();
  const since = state ? new Date(Date.parse(state.watermark) - WATERMARK_OVERLAP_MS).toISOString() : EPOCH;
  const pairs = await changedPairs(db, since);
  const groups = new Map<string, { agencyId: string; date: string; units: string[] }>();
  for (const p of pairs) {
    const key = `${p.agency_id}|${p.work_date}`;
    const g = groups.get(key) ?? { agencyId: p.agency_id, date: p.work_date, units: [] };
    g.units.push(p.unit_id);
    groups.set(key, g);
  }
  let rows = 0;
  for (const g of groups.values()) {
    for (let i = 0; i < g.units.length; i += REFRESH_CHUNK_UNITS) {
      const unitIds = g.units.slice(i, i + REFRESH_CHUNK_UNITS);
      rows += await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("monitoring_unit_days").where("work_date", "=", g.date).where("unit_id", "in", unitIds).execute();
        return insertAggregate(trx, { agencyId: g.agencyId, from: g.date, to: g.date, unitIds }, nowIso);
      });
    }
  }
  rows += await sealDays(db, now, nowIso);
  const result = { pairs: pairs.length, rows, watermark: nowIso };
  await db
    .insertInto("monitoring_rollup_state")
    .values({ name: ROLLUP_STATE, watermark: nowIso, last_result: toJson(result), updated_at: nowIso })
    .onConflict((oc) => oc.column("name").doUpdateSet({ watermark: nowIso, last_result: toJson(result), updated_at: nowIso }))
    .execute();
  return result;
}
