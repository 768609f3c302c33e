/**
 * npm run bench:monitoring -- [--engine postgres|sqlite] [--database-url URL] [--full] [--employees N --days N] [--runs 30]
 *
 * The monitoring board and trends through the full HTTP path (the real app on
 * port 0, signed in as the seeded agency-wide leader) against the best
 * hand-written SQL on the raw tables computing the same numbers, both
 * measured in the same run. Prints median and p95 of each and the ratio
 * HTTP / SQL, and checks that the HTTP totals equal the raw SQL answer.
 *
 * Without --database-url it seeds a throw-away database (PostgreSQL next to
 * BENCH_DATABASE_URL / TEST_DATABASE_URL, or a SQLite file with --engine
 * sqlite): 20,000 employees × 20 workdays, or 100,000 × 60 with --full.
 * With --database-url it uses an agency seeded earlier by `npm run seed:scale`.
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { buildApp } from "../server/app.js";
import type { Engine } from "../server/config.js";
import { createDatabase, type Database } from "../server/db/database.js";
import { migrateToLatest } from "../server/db/migrate.js";
import { addDays } from "../server/modules/logbook/calendar/workdays.js";
import { type BoardTotals, type RhkRow, rawBoard, rawRhk, rawTrends, type TrendPoint } from "./scale/monitoring-sql.js";
import { BENCH_LEADER } from "./scale/org.js";
import { DEFAULT_AGENCY_CODE, leaderEmail, seedScale } from "./scale/seed.js";
import { openThrowawayDatabase } from "./throwaway-db.js";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    "database-url": { type: "string" },
    "agency-code": { type: "string", default: DEFAULT_AGENCY_CODE },
    full: { type: "boolean", default: false },
    employees: { type: "string" },
    days: { type: "string" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
  },
});
const engine: Engine = values.engine === "sqlite" ? "sqlite" : "postgres";
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Target {
  agencyId: string;
  unitId: string;
  path: string;
  label: string;
  employees: number;
}

async function openDatabase(): Promise<{ database: Database; cleanup: () => Promise<void>; seeded: boolean }> {
  if (values["database-url"]) {
    const database = createDatabase({ databaseUrl: values["database-url"] });
    await migrateToLatest(database.db, "postgres");
    return { database, cleanup: () => database.close(), seeded: true };
  }
  if (engine === "postgres" && !process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL) {
    throw new Error("PostgreSQL needs --database-url, or BENCH_DATABASE_URL / TEST_DATABASE_URL for a throw-away database (or use --engine sqlite)");
  }
  const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-monitoring");
  await migrateToLatest(database.db, engine);
  return { database, cleanup, seeded: false };
}

/** The agency, its root and the busiest eselon II unit (depth 2), and the last full day of data. */
async function findTargets(database: Database, agencyCode: string) {
  const db = database.db;
  const agency = await db.selectFrom("agencies").select("id").where("code", "=", agencyCode).executeTakeFirst();
  if (!agency) throw new Error(`no agency ${agencyCode} in this database: seed it with npm run seed:scale`);
  const last = await db
    .selectFrom("daily_reports")
    .select((eb) => eb.fn.max("work_date").as("d"))
    .where("agency_id", "=", agency.id)
    .executeTakeFirst();
  if (!last?.d) throw new Error("the agency has no daily reports: seed it with npm run seed:scale");
  const sized = await sql<{ id: string; path: string; depth: number; n: unknown }>`
    select p.id, p.path, p.depth, count(e.id) as n
    from units p
    inner join units u on u.agency_id = p.agency_id and u.path like p.path || '%'
    inner join employees e on e.unit_id = u.id and e.status = 'active'
    where p.agency_id = ${agency.id} and p.depth <= 2
    group by p.id, p.path, p.depth
    order by p.depth, count(e.id) desc`.execute(db);
  const root = sized.rows.find((u) => u.depth === 0);
  const mid = sized.rows.find((u) => u.depth === 2) ?? sized.rows.find((u) => u.depth === 1);
  if (!root || !mid) throw new Error("the agency has no unit tree");
  const target = (u: typeof root, label: string): Target => ({ agencyId: agency.id, unitId: u.id, path: u.path, label, employees: Number(u.n) });
  return { date: String(last.d), root: target(root, "root"), mid: target(mid, `eselon II`) };
}

async function signIn(base: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 204) throw new Error(`sign-in of ${login} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("abdi_session="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0];
}

interface Timed<T> {
  samples: number[];
  last: T;
}

async function timed<T>(fn: () => Promise<T>, runs = RUNS, warmup = WARMUP): Promise<Timed<T>> {
  let last = await fn();
  for (let i = 1; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  return { samples, last };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function getJson<T>(base: string, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/** Where two answers differ ("" when they agree). */
function diffBoard(http: BoardTotals, raw: BoardTotals): string {
  const flat = (b: BoardTotals) => ({
    employees: b.employees,
    checkedIn: b.checkedIn,
    notCheckedIn: b.notCheckedIn,
    late: b.late,
    checkedOut: b.checkedOut,
    ...Object.fromEntries(Object.entries(b.modes).map(([k, v]) => [`modes.${k}`, v])),
    ...Object.fromEntries(Object.entries(b.health).map(([k, v]) => [`health.${k}`, v])),
    ...Object.fromEntries(Object.entries(b.reports).map(([k, v]) => [`reports.${k}`, v])),
  });
  const h: Record<string, number> = flat(http);
  const r: Record<string, number> = flat(raw);
  return Object.keys(r)
    .filter((k) => h[k] !== r[k])
    .map((k) => `${k} ${h[k]}≠${r[k]}`)
    .join(", ");
}

function diffTrends(http: TrendPoint[], raw: TrendPoint[]): string {
  const byPeriod = new Map(http.map((p) => [p.period, p]));
  const out: string[] = [];
  for (const r of raw) {
    const h = byPeriod.get(r.period);
    if (!h) {
      out.push(`${r.period} missing`);
      continue;
    }
    for (const k of ["employees", "checkinCompliance", "reportCompliance", "officeShare", "healthNotCleared"] as const) {
      if (h[k] !== r[k]) out.push(`${r.period} ${k} ${h[k]}≠${r[k]}`);
    }
  }
  if (http.length !== raw.length) out.push(`${http.length} periods ≠ ${raw.length}`);
  return out.slice(0, 4).join(", ") + (out.length > 4 ? ` (+${out.length - 4})` : "");
}

interface Row {
  name: string;
  http: number[];
  raw: number[];
  check: string;
}

async function main() {
  const { database, cleanup, seeded } = await openDatabase();
  try {
    const agencyCode = values["agency-code"];
    if (!seeded) {
      const employees = Number(values.employees ?? (values.full ? 100_000 : 20_000));
      const days = Number(values.days ?? (values.full ? 60 : 20));
      log(`seeding ${employees.toLocaleString("en")} employees × ${days} workdays on ${database.engine} …`);
      const r = await seedScale(database, { employees, days, seed: "1", agencyCode, withToday: true, progress: true });
      log(`seeded in ${(r.seconds.org + r.seconds.days + r.seconds.rollups).toFixed(0)} s (${r.rowsPerSecond.toLocaleString("en")} rows/s)`);
    }
    const { date, root, mid } = await findTargets(database, agencyCode);
    const app = await buildApp({
      config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "bench" },
      database,
      logger: false,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const cookie = await signIn(base, leaderEmail(agencyCode), BENCH_LEADER.password);
      const from = addDays(date, -29);
      const rows: Row[] = [];
      for (const t of [root, mid]) {
        const name = `board, ${t.label} (${t.employees.toLocaleString("en")} employees)`;
        const http = await timed(() => getJson<{ totals: BoardTotals }>(base, cookie, `/monitoring/board?unitId=${t.unitId}&date=${date}`));
        const raw = await timed(() => rawBoard(database, t, date));
        const diff = diffBoard(http.last.totals, raw.last);
        rows.push({ name, http: http.samples, raw: raw.samples, check: diff ? `MISMATCH ${diff}` : "ok" });
      }
      for (const t of [root, mid]) {
        const name = `trends 30 days by day, ${t.label}`;
        const http = await timed(() =>
          getJson<{ series: TrendPoint[] }>(base, cookie, `/monitoring/trends?unitId=${t.unitId}&from=${from}&to=${date}&granularity=day`),
        );
        const raw = await timed(() => rawTrends(database, t, from, date));
        const diff = diffTrends(http.last.series, raw.last);
        rows.push({ name, http: http.samples, raw: raw.samples, check: diff ? `MISMATCH ${diff}` : "ok" });
      }
      // RHK activity reads every report activity of the range: fewer runs.
      const rhkRuns = Math.min(RUNS, 5);
      for (const t of [root, mid]) {
        const name = `RHK activity 30 days, ${t.label}`;
        const http = await timed(
          () => getJson<{ rhk: RhkRow[] }>(base, cookie, `/monitoring/trends/rhk?unitId=${t.unitId}&from=${from}&to=${date}`),
          rhkRuns,
          1,
        );
        const raw = await timed(() => rawRhk(database, t, from, date), rhkRuns, 1);
        const same =
          JSON.stringify(http.last.rhk.map((r) => [r.rhkId, r.activities, r.minutes])) ===
          JSON.stringify(raw.last.map((r) => [r.rhkId, r.activities, r.minutes]));
        rows.push({ name, http: http.samples, raw: raw.samples, check: same ? "ok" : "MISMATCH in the top 20" });
      }
      const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
      log(`\nmonitoring bench on ${database.engine}, day ${date}, ${RUNS} requests each after ${WARMUP} warm-up, one at a time`);
      log(`${"".padEnd(44)} ${"HTTP p50".padStart(10)} ${"HTTP p95".padStart(10)} ${"SQL p50".padStart(10)} ${"SQL p95".padStart(10)}  ratio  check`);
      for (const r of rows) {
        const ratio = quantile(r.http, 0.5) / Math.max(0.001, quantile(r.raw, 0.5));
        log(
          `${r.name.padEnd(44)} ${ms(quantile(r.http, 0.5))} ${ms(quantile(r.http, 0.95))} ${ms(quantile(r.raw, 0.5))} ${ms(quantile(r.raw, 0.95))}  ${ratio.toFixed(2).padStart(5)}  ${r.check}`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

await main();
