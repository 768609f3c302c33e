import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { toJson } from "../db/dialect.js";
import type { DB } from "../db/schema.js";

export interface RecurringJob {
  /** Stable name; also the lease key. */
  name: string;
  everyMs: number;
  run(db: Kysely<DB>, now: Date): Promise<unknown>;
}

const HOLDER = randomUUID();

/**
 * Takes the job's lease if it is free (one conditional write, so among several
 * instances exactly one wins), runs the job, records the result.
 */
export async function runIfDue(db: Kysely<DB>, job: RecurringJob, now: Date): Promise<{ ran: boolean; result?: unknown }> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + job.everyMs).toISOString();
  await db
    .insertInto("job_leases")
    .values({ name: job.name, locked_until: new Date(0).toISOString(), holder: null, last_started_at: null, last_finished_at: null, last_result: null })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const taken = await db
    .updateTable("job_leases")
    .set({ locked_until: until, holder: HOLDER, last_started_at: nowIso })
    .where("name", "=", job.name)
    .where("locked_until", "<=", nowIso)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return { ran: false };
  let result: unknown;
  try {
    result = await job.run(db, now);
  } catch (err) {
    result = { error: String(err) };
    await db
      .updateTable("job_leases")
      .set({ last_finished_at: new Date().toISOString(), last_result: toJson(result) })
      .where("name", "=", job.name)
      .execute();
    throw err;
  }
  await db
    .updateTable("job_leases")
    .set({ last_finished_at: new Date().toISOString(), last_result: toJson(result ?? null) })
    .where("name", "=", job.name)
    .execute();
  return { ran: true, result };
}

/** Checks every job once a minute; returns a stop function. */
export function startScheduler(db: Kysely<DB>, jobs: RecurringJob[], log: Logger, tickMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const job of jobs) {
      try {
        const r = await runIfDue(db, job, new Date());
        if (r.ran) log.info({ job: job.name, result: r.result }, "job finished");
      } catch (err) {
        log.error({ err, job: job.name }, "job failed");
      }
    }
    running = false;
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
