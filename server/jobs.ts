import type { Engine } from "./config.js";
import { recoverStaleGenerations } from "./modules/arrangement/roster/generate.js";
import { purgeExpiredSessions } from "./modules/auth/service.js";
import { learningJobs } from "./modules/learning/jobs.js";
import { runRetention } from "./modules/logbook/privacy/retention.js";
import { sendReportReminders } from "./modules/logbook/reports/reminders.js";
import { deleteExpiredLaunchCredentials } from "./modules/lrs/clients-repo.js";
import { monitoringJobs } from "./modules/monitoring/jobs.js";
import { recoverInterruptedImports } from "./modules/org/import/service.js";
import type { RecurringJob } from "./platform/scheduler.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every recurring job of the platform. Each runs on one instance at a time (see platform/scheduler.ts). */
export function recurringJobs(engine: Engine): RecurringJob[] {
  const jobs: RecurringJob[] = [
    { name: "sessions.purge_expired", everyMs: HOUR, run: (db, now) => purgeExpiredSessions(db, now) },
    { name: "privacy.retention", everyMs: HOUR, run: (db, now) => runRetention(db, now) },
    { name: "logbook.report_reminders", everyMs: 30 * MINUTE, run: (db, now) => sendReportReminders(db, now) },
    // Roster generations left by a stopped instance (no progress for two minutes) are marked failed.
    { name: "arrangement.recover_generations", everyMs: MINUTE, run: (db, now) => recoverStaleGenerations(db, { idleForMs: 2 * MINUTE, now }) },
  ];
  jobs.push(...monitoringJobs(engine), ...learningJobs(engine));
  // Launch credentials of finished SCORM/cmi5 sessions are refused once expired; a day later they are removed.
  jobs.push({
    name: "lrs.purge_launch_credentials",
    everyMs: HOUR,
    run: (db, now) => deleteExpiredLaunchCredentials(db, new Date(now.getTime() - 24 * HOUR).toISOString()),
  });
  if (engine === "postgres") {
    // Imports of an instance that died are failed once they have been idle for a minute.
    jobs.push({ name: "imports.recover", everyMs: MINUTE, run: (db) => recoverInterruptedImports(db, { idleForMs: MINUTE }) });
  }
  return jobs;
}
