/**
 * npm run bench:learning -- [--courses 1000] [--enrolments 100000] [--employees 10000] [--seconds 10] [--concurrency 16]
 *
 * The learning catalog search and the learner dashboard through the full
 * HTTP path (the real app on port 0, learners with live sessions, keep-alive
 * clients in a thread of their own) against the best hand-written SQL
 * answering the same question on the same database through the same pool,
 * run as many times with as many in flight. Runs on SQLite (temp file) and,
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on a throw-away
 * PostgreSQL database too (BENCH_ENGINES=postgres picks one). Prints req/s,
 * median and p95 latency of each and the ratio HTTP / SQL, and checks that
 * HTTP and SQL give the same answer for a few samples.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { buildApp } from "../server/app.js";
import type { Engine } from "../server/config.js";
import type { Database } from "../server/db/database.js";
import { migrateToLatest } from "../server/db/migrate.js";
import { queryTerms } from "../server/modules/learning/search/stem.js";
import { LEARNER_PASSWORD, type LearningWorld, randomSource, type Session, seedLearning, TIMEZONE } from "./learning-seed.js";
import { openThrowawayDatabase } from "./throwaway-db.js";

const { values } = parseArgs({
  options: {
    courses: { type: "string", default: "1000" },
    enrolments: { type: "string", default: "100000" },
    employees: { type: "string", default: "10000" },
    sessions: { type: "string", default: "2000" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "16" },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const SAMPLES = 5;
const log = (s: string) => process.stdout.write(`${s}\n`);
const progress = (s: string) => process.stderr.write(`${s}\n`);

const QUERIES = [
  "pelayanan publik",
  "pengelolaan keuangan",
  "melayani",
  "penyusunan anggaran",
  "kepemimpinan",
  "arsip digital",
  "pengadaan barang jasa",
  "evaluasi kinerja pegawai",
];

interface SearchSpec {
  q: string;
  topic: string | null;
  page: number;
  pageSize: number;
}
interface Req {
  path: string;
  cookie: string;
}
interface Measured {
  count: number;
  elapsedMs: number;
  p50: number;
  p95: number;
  statuses: Record<string, number>;
}

/** The load generator runs in its own thread so that it does not share the server's event loop. */
const LOAD = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { port, requests, concurrency, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
const latencies = [];
let next = 0;
function get(r) {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: r.path, method: "GET", agent, headers: { cookie: r.cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}
(async () => {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  async function client() {
    while (performance.now() < deadline) {
      const r = requests[next++ % requests.length];
      const t0 = performance.now();
      const code = await get(r);
      latencies.push(performance.now() - t0);
      statuses[code] = (statuses[code] || 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
  agent.destroy();
  parentPort.postMessage({ count: next, elapsedMs, statuses, p50: pick(0.5), p95: pick(0.95) });
})();
`;

function httpLoad(port: number, requests: Req[], seconds: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, { eval: true, workerData: { port, requests, concurrency: CONCURRENCY, seconds } });
    worker.once("message", (m: Measured) => resolve(m));
    worker.once("error", reject);
  });
}

/** Exactly `count` calls, `CONCURRENCY` in flight, in the same order as the HTTP phase sent them. */
async function sqlLoad<T>(specs: T[], count: number, fn: (spec: T) => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < count) {
      const spec = specs[next++ % specs.length];
      const t0 = performance.now();
      await fn(spec);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { count, elapsedMs, p50: pick(0.5), p95: pick(0.95), statuses: {} };
}

const anyLike = (column: string, stems: string[]) =>
  sql`(${sql.join(
    stems.map((s) => sql`${sql.ref(column)} like ${`% ${s}%`}`),
    sql` or `,
  )})`;

/** The catalog question in one statement: the page of matching published courses, title matches first, and the total. */
async function rawSearch(database: Database, agencyId: string, spec: SearchSpec) {
  const terms = queryTerms(spec.q);
  const filters = [sql`agency_id = ${agencyId}`, sql`status = 'published'`];
  if (spec.topic) filters.push(sql`topic = ${spec.topic}`);
  for (const stems of terms) filters.push(anyLike("search_text", stems));
  const rank =
    terms.length === 0
      ? sql`0`
      : sql.join(
          terms.map((stems) => sql`case when ${anyLike("title_search", stems)} then 1 else 0 end`),
          sql` + `,
        );
  const where = sql.join(filters, sql` and `);
  const { rows } = await sql<{ id: string; title: string; rank: number; total: number }>`
    select id, code, title, summary, topic, competency, language, jp, published_at, ${rank} as rank, count(*) over () as total
    from courses where ${where}
    order by rank desc, published_at desc, id
    limit ${spec.pageSize} offset ${(spec.page - 1) * spec.pageSize}`.execute(database.db);
  if (rows.length > 0) return { ids: rows.map((r) => r.id), total: Number(rows[0].total) };
  const count = await sql<{ n: number }>`select count(*) as n from courses where ${where}`.execute(database.db);
  return { ids: [], total: Number(count.rows[0]?.n ?? 0) };
}

/** The dashboard question in one statement: the learner's enrolments with course, run, progress and deadline, and JP earned this year. */
async function rawDashboard(database: Database, employeeId: string, year: number) {
  const { rows } = await sql<{
    jp_year: number;
    id: string | null;
    status: string;
    progress_pct: number;
    due_on: string | null;
    course_title: string;
    course_jp: number;
    run_title: string;
  }>`
    select j.jp_year, e.id, e.status, e.progress_pct, e.due_on, e.completed_at, c.id as course_id, c.title as course_title, c.jp as course_jp,
      r.title as run_title, r.kind as run_kind
    from (select coalesce(sum(jp), 0) as jp_year from jp_ledger where employee_id = ${employeeId} and year = ${year}) j
    left join enrolments e on e.employee_id = ${employeeId} and e.status <> 'withdrawn'
    left join courses c on c.id = e.course_id
    left join course_runs r on r.id = e.run_id
    order by e.created_at desc`.execute(database.db);
  const enrolments = rows.filter((r) => r.id !== null);
  return { jp: Number(rows[0]?.jp_year ?? 0), enrolments };
}

async function getJson<T>(base: string, cookie: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

async function signIn(base: string, nip: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: nip, password: LEARNER_PASSWORD }),
  });
  if (res.status !== 204) throw new Error(`sign-in of ${nip} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("abdi_session="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0];
}

const searchPath = (s: SearchSpec) => {
  const p = new URLSearchParams({ page: String(s.page), pageSize: String(s.pageSize) });
  if (s.q) p.set("q", s.q);
  if (s.topic) p.set("topic", s.topic);
  return `/api/v1/learning/catalog?${p}`;
};

/** Queries (and a topic browse) with pages that exist, in a fixed random order. */
async function searchSpecs(database: Database, world: LearningWorld): Promise<SearchSpec[]> {
  const rnd = randomSource(7);
  const kinds: { q: string; topic: string | null }[] = [
    ...QUERIES.map((q) => ({ q, topic: null })),
    { q: "pelayanan", topic: "Pelayanan Publik" },
    { q: "", topic: "Keuangan" },
  ];
  const specs: SearchSpec[] = [];
  for (const k of kinds) {
    const { total } = await rawSearch(database, world.agencyId, { ...k, page: 1, pageSize: 20 });
    const pages = Math.max(1, Math.min(5, Math.ceil(total / 20)));
    for (let page = 1; page <= pages; page++) specs.push({ ...k, page, pageSize: 20 });
  }
  for (let i = specs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  return specs;
}

interface Row {
  name: string;
  http: Measured;
  raw: Measured;
  check: string;
}

interface CatalogPage {
  items: { id: string }[];
  total: number;
}
interface DashboardOut {
  jp: { year: number; earned: number };
  enrolments: { id: string; progressPct: number; dueOn: string | null; course: { title: string } }[];
}

async function benchEngine(engine: Engine): Promise<Row[]> {
  const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-bench-learning");
  try {
    progress(`\n${engine}: migrating and seeding …`);
    await migrateToLatest(database.db, engine);
    const seedOpts = {
      courses: Number(values.courses),
      enrolments: Number(values.enrolments),
      employees: Number(values.employees),
      sessions: Number(values.sessions),
    };
    const world = await seedLearning(database.db, seedOpts);
    await sql`analyze`.execute(database.db);
    progress(`${engine}: seeded ${JSON.stringify(world.counts)}`);
    const app = await buildApp({
      config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "bench" },
      database,
      logger: false,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    try {
      // A few learners sign in through the real login; the rest hold session rows written by the seed.
      const signedIn: Session[] = [];
      for (const l of world.learners.slice(0, 8)) signedIn.push({ employeeId: l.employeeId, cookie: await signIn(base, l.nip) });
      const sessions = [...signedIn, ...world.sessions];
      const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: TIMEZONE, year: "numeric" }).format(new Date()));
      const rows: Row[] = [];

      const specs = await searchSpecs(database, world);
      const searchReqs = specs.map((s, i) => ({ path: searchPath(s), cookie: sessions[i % sessions.length].cookie }));
      const mismatches: string[] = [];
      for (const [i, s] of specs.slice(0, SAMPLES * 2).entries()) {
        const h = await getJson<CatalogPage>(base, searchReqs[i].cookie, searchReqs[i].path);
        const r = await rawSearch(database, world.agencyId, s);
        const hIds = h.items.map((x) => x.id).join(",");
        if (h.total !== r.total || hIds !== r.ids.join(",")) mismatches.push(`"${s.q}" p${s.page}: total ${h.total}≠${r.total} or order differs`);
      }
      progress(`${engine}: catalog search (${specs.length} query pages) …`);
      await httpLoad(port, searchReqs, 2);
      const searchHttp = await httpLoad(port, searchReqs, SECONDS);
      const searchRaw = await sqlLoad(specs, searchHttp.count, (s) => rawSearch(database, world.agencyId, s));
      rows.push({ name: "catalog search", http: searchHttp, raw: searchRaw, check: mismatches.length ? `MISMATCH ${mismatches.join("; ")}` : "ok" });

      const rnd = randomSource(11);
      const learners = Array.from({ length: 4000 }, () => sessions[Math.floor(rnd() * sessions.length)]);
      const dashReqs = learners.map((s) => ({ path: "/api/v1/learning/me/dashboard", cookie: s.cookie }));
      const dashMismatches: string[] = [];
      for (const s of learners.slice(0, SAMPLES)) {
        const h = await getJson<DashboardOut>(base, s.cookie, "/api/v1/learning/me/dashboard");
        const r = await rawDashboard(database, s.employeeId, year);
        const key = (id: string | null, pct: number, due: string | null, title: string) => `${id}|${pct}|${due}|${title}`;
        const hKeys = h.enrolments.map((e) => key(e.id, e.progressPct, e.dueOn, e.course.title)).sort();
        const rKeys = r.enrolments.map((e) => key(e.id, e.progress_pct, e.due_on, e.course_title)).sort();
        const jp = Math.round(r.jp * 10) / 10;
        if (h.jp.year !== year || h.jp.earned !== jp || hKeys.join("\n") !== rKeys.join("\n")) {
          dashMismatches.push(`${s.employeeId}: jp ${h.jp.earned}≠${jp}, ${hKeys.length}≠${rKeys.length} enrolments`);
        }
      }
      progress(`${engine}: learner dashboard …`);
      await httpLoad(port, dashReqs, 2);
      const dashHttp = await httpLoad(port, dashReqs, SECONDS);
      const dashRaw = await sqlLoad(learners, dashHttp.count, (s) => rawDashboard(database, s.employeeId, year));
      rows.push({ name: "learner dashboard", http: dashHttp, raw: dashRaw, check: dashMismatches.length ? `MISMATCH ${dashMismatches.join("; ")}` : "ok" });

      const perLearner = await sql<{ n: number }>`select count(*) as n from enrolments where status <> 'withdrawn'`.execute(database.db);
      log(
        `\n${engine}: ${world.counts.courses.toLocaleString("en")} published courses, ${world.counts.enrolments.toLocaleString("en")} enrolments ` +
          `(${(Number(perLearner.rows[0]?.n ?? 0) / world.learners.length).toFixed(1)} on a learner's dashboard on average), ${world.counts.progress.toLocaleString("en")} lesson progress rows, ` +
          `${world.learners.length.toLocaleString("en")} employees; ${CONCURRENCY} in flight, ${SECONDS} s of HTTP, then as many SQL calls`,
      );
      return rows;
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

function printTable(rows: Row[]): void {
  const ms = (v: number) => `${v.toFixed(1)}`.padStart(8);
  const rps = (m: Measured) => Math.round((m.count * 1000) / m.elapsedMs);
  log(
    `${"".padEnd(18)} ${"requests".padStart(8)} ${"HTTP/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"SQL/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  ${"req/s SQL/HTTP".padStart(14)} ${"p50 HTTP/SQL".padStart(12)}  check`,
  );
  for (const r of rows) {
    const bad = Object.entries(r.http.statuses).filter(([code]) => code !== "200");
    const ratio = rps(r.raw) / Math.max(1, rps(r.http));
    const p50 = r.http.p50 / Math.max(0.001, r.raw.p50);
    const check = bad.length ? `${r.check}; non-200 ${JSON.stringify(Object.fromEntries(bad))}` : r.check;
    log(
      `${r.name.padEnd(18)} ${String(r.http.count).padStart(8)} ${String(rps(r.http)).padStart(7)} ${ms(r.http.p50)} ${ms(r.http.p95)} ${String(rps(r.raw)).padStart(7)} ${ms(r.raw.p50)} ${ms(r.raw.p95)}  ${`${ratio.toFixed(2)}×`.padStart(14)} ${`${p50.toFixed(2)}×`.padStart(12)}  ${check}`,
    );
  }
}

const available: Engine[] = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
const engines = available.filter((e) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(",").includes(e));
for (const engine of engines) printTable(await benchEngine(engine));
