import { sql } from "kysely";
import type { Database } from "../../server/db/database.js";
import { Rng } from "../../server/demo/random.js";
import { ensureCalendarData } from "../../server/modules/logbook/calendar/ensure.js";
import { rebuildRollups } from "../../server/modules/monitoring/rollup/service.js";
import { todayIn } from "../../server/modules/org/hierarchy.js";
import { hashPassword } from "../../server/platform/passwords.js";
import { buildDay, type DayContext, emptyDayRows } from "./day.js";
import { planDays } from "./days.js";
import { IdSource } from "./ids.js";
import { withoutSecondaryIndexes } from "./indexes.js";
import { BatchInserter, canSkipForeignKeyChecks, Progress } from "./insert.js";
import { BENCH_LEADER, buildOrg } from "./org.js";

export interface ScaleOptions {
  employees: number;
  /** Full workdays before today. */
  days: number;
  seed: string;
  agencyCode: string;
  /** Also today, under way (about 60 % checked in, no reports yet). */
  withToday: boolean;
  now?: Date;
  /** Progress line on stderr. */
  progress?: boolean;
  /** PostgreSQL: keep the plain indexes of the daily tables during the load (default: drop them, create them again after). */
  keepIndexes?: boolean;
  /** Transactions in flight at once on PostgreSQL. */
  parallel?: number;
  /** Employees per transaction of daily rows. */
  batchEmployees?: number;
}

export interface ScaleResult {
  agencyId: string;
  rootUnitId: string;
  leader: { email: string; password: string };
  from: string;
  to: string;
  /** The last full workday (what a bench should look at). */
  lastFullDay: string;
  counts: Record<string, number>;
  seconds: { org: number; days: number; indexes: number; rollups: number };
  rowsPerSecond: number;
  rollupRows: number;
}

export const DEFAULT_AGENCY_CODE = "SKALA";
const DAILY_TABLES = ["checkins", "health_checks", "daily_reports", "report_activities"];

export function leaderEmail(agencyCode: string): string {
  return agencyCode === DEFAULT_AGENCY_CODE ? BENCH_LEADER.email : BENCH_LEADER.email.replace("@", `.${agencyCode.toLowerCase()}@`);
}

/**
 * Generates a whole agency with its daily activity into a migrated database:
 * the organisation first, then day by day (oldest first) the check-ins,
 * health checks, reports and report activities, in batches of employees per
 * transaction; finally the monitoring rollups for the range.
 */
export async function seedScale(database: Database, opts: ScaleOptions): Promise<ScaleResult> {
  const { db, engine } = database;
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const existing = await db.selectFrom("agencies").select("id").where("code", "=", opts.agencyCode).executeTakeFirst();
  if (existing) throw new Error(`an agency with code ${opts.agencyCode} already exists; choose another --agency-code or an empty database`);
  await ensureCalendarData(db);
  const rng = new Rng(`abdi-scale-${opts.seed}`);
  const ids = new IdSource(new Rng(`abdi-scale-ids-${opts.seed}`), now.getTime() - 3_600_000);
  const today = todayIn("Asia/Jakarta", now);
  const email = leaderEmail(opts.agencyCode);

  const orgProgress = new Progress("organisation", process.stderr);
  const org = buildOrg(rng, ids, {
    employees: opts.employees,
    agencyCode: opts.agencyCode,
    passwordHash: await hashPassword(BENCH_LEADER.password),
    year: today.slice(0, 4),
    now: nowIso,
  });
  for (const e of org.employees) if (e.email === BENCH_LEADER.email) e.email = email;
  for (const u of org.users) u.email = email;
  const inserter = new BatchInserter(db, engine, { onCommit: (n) => orgProgress.add(n) });
  await inserter.write([
    { table: "agencies", rows: [org.agency] },
    { table: "units", rows: org.units },
    { table: "positions", rows: org.positions },
    { table: "places", rows: org.places },
    { table: "health_forms", rows: [org.healthForm] },
  ]);
  await inserter.drain();
  const step = 5000;
  for (let i = 0; i < org.employees.length; i += step) {
    const people = new Set(org.employees.slice(i, i + step).map((e) => e.id));
    await inserter.write([
      { table: "employees", rows: org.employees.slice(i, i + step) },
      { table: "skp_targets", rows: org.targets.filter((t) => people.has(t.employee_id)) },
    ]);
    if (opts.progress) orgProgress.show(i / org.employees.length, "employees");
  }
  await inserter.drain();
  await inserter.write([
    { table: "users", rows: org.users },
    { table: "role_grants", rows: org.grants },
  ]);
  await inserter.drain();
  const orgDone = opts.progress ? orgProgress.done("organisation") : { seconds: 0, rate: 0 };

  const days = await planDays(db, { today, days: opts.days, withToday: opts.withToday });
  const progress = new Progress("daily rows  ", process.stderr);
  const skipForeignKeyChecks = await canSkipForeignKeyChecks(db, engine);
  const daily = new BatchInserter(db, engine, { skipForeignKeyChecks, parallel: opts.parallel, onCommit: (n) => progress.add(n) });
  const ctx: DayContext = { rng, ids, now, formId: org.healthForm.id };
  const per = opts.batchEmployees ?? 2000;
  const counts: Record<string, number> = { checkins: 0, health_checks: 0, daily_reports: 0, report_activities: 0 };
  const total = days.length * org.people.length;
  let done = 0;
  const started = performance.now();
  const generate = async () => {
    for (const day of days) {
      for (let i = 0; i < org.people.length; i += per) {
        const rows = emptyDayRows();
        for (const person of org.people.slice(i, i + per)) buildDay(ctx, day, person, rows);
        counts.checkins += rows.checkins.length;
        counts.health_checks += rows.health.length;
        counts.daily_reports += rows.reports.length;
        counts.report_activities += rows.activities.length;
        await daily.write([
          { table: "checkins", rows: rows.checkins },
          { table: "health_checks", rows: rows.health },
          { table: "daily_reports", rows: rows.reports },
          { table: "report_activities", rows: rows.activities },
        ]);
        done += Math.min(per, org.people.length - i);
        if (opts.progress) progress.show(done / total, day.date);
      }
    }
    await daily.drain();
  };
  const onRebuild = (name: string) => {
    if (opts.progress) progress.show(1, `rebuilding ${name}`, true);
  };
  const indexes = opts.keepIndexes
    ? await generate().then(() => ({ dropped: 0, rebuildSeconds: 0 }))
    : await withoutSecondaryIndexes(db, engine, DAILY_TABLES, generate, onRebuild);
  const daysSeconds = (performance.now() - started) / 1000;
  if (opts.progress) progress.done(`${days.length} days`);

  // Fresh planner statistics after a bulk load (autovacuum would get there later).
  if (engine === "postgres") await sql`analyze`.execute(db);
  const from = days[0]?.date ?? today;
  const to = days[days.length - 1]?.date ?? today;
  const rollupStarted = performance.now();
  const rollup = await rebuildRollups(db, { agencyId: org.agency.id, from, to, now });
  const fullDays = days.filter((d) => !d.partial);
  return {
    agencyId: org.agency.id,
    rootUnitId: org.rootUnitId,
    leader: { email, password: BENCH_LEADER.password },
    from,
    to,
    lastFullDay: fullDays[fullDays.length - 1]?.date ?? from,
    counts: {
      units: org.units.length,
      positions: org.positions.length,
      employees: org.employees.length,
      places: org.places.length,
      skp_targets: org.targets.length,
      ...counts,
    },
    seconds: { org: orgDone.seconds, days: daysSeconds, indexes: indexes.rebuildSeconds, rollups: (performance.now() - rollupStarted) / 1000 },
    rowsPerSecond: Math.round(progress.rows / daysSeconds),
    rollupRows: rollup.rows,
  };
}
