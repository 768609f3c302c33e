import closeWithGrace from "close-with-grace";
import pino from "pino";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDatabase, DataDirInUseError } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { loadDemo } from "./demo/seed.js";
import { recurringJobs } from "./jobs.js";
import { ensureCalendarData } from "./modules/logbook/calendar/ensure.js";
import { registerLearningRecorder } from "./modules/lrs/recorder.js";
import { recoverInterruptedExports, settleExports } from "./modules/monitoring/exports/service.js";
import { recoverInterruptedImports, settleImports } from "./modules/org/import/service.js";
import { isSetUp } from "./modules/setup/service.js";
import { startScheduler } from "./platform/scheduler.js";

const started = performance.now();
const config = loadConfig();
const log = pino({ level: config.logLevel });

let database: ReturnType<typeof createDatabase>;
try {
  database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (err) {
  if (err instanceof DataDirInUseError) {
    log.fatal(err.message);
    process.exit(1);
  }
  throw err;
}

const applied = await migrateToLatest(database.db, database.engine);
if (applied.length) log.info({ applied }, "migrations applied");
await ensureCalendarData(database.db);
// On the embedded database this process is the only one, so every unfinished import was ours and died with us.
// On PostgreSQL another instance may still be running one, so only long-idle jobs are failed.
const recovered = await recoverInterruptedImports(database.db, database.engine === "postgres" ? { idleForMs: 60_000 } : {});
if (recovered) log.warn({ recovered }, "interrupted imports marked as failed");
const exportsFailed = await recoverInterruptedExports(database.db, database.engine === "postgres" ? { idleForMs: 120_000 } : { idleForMs: 0 });
if (exportsFailed.failed) log.warn({ failed: exportsFailed.failed }, "interrupted monitoring exports marked as failed");

if (config.demo && !(await isSetUp(database.db))) {
  log.info("loading demo data");
  // The demo's learning history goes into the LRS like any other learning fact.
  registerLearningRecorder();
  await loadDemo({ db: database.db, engine: database.engine, actor: null, requestId: null, ip: null, now: () => new Date() });
}

const app = await buildApp({ config, database });

const stopJobs = startScheduler(database.db, recurringJobs(database.engine), log);

closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
  if (err) log.error({ err }, "shutting down after an error");
  else log.info({ signal }, "shutting down");
  stopJobs();
  await app.close();
  await settleImports();
  await settleExports();
  await database.close();
});

await app.listen({ port: config.port, host: config.host });
log.info(
  {
    url: `http://localhost:${config.port}`,
    engine: database.engine,
    dataDir: database.engine === "sqlite" ? config.dataDir : undefined,
    demo: config.demo,
    startupMs: Math.round(performance.now() - started),
  },
  "Abdi is ready",
);
