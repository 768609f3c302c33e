/**
 * npm run seed:scale -- --employees 100000 --days 60 [--seed 1] [--agency-code SKALA] [--no-today] [--keep-indexes]
 *
 * Generates a realistic agency with its recent logbook activity into the
 * database Abdi would open (DATABASE_URL, else the embedded database in
 * ABDI_DATA_DIR), migrating it first: a unit tree over three time zones,
 * employees with valid NIPs and SKP targets, and for each of the last N
 * workdays check-ins, health checks and daily reports with their activities;
 * today is added as a day under way. On PostgreSQL the plain indexes of the
 * daily tables are dropped during the load and built again at the end
 * (--keep-indexes to keep them). Ends by rebuilding the monitoring
 * rollups. Signs in as bench.leader@scale.abdi.go.id (agency-wide leader and
 * HR admin), password Bench-Abdi-2026.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.js";
import { createDatabase } from "../server/db/database.js";
import { migrateToLatest } from "../server/db/migrate.js";
import { DEFAULT_AGENCY_CODE, seedScale } from "./scale/seed.js";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "100000" },
    days: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
    "agency-code": { type: "string", default: DEFAULT_AGENCY_CODE },
    "no-today": { type: "boolean", default: false },
    "keep-indexes": { type: "boolean", default: false },
  },
});
const employees = Number(values.employees);
const days = Number(values.days);
if (!Number.isInteger(employees) || employees < 10 || !Number.isInteger(days) || days < 1) {
  process.stderr.write("--employees must be an integer ≥ 10 and --days an integer ≥ 1\n");
  process.exit(2);
}

const config = loadConfig();
const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const out = (s: string) => process.stdout.write(`${s}\n`);
try {
  await migrateToLatest(database.db, database.engine);
  out(`seeding ${employees.toLocaleString("en")} employees × ${days} workdays on ${database.engine} (${config.databaseUrl ? "DATABASE_URL" : config.dataDir})`);
  const r = await seedScale(database, {
    employees,
    days,
    seed: values.seed,
    agencyCode: values["agency-code"],
    withToday: !values["no-today"],
    keepIndexes: values["keep-indexes"],
    progress: true,
  });
  out(`agency ${r.agencyId}, root unit ${r.rootUnitId}, days ${r.from} … ${r.to}`);
  for (const [table, n] of Object.entries(r.counts)) out(`  ${table.padEnd(18)} ${n.toLocaleString("en").padStart(12)}`);
  out(`  ${"monitoring rollups".padEnd(18)} ${r.rollupRows.toLocaleString("en").padStart(12)}`);
  out(
    `organisation ${r.seconds.org.toFixed(1)} s, daily rows ${r.seconds.days.toFixed(1)} s (${r.rowsPerSecond.toLocaleString("en")} rows/s, of which ${r.seconds.indexes.toFixed(1)} s rebuilding indexes), rollups ${r.seconds.rollups.toFixed(1)} s`,
  );
  out(`sign in as ${r.leader.email} / ${r.leader.password} (leader and HR admin over the whole agency)`);
} finally {
  await database.close();
}
