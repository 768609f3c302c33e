import { type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely";
import type { Engine } from "../../../config.js";
import { UNIT_DAY_COUNTERS } from "../../../db/migrations/0004_monitoring.js";
import type { DB, Unit } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { inSubtree } from "../scope.js";
import { DELAY_BUCKETS, DELAY_EDGES_HOURS } from "./histogram.js";

export const COUNTERS = UNIT_DAY_COUNTERS;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;
export interface UnitDayCounts extends Counts {
  unit_id: string;
  agency_id: string;
  work_date: string;
}

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
}

export function addCounts(into: Counts, row: Partial<Record<Counter, number | string | null>>): Counts {
  for (const c of COUNTERS) into[c] += Number(row[c] ?? 0);
  return into;
}

/** The engine behind a Kysely instance or transaction. */
export function engineOf(db: Db | Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Hours east of UTC of a unit's zone (Indonesia has no daylight saving). */
const offsetHours = (tz: RawBuilder<unknown>) => sql`(case ${tz} when 'Asia/Makassar' then 8 when 'Asia/Jayapura' then 9 else 7 end)`;

/** The local date of a timestamp column in the zone of a unit column. */
export function localDate(engine: Engine, ts: string, tz: string): RawBuilder<string> {
  const off = offsetHours(sql.ref(tz));
  return engine === "postgres"
    ? sql<string>`cast((${sql.ref(ts)} at time zone 'UTC') + ${off} * interval '1 hour' as date)`
    : sql<string>`date(${sql.ref(ts)}, '+' || ${off} || ' hours')`;
}

function delayHours(engine: Engine): RawBuilder<number> {
  return engine === "postgres"
    ? sql<number>`(extract(epoch from (r.reviewed_at - r.submitted_at)) / 3600.0)`
    : sql<number>`((julianday(r.reviewed_at) - julianday(r.submitted_at)) * 24.0)`;
}

/** A list of dates as a one-column table `day`. */
function daysTable(engine: Engine, days: readonly string[]): RawBuilder<unknown> {
  const values = sql.join(days.map((d) => sql`(${d})`));
  return engine === "postgres"
    ? sql`(select cast(v.column1 as date) as day from (values ${values}) as v)`
    : sql`(select v.column1 as day from (values ${values}) as v)`;
}

export interface AggregateScope {
  agencyId: string;
  from: string;
  to: string;
  /** Only these units (their own staff). */
  unitIds?: readonly string[];
  /** Only units of this subtree. */
  subtree?: Pick<Unit, "path">;
}

function unitCondition(s: AggregateScope, column: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (s.unitIds) parts.push(sql`${sql.ref(column)} in (${sql.join(s.unitIds.length ? [...s.unitIds] : [null])})`);
  if (s.subtree) parts.push(sql`${sql.ref(column)} in (select units.id from units where ${inSubtree(s.subtree)})`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

const when = (cond: RawBuilder<unknown>) => sql`sum(case when ${cond} then 1 else 0 end)`;

/** One branch of the union: the given counters, 0 for the others, in COUNTERS order. */
function columns(values: Partial<Record<Counter, RawBuilder<unknown>>>): RawBuilder<unknown> {
  return sql.join(COUNTERS.map((c) => sql`${values[c] ?? sql`0`} as ${sql.ref(c)}`));
}

function dayList(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

const shiftDay = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
};

/**
 * The counts per (unit, day) computed from the raw tables, as one set-based
 * SELECT: a UNION ALL of one grouped branch per source, summed per unit and
 * day. Headcount rows exist for every day of the range for every unit with
 * active staff; the other branches only where something happened.
 */
export function aggregateQuery(engine: Engine, s: AggregateScope): RawBuilder<UnitDayCounts> {
  const delay = delayHours(engine);
  const reviewedCond = sql`r.reviewed_at is not null and r.submitted_at is not null`;
  const buckets: Partial<Record<Counter, RawBuilder<unknown>>> = {};
  for (let i = 0; i < DELAY_BUCKETS; i++) {
    const lo = i === 0 ? null : DELAY_EDGES_HOURS[i - 1];
    const hi = i === DELAY_BUCKETS - 1 ? null : DELAY_EDGES_HOURS[i];
    const range = [lo === null ? null : sql`${delay} >= ${sql.lit(lo)}`, hi === null ? null : sql`${delay} < ${sql.lit(hi)}`].filter((x) => x !== null);
    buckets[`rd_${i}` as Counter] = when(sql`${reviewedCond} and ${sql.join(range, sql` and `)}`);
  }
  const eventDay = localDate(engine, "e.created_at", "u.timezone");
  const mode = (m: string) => when(sql`c.mode = ${sql.lit(m)}`);
  return sql<UnitDayCounts>`
    select x.unit_id, x.agency_id, x.work_date, ${sql.join(COUNTERS.map((c) => sql`sum(x.${sql.ref(c)}) as ${sql.ref(c)}`))}
    from (
      select e.unit_id, e.agency_id, d.day as work_date, ${columns({ employees: sql`e.n` })}
      from (
        select employees.unit_id, employees.agency_id, count(*) as n from employees
        where employees.agency_id = ${s.agencyId} and employees.status = 'active' ${unitCondition(s, "employees.unit_id")}
        group by employees.unit_id, employees.agency_id
      ) e cross join ${daysTable(engine, dayList(s.from, s.to))} d
      union all
      select c.unit_id, c.agency_id, c.work_date, ${columns({
        checked_in: sql`count(*)`,
        late: when(sql`c.minutes_off > 0`),
        wfo: mode("WFO"),
        wfh: mode("WFH"),
        dl: mode("DL"),
        cuti: mode("CUTI"),
        sakit: mode("SAKIT"),
      })}
      from checkins c
      where c.agency_id = ${s.agencyId} and c.kind = 'in' and c.work_date >= ${s.from} and c.work_date <= ${s.to} ${unitCondition(s, "c.unit_id")}
      group by c.unit_id, c.agency_id, c.work_date
      union all
      select h.unit_id, h.agency_id, h.work_date, ${columns({ health_filled: sql`count(*)`, health_not_cleared: when(sql`h.cleared = 0`) })}
      from health_checks h
      where h.agency_id = ${s.agencyId} and h.work_date >= ${s.from} and h.work_date <= ${s.to} ${unitCondition(s, "h.unit_id")}
      group by h.unit_id, h.agency_id, h.work_date
      union all
      select r.unit_id, r.agency_id, r.work_date, ${columns({
        reports_submitted: when(sql`r.status in ('submitted', 'approved')`),
        reports_approved: when(sql`r.status = 'approved'`),
        reports_returned: when(sql`r.status = 'returned'`),
        reviewed: when(reviewedCond),
        ...buckets,
      })}
      from daily_reports r
      where r.agency_id = ${s.agencyId} and r.work_date >= ${s.from} and r.work_date <= ${s.to} ${unitCondition(s, "r.unit_id")}
      group by r.unit_id, r.agency_id, r.work_date
      union all
      select r.unit_id, r.agency_id, ${eventDay} as work_date, ${columns({
        review_in: when(sql`e.action in ('submitted', 'resubmitted')`),
        review_out: when(sql`e.action in ('returned', 'approved')`),
      })}
      from report_events e
      inner join daily_reports r on r.id = e.report_id
      inner join units u on u.id = r.unit_id
      where r.agency_id = ${s.agencyId} and e.created_at >= ${shiftDay(s.from, -1)} and e.created_at < ${shiftDay(s.to, 1)}
        and ${eventDay} >= ${s.from} and ${eventDay} <= ${s.to} ${unitCondition(s, "r.unit_id")}
      group by r.unit_id, r.agency_id, ${eventDay}
    ) x
    group by x.unit_id, x.agency_id, x.work_date`;
}

/** Writes the aggregate of the scope into monitoring_unit_days (the caller deleted the old rows). */
export async function insertAggregate(db: Db, s: AggregateScope, refreshedAt: string): Promise<number> {
  const engine = engineOf(db);
  const cols = sql.join(COUNTERS.map((c) => sql.ref(c)));
  const result = await sql`
    insert into monitoring_unit_days (unit_id, agency_id, work_date, ${cols}, refreshed_at)
    select a.unit_id, a.agency_id, a.work_date, ${sql.join(COUNTERS.map((c) => sql`a.${sql.ref(c)}`))}, ${engine === "postgres" ? sql`cast(${refreshedAt} as timestamptz)` : refreshedAt}
    from (${aggregateQuery(engine, s)}) a`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export { dayList };
