/**
 * npm run bench:checkin — check-ins/s through the full HTTP path against the
 * raw rate of durable single-row inserts into the same database, on SQLite
 * (temp file, WAL, synchronous=FULL) and on PostgreSQL (a throw-away database
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set). The HTTP path is
 * measured twice: one transaction per check-in, then with group commit.
 *
 * Env: BENCH_SECONDS (per HTTP phase, default 15), BENCH_RAW_SECONDS (8),
 * BENCH_CONCURRENCY (32), BENCH_EMPLOYEES (per HTTP phase, 30000), BENCH_GROUP_PARALLEL
 * (batches committing at once, default 1), BENCH_ENGINES (e.g. "postgres").
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { type Kysely, sql } from "kysely";
import { buildApp } from "../server/app.js";
import type { Engine } from "../server/config.js";
import type { Database } from "../server/db/database.js";
import { newId } from "../server/db/ids.js";
import { migrateToLatest } from "../server/db/migrate.js";
import type { DB } from "../server/db/schema.js";
import type { CheckinTable } from "../server/db/schema-logbook.js";
import { hashToken } from "../server/modules/auth/service.js";
import { ensureCalendarData } from "../server/modules/logbook/calendar/ensure.js";
import { checkinCommitter, configureCheckinCommit } from "../server/modules/logbook/checkin/group-commit.js";
import { openThrowawayDatabase } from "./throwaway-db.js";

const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RAW_SECONDS = Number(process.env.BENCH_RAW_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PER_PHASE = Number(process.env.BENCH_EMPLOYEES ?? 30_000);
const WARMUP = 1_000;
const MONAS = { lat: -6.1754, lng: 106.8272 };

type BenchDB = DB & { bench_checkins: CheckinTable };
interface Session {
  token: string;
  csrf: string;
}
interface World {
  agencyId: string;
  unitId: string;
  employeeIds: string[];
  sessions: Session[];
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

/** An agency, a unit with an office, and employees each with an account and a live session. */
async function seed(db: Kysely<DB>, count: number): Promise<World> {
  const at = new Date().toISOString();
  const stamps = { created_at: at, updated_at: at };
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const [agencyId, unitId] = [newId(), newId()];
  await db
    .insertInto("agencies")
    .values({ id: agencyId, code: "BENCH", name: "Instansi Bench", timezone: "Asia/Jakarta", ...stamps })
    .execute();
  const unit = { id: unitId, agency_id: agencyId, parent_id: null, code: "BENCH", name: "Unit Bench", timezone: "Asia/Jakarta", path: `/${unitId}/`, depth: 0 };
  await db
    .insertInto("units")
    .values({ ...unit, ...stamps })
    .execute();
  const office = { id: newId(), agency_id: agencyId, unit_id: null, employee_id: null, kind: "office" as const, name: "Kantor Bench", ...MONAS, radius_m: 200 };
  await db
    .insertInto("places")
    .values({ ...office, polygon: null, status: "approved", decided_by: null, decided_at: at, created_by: null, ...stamps })
    .execute();
  const world: World = { agencyId, unitId, employeeIds: [], sessions: [] };
  for (let start = 0; start < count; start += 500) {
    const ids = Array.from({ length: Math.min(500, count - start) }, () => newId());
    const users = ids.map(() => newId());
    const sessions = ids.map(() => ({ token: randomBytes(24).toString("base64url"), csrf: randomBytes(18).toString("base64url") }));
    const person = { agency_id: agencyId, unit_id: unitId, position_id: null, email: null, phone: null, supervisor_id: null, birth_date: "1980-01-01" };
    const account = { email: null, password_hash: "!unset", must_change_password: 0, is_operator: 0, is_demo: 0, disabled: 0, locale: "id" };
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("employees")
        .values(
          ids.map((id, i) => ({
            ...{ id, ...person, nip: `1980${String(start + i).padStart(14, "0")}`, name: `Pegawai ${start + i}`, employment_type: "PNS" as const },
            ...{ status: "active" as const, gender: "M" as const, appointed_on: "2005-01", ...stamps },
          })),
        )
        .execute();
      await trx
        .insertInto("users")
        .values(users.map((id, i) => ({ id, employee_id: ids[i], display_name: `Pegawai ${start + i}`, ...account, password_changed_at: at, ...stamps })))
        .execute();
      const live = { ip: null, user_agent: null, created_at: at, last_seen_at: at, expires_at: expires };
      await trx
        .insertInto("sessions")
        .values(sessions.map((s, i) => ({ id: hashToken(s.token), user_id: users[i], csrf_token: s.csrf, ...live })))
        .execute();
    });
    world.employeeIds.push(...ids);
    world.sessions.push(...sessions);
  }
  return world;
}

/** A copy of the checkins table (columns, keys, indexes, references) to measure raw inserts against. */
async function createRawTable(database: Database): Promise<void> {
  const db = database.db;
  if (database.engine === "postgres") {
    await sql`create table bench_checkins (like checkins including all)`.execute(db);
    for (const [column, table] of [
      ["agency_id", "agencies"],
      ["unit_id", "units"],
      ["employee_id", "employees"],
    ]) {
      await sql.raw(`alter table bench_checkins add foreign key (${column}) references ${table} (id)`).execute(db);
    }
    return;
  }
  const ddl = await sql<{ sql: string }>`select sql from sqlite_master where tbl_name = 'checkins' and sql is not null order by type desc`.execute(db);
  for (const { sql: statement } of ddl.rows) await sql.raw(statement.replaceAll('"checkins', '"bench_checkins')).execute(db);
}

/** (a) Durable single-row inserts, one transaction each, one after another, into a table shaped like checkins. */
async function rawInserts(database: Database, world: World): Promise<number> {
  await createRawTable(database);
  const db = database.db.withTables<{ bench_checkins: CheckinTable }>() as unknown as Kysely<BenchDB>;
  const started = performance.now();
  const deadline = started + RAW_SECONDS * 1000;
  let n = 0;
  while (performance.now() < deadline) {
    const at = new Date().toISOString();
    const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(n / world.employeeIds.length))).toISOString().slice(0, 10);
    await db
      .insertInto("bench_checkins")
      .values({
        ...{ id: newId(), agency_id: world.agencyId, unit_id: world.unitId, employee_id: world.employeeIds[n % world.employeeIds.length], work_date: day },
        ...{ kind: "in" as const, mode: "WFO" as const, expected_mode: null, server_time: at, device_time: at, ...MONAS, accuracy_m: 12, position_error: null },
        ...{
          geofence: "office" as const,
          place_id: null,
          place_name: "Kantor Bench",
          distance_m: 0,
          minutes_off: 0,
          coords_purged_at: null,
          note: null,
          created_at: at,
        },
      })
      .execute();
    n += 1;
  }
  return rate(n, performance.now() - started);
}

/** The load generator runs in its own thread so that it does not share the server's event loop. */
const LOAD = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { port, sessions, concurrency, seconds, tag } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
const latencies = [];
let next = 0;
function post(s, i) {
  return new Promise((resolve) => {
    const lat = -6.1754 + (Math.random() - 0.5) * 0.002;
    const payload = JSON.stringify({ kind: "in", mode: "WFO", position: { lat, lng: 106.8272, accuracy: 12 }, deviceTime: new Date().toISOString() });
    const req = http.request({ host: "127.0.0.1", port, path: "/api/v1/me/checkins", method: "POST", agent, headers: {
      "content-type": "application/json", "content-length": Buffer.byteLength(payload),
      cookie: "abdi_session=" + s.token, "x-csrf-token": s.csrf, "idempotency-key": "bench-" + tag + "-" + i } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.end(payload);
  });
}
(async () => {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  async function client() {
    while (performance.now() < deadline && next < sessions.length) {
      const i = next++;
      const t0 = performance.now();
      const code = await post(sessions[i], i);
      latencies.push(performance.now() - t0);
      statuses[code] = (statuses[code] || 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
  agent.destroy();
  parentPort.postMessage({ elapsedMs, statuses, p50: pick(0.5), p99: pick(0.99) });
})();
`;

interface LoadResult {
  elapsedMs: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
}

function load(port: number, sessions: Session[], seconds: number, tag: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, { eval: true, workerData: { port, sessions, concurrency: CONCURRENCY, seconds, tag } });
    worker.once("message", (m: LoadResult) => resolve(m));
    worker.once("error", reject);
  });
}

async function httpPhase(database: Database, port: number, sessions: Session[], group: boolean, tag: string) {
  const parallel = process.env.BENCH_GROUP_PARALLEL ? { parallel: Number(process.env.BENCH_GROUP_PARALLEL) } : {};
  configureCheckinCommit(database.db, { group, ...parallel });
  const r = await load(port, sessions, HTTP_SECONDS, tag);
  const ok = r.statuses["201"] ?? 0;
  const stats = checkinCommitter(database.db)?.stats;
  const others = Object.entries(r.statuses).filter(([code]) => code !== "201");
  if (others.length) log(`  ${tag}: non-201 answers ${JSON.stringify(Object.fromEntries(others))}`);
  return { perSecond: rate(ok, r.elapsedMs), ok, p50: r.p50, p99: r.p99, avgBatch: stats?.batches ? stats.units / stats.batches : 1 };
}

async function benchEngine(engine: Engine) {
  const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-bench");
  try {
    await migrateToLatest(database.db, engine);
    await ensureCalendarData(database.db);
    const world = await seed(database.db, WARMUP + 2 * PER_PHASE);
    const raw = await rawInserts(database, world);
    const app = await buildApp({
      config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "bench" },
      database,
      logger: false,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      configureCheckinCommit(database.db, { group: false });
      await load(port, world.sessions.slice(0, WARMUP), 5, "warmup");
      const single = await httpPhase(database, port, world.sessions.slice(WARMUP, WARMUP + PER_PHASE), false, "single");
      const group = await httpPhase(database, port, world.sessions.slice(WARMUP + PER_PHASE), true, "group");
      const stored = await database.db
        .selectFrom("checkins")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { engine, raw, single, group, stored: Number(stored.n) };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

const available: Engine[] = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
const engines = available.filter((e) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(",").includes(e));
log(
  `check-in bench: ${CONCURRENCY} concurrent keep-alive clients, ≤ ${HTTP_SECONDS} s per HTTP phase, ${RAW_SECONDS} s of raw inserts, ${os.cpus().length} CPUs`,
);
for (const engine of engines) {
  const r = await benchEngine(engine);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  log(`\n${engine}`);
  log(`  (a) raw durable single-row inserts/s        ${r.raw}`);
  log(
    `  (b) check-ins/s, one transaction each        ${r.single.perSecond}  (p50 ${ms(r.single.p50)}, p99 ${ms(r.single.p99)})  ratio ${(r.single.perSecond / r.raw).toFixed(2)}`,
  );
  log(
    `  (b) check-ins/s, group commit               ${r.group.perSecond}  (p50 ${ms(r.group.p50)}, p99 ${ms(r.group.p99)}, ${r.group.avgBatch.toFixed(1)} per commit)  ratio ${(r.group.perSecond / r.raw).toFixed(2)}`,
  );
  log(`  rows stored ${r.stored} = warm-up + ${r.single.ok} + ${r.group.ok} answered 201`);
}
