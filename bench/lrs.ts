/**
 * npm run bench:lrs — the xAPI LRS over real HTTP on SQLite (temp file, WAL,
 * synchronous=FULL) and PostgreSQL (a throw-away database next to
 * BENCH_DATABASE_URL / TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test):
 * single-statement POSTs/s, statements/s in batches, filtered GETs/s
 * (agent + verb + since) over a loaded store, and a bare route for scale.
 *
 * Env: BENCH_SECONDS (per phase, default 10), BENCH_CONCURRENCY (32), BENCH_BATCH (50),
 * BENCH_LOAD (statements in the store before the GET phase, 50000), BENCH_ENGINES (e.g. "postgres"),
 * BENCH_PHASES (some of "single,batch,get" to measure only those, e.g. under a profiler).
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { buildApp } from "../server/app.js";
import type { Engine } from "../server/config.js";
import { newId } from "../server/db/ids.js";
import { migrateToLatest } from "../server/db/migrate.js";
import { insertClient } from "../server/modules/lrs/clients-repo.js";
import { openThrowawayDatabase } from "./throwaway-db.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const LOAD_TO = Number(process.env.BENCH_LOAD ?? 50_000);
const PHASES = new Set((process.env.BENCH_PHASES ?? "single,batch,get").split(","));
const AGENTS = 200;
const VERBS = 8;
/** Learning Locker on this machine (2 cores). */
const PEER = { single: 147, batch: 1750, get: 90 };

const log = (s: string) => process.stdout.write(`${s}\n`);

/** The load generator runs in its own thread so that it does not share the server's event loop. */
const LOAD = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const { port, auth, kind, concurrency, seconds, batch, agents, verbs, since, total } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
const latencies = [];
let sent = 0;
function statement(i) {
  return { id: randomUUID(), actor: { objectType: "Agent", mbox: "mailto:learner" + (i % agents) + "@bench.go.id" },
    verb: { id: "http://adlnet.gov/expapi/verbs/v" + (i % verbs), display: { "en-US": "verb " + (i % verbs) } },
    object: { objectType: "Activity", id: "https://abdi.go.id/xapi/activities/course/" + (i % 500), definition: { name: { "en-US": "Course" } } },
    result: { score: { scaled: 0.8 }, completion: true }, context: { registration: randomUUID(), platform: "bench" },
    timestamp: new Date().toISOString() };
}
function request(i) {
  let method = "GET", path = "/xapi/about", body = null;
  if (kind === "single") { method = "POST"; path = "/xapi/statements"; body = JSON.stringify(statement(i)); }
  if (kind === "batch") { method = "POST"; path = "/xapi/statements"; body = JSON.stringify(Array.from({ length: batch }, (_, j) => statement(i * batch + j))); }
  if (kind === "get") {
    const a = JSON.stringify({ mbox: "mailto:learner" + (i % agents) + "@bench.go.id" });
    path = "/xapi/statements?limit=20&agent=" + encodeURIComponent(a) + "&verb=" + encodeURIComponent("http://adlnet.gov/expapi/verbs/v" + (i % verbs)) + "&since=" + encodeURIComponent(since);
  }
  const headers = { authorization: auth, "x-experience-api-version": "2.0.0" };
  if (body) { headers["content-type"] = "application/json"; headers["content-length"] = Buffer.byteLength(body); }
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.end(body || undefined);
  });
}
(async () => {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  async function client() {
    while (performance.now() < deadline && (!total || sent < total)) {
      const i = sent++;
      const t0 = performance.now();
      const code = await request(i);
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

interface Phase {
  kind: "about" | "single" | "batch" | "get";
  seconds: number;
  total?: number;
  batch?: number;
  since?: string;
}

function load(port: number, auth: string, p: Phase): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const workerData = { port, auth, concurrency: CONCURRENCY, agents: AGENTS, verbs: VERBS, batch: BATCH, since: "", total: 0, ...p };
    const worker = new Worker(LOAD, { eval: true, workerData });
    worker.once("message", (m: LoadResult) => resolve(m));
    worker.once("error", reject);
  });
}

interface Figure {
  perSecond: number;
  p50: number;
  p99: number;
}

function figure(r: LoadResult, ok: string, per = 1): Figure {
  const others = Object.entries(r.statuses).filter(([code]) => code !== ok);
  if (others.length) log(`  non-${ok} answers: ${JSON.stringify(Object.fromEntries(others))}`);
  return { perSecond: Math.round(((r.statuses[ok] ?? 0) * per * 1000) / r.elapsedMs), p50: r.p50, p99: r.p99 };
}

async function benchEngine(engine: Engine) {
  const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-bench-lrs");
  try {
    await migrateToLatest(database.db, engine);
    const at = new Date().toISOString();
    const agencyId = newId();
    await database.db
      .insertInto("agencies")
      .values({ id: agencyId, code: "BENCH", name: "Instansi Bench", timezone: "Asia/Jakarta", created_at: at, updated_at: at })
      .execute();
    const c = await insertClient(database.db, { agencyId, name: "bench", scopes: ["all"], createdBy: null });
    const auth = `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString("base64")}`;
    const app = await buildApp({
      config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "bench" },
      database,
      logger: false,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await load(port, auth, { kind: "single", seconds: 2 });
      const about = figure(await load(port, auth, { kind: "about", seconds: SECONDS }), "200");
      const skipped: Figure = { perSecond: 0, p50: 0, p99: 0 };
      const single = PHASES.has("single") ? figure(await load(port, auth, { kind: "single", seconds: SECONDS }), "200") : skipped;
      const batch = PHASES.has("batch") ? figure(await load(port, auth, { kind: "batch", seconds: SECONDS }), "200", BATCH) : skipped;
      const count = async () =>
        Number(
          (
            await database.db
              .selectFrom("lrs_statements")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      if (!PHASES.has("get")) return { engine, about, single, batch, get: skipped, stored: await count() };
      const have = await count();
      if (have < LOAD_TO) await load(port, auth, { kind: "batch", seconds: 600, batch: 250, total: Math.ceil((LOAD_TO - have) / 250) });
      // A running store is vacuumed and analysed by autovacuum (the fact table is tuned to be visited often: its
      // visibility map lets filters read the index alone); tables loaded seconds ago are not yet, and PostgreSQL
      // then plans the filter blind. Measure the running state.
      if (engine === "postgres") await sql`vacuum analyze lrs_statements, lrs_statement_facts`.execute(database.db);
      const since = new Date(Date.now() - 3_600_000).toISOString();
      const get = figure(await load(port, auth, { kind: "get", seconds: SECONDS, since }), "200");
      return { engine, about, single, batch, get, stored: await count() };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL) process.env.BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
const engines = (["sqlite", "postgres"] as Engine[]).filter((e) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(",").includes(e));
log(
  `LRS bench: ${CONCURRENCY} concurrent keep-alive clients, ${SECONDS} s per phase, batches of ${BATCH}, GETs over ≥ ${LOAD_TO} statements, ${os.cpus().length} CPUs`,
);
const results = [];
for (const engine of engines) {
  log(`${engine}…`);
  results.push(await benchEngine(engine));
}
const pad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (f: Figure) => `${f.p50.toFixed(1)}/${f.p99.toFixed(1)}`;
log("");
log(`${"engine".padEnd(9)}${pad("measure", 22)}${pad("per second", 12)}${pad("p50/p99 ms", 14)}${pad("vs peer", 10)}${pad("vs bare", 10)}`);
for (const r of results) {
  const rows: [string, Figure, number | null][] = [
    ["bare GET /xapi/about", r.about, null],
    ["single POST", r.single, PEER.single],
    [`stmts in batches ${BATCH}`, r.batch, PEER.batch],
    ["filtered GET", r.get, PEER.get],
  ];
  for (const [name, f, peer] of rows) {
    const vsPeer = peer ? `${(f.perSecond / peer).toFixed(1)}×` : "";
    const vsBare = f === r.about ? "" : `${((f.perSecond / (f === r.batch ? BATCH : 1) / r.about.perSecond) * 100).toFixed(0)}%`;
    log(`${r.engine.padEnd(9)}${pad(name, 22)}${pad(f.perSecond, 12)}${pad(ms(f), 14)}${pad(vsPeer, 10)}${pad(vsBare, 10)}`);
  }
  log(`${r.engine.padEnd(9)}${pad("statements stored", 22)}${pad(r.stored, 12)}`);
}
log("peer (Learning Locker, same machine): 147 single POSTs/s, ~1,750 statements/s in batches of 100, ~90 filtered GETs/s. 'vs bare' compares requests/s.");
