import { sql } from "kysely";
import type { Unit } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { inSubtree } from "../scope.js";
import { addCounts, aggregateQuery, COUNTERS, type Counts, engineOf, zeroCounts } from "./sql.js";

type Row = Record<string, number | string>;
const sums = () => sql.join(COUNTERS.map((c) => sql`sum(m.${sql.ref(c)}) as ${sql.ref(c)}`));

export interface SubtreeDaily {
  daily: Map<string, Counts>;
  /** Days read from the raw tables: today, and earlier days the rollup does not hold yet. */
  rawDays: Set<string>;
  /** Those raw rows per unit and day, so a per-unit table of the same request does not read them again. */
  raw: Row[];
}

/** Raw aggregate of the subtree for the given days (one query over their span), per unit and day. */
async function rawRows(db: Db, unit: Unit, days: readonly string[]): Promise<Row[]> {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const wanted = new Set(days);
  const q = aggregateQuery(engineOf(db), { agencyId: unit.agency_id, from: sorted[0], to: sorted[sorted.length - 1], subtree: unit });
  const rows = await sql<Row>`select * from (${q}) m`.execute(db);
  return rows.rows.filter((r) => wanted.has(String(r.work_date)));
}

/**
 * The counts of a unit subtree per day in [from, to]: days before `today`
 * from the rollup, `today` from the raw tables (so the numbers are current),
 * days after `today` empty. Past days the rollup does not hold at all (not
 * rebuilt or sealed yet) are computed from the raw tables too.
 */
export async function subtreeDaily(db: Db, unit: Unit, from: string, to: string, today: string): Promise<SubtreeDaily> {
  const daily = new Map<string, Counts>();
  const lastRolled = to < today ? to : shift(today, -1);
  const rawDays = new Set<string>();
  if (from <= lastRolled) {
    const rows = await sql<Row>`
      select m.work_date, ${sums()}
      from monitoring_unit_days m inner join units on units.id = m.unit_id
      where m.agency_id = ${unit.agency_id} and m.work_date >= ${from} and m.work_date <= ${lastRolled} and ${inSubtree(unit)}
      group by m.work_date`.execute(db);
    for (const r of rows.rows) daily.set(String(r.work_date), addCounts(zeroCounts(), r));
    for (let d = from; d <= lastRolled; d = shift(d, 1)) if (!daily.has(d)) rawDays.add(d);
  }
  if (from <= today && today <= to) rawDays.add(today);
  const raw = await rawRows(db, unit, [...rawDays]);
  for (const r of raw) {
    const d = String(r.work_date);
    daily.set(d, addCounts(daily.get(d) ?? zeroCounts(), r));
  }
  return { daily, rawDays, raw };
}

/** The counts per unit of the subtree summed over the given days (the rollup, or the raw tables for `rawDays`). */
export async function subtreePerUnit(
  db: Db,
  unit: Unit,
  days: readonly string[],
  rawDays: ReadonlySet<string>,
  rawAlready?: readonly Row[],
): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  const add = (rows: Row[]) => {
    for (const r of rows) {
      const id = String(r.unit_id);
      out.set(id, addCounts(out.get(id) ?? zeroCounts(), r));
    }
  };
  const rolled = days.filter((d) => !rawDays.has(d));
  for (let i = 0; i < rolled.length; i += 400) {
    const chunk = rolled.slice(i, i + 400);
    const rows = await sql<Row>`
      select m.unit_id, ${sums()}
      from monitoring_unit_days m inner join units on units.id = m.unit_id
      where m.agency_id = ${unit.agency_id} and m.work_date in (${sql.join(chunk)}) and ${inSubtree(unit)}
      group by m.unit_id`.execute(db);
    add(rows.rows);
  }
  const wanted = days.filter((d) => rawDays.has(d));
  const wantedSet = new Set(wanted);
  add(rawAlready ? rawAlready.filter((r) => wantedSet.has(String(r.work_date))) : await rawRows(db, unit, wanted));
  return out;
}

/** Reports waiting for review in the subtree at the end of the day before `date` (all review flow before it). */
export async function backlogBefore(db: Db, unit: Unit, date: string): Promise<number> {
  const row = await sql<{ n: number | string | null }>`
    select sum(m.review_in) - sum(m.review_out) as n
    from monitoring_unit_days m inner join units on units.id = m.unit_id
    where m.agency_id = ${unit.agency_id} and m.work_date < ${date} and ${inSubtree(unit)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
