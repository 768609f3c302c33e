import type { Engine } from "../../config.js";
import type { RecurringJob } from "../../platform/scheduler.js";
import { recoverInterruptedExports } from "./exports/service.js";
import { refreshChangedRollups } from "./rollup/service.js";

const MINUTE = 60_000;

/** Recurring jobs of this module. */
export function monitoringJobs(_engine: Engine): RecurringJob[] {
  return [
    // Keeps monitoring_unit_days in step with check-ins, health checks and reports.
    { name: "monitoring.refresh_rollups", everyMs: MINUTE, run: (db, now) => refreshChangedRollups(db, now) },
    // Export jobs of a stopped instance (no progress for two minutes) are marked failed.
    { name: "monitoring.recover_exports", everyMs: MINUTE, run: (db, now) => recoverInterruptedExports(db, { idleForMs: 2 * MINUTE, now }) },
  ];
}
