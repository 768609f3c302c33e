import { setTimeout as after, setImmediate as nextTurn } from "node:timers";
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../../db/schema.js";
import type { TransactionRunner } from "../../../platform/idempotency.js";

type Work<T> = (trx: Transaction<DB>) => Promise<T>;

export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; err: unknown };

/**
 * Does several units of one kind at once, with fewer queries than one by one
 * (e.g. one multi-row insert for all of them). Answers one outcome per input,
 * in order. An input it answers with a failure must have written nothing; if
 * it throws, the whole batch is run again unit by unit.
 */
export type Merger<I, O> = (trx: Transaction<DB>, inputs: I[]) => Promise<Outcome<O>[]>;

/** A unit that a merger can do together with others of its kind. */
export interface Mergeable<I, O> {
  merger: Merger<I, O>;
  input: I;
}

interface Item {
  work: Work<unknown>;
  merge?: Mergeable<unknown, unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most units of work committed together. */
  maxBatch: number;
  /** Batches committing at the same time (SQLite has one connection: 1). */
  parallel: number;
  /**
   * How long a batch waits for more units before it starts (0: only the units
   * already read in this turn of the event loop). Like PostgreSQL's
   * commit_delay: a few milliseconds trade latency for fewer commits when the
   * arrivals are spread out.
   */
  waitMs?: number;
}

/**
 * Group commit: units of work that arrive while a commit is in progress are
 * run together in the next transaction, so many check-ins share one durable
 * commit (one fsync) instead of paying one each. A unit that fails is rolled
 * back alone and gets its own error; the others commit. Every caller is
 * answered only after the commit (or its failure), so nobody is told "saved"
 * before the data is durable. With no concurrency a batch holds a single unit
 * and nothing waits.
 */
export class GroupCommit {
  private queue: Item[] = [];
  private active = 0;
  private scheduled = false;
  /** Sizes of the batches committed so far (for measurements). */
  readonly stats = { batches: 0, units: 0, largest: 0, reruns: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: GroupCommitOptions = { maxBatch: 256, parallel: 1 },
  ) {}

  /**
   * Runs `work` in a shared transaction. With `merge`, units of the same merger
   * in one batch are done together by it; `work` still does the unit alone
   * when the batch has to be run again unit by unit.
   */
  run<T, I>(work: Work<T>, merge?: Mergeable<I, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, merge: merge as Mergeable<unknown, unknown> | undefined, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Starts a batch on the next turn of the event loop, so that the requests
   * already read in this turn join it. (On SQLite a commit blocks the loop, so
   * nothing can arrive during it: the batch forms here.) The timer comes from
   * node:timers, which tests that fake the global timers leave alone.
   */
  private schedule(): void {
    if (this.scheduled || this.active >= this.opts.parallel) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      this.launch();
    };
    const wait = this.opts.waitMs ?? 0;
    if (wait > 0) after(start, wait);
    else nextTurn(start);
  }

  private launch(): void {
    while (this.active < this.opts.parallel && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      this.active += 1;
      void this.commit(batch).finally(() => {
        this.active -= 1;
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /**
   * Runs one batch in one transaction and answers each of its units; never
   * throws. First optimistically, all units back to back; if any unit fails,
   * that transaction is rolled back and the batch runs again with a savepoint
   * around each unit, so that only the failing one fails. Units must therefore
   * do nothing outside the transaction (a check-in and its idempotency key).
   */
  private async commit(batch: Item[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.units += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    let outcomes: Outcome[];
    try {
      outcomes = (batch.length > 1 && (await this.optimistic(batch))) || (await this.careful(batch));
    } catch (err) {
      // The commit itself failed (or the lone unit did): nothing of this batch is stored.
      for (const item of batch) item.reject(err);
      return;
    }
    batch.forEach((item, i) => {
      const o = outcomes[i];
      if (o.ok) item.resolve(o.value);
      else item.reject(o.err);
    });
  }

  /**
   * All units in one transaction without savepoints, the units of each merger
   * together; null when a unit failed (all rolled back). A merger's answered
   * failures wrote nothing, so they do not fail the others.
   */
  private async optimistic(batch: Item[]): Promise<Outcome[] | null> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const out: Outcome[] = new Array(batch.length);
        const done = new Set<Merger<unknown, unknown>>();
        for (let i = 0; i < batch.length; i++) {
          const merger = batch[i].merge?.merger;
          if (!merger) {
            out[i] = { ok: true, value: await batch[i].work(trx) };
            continue;
          }
          if (done.has(merger)) continue;
          done.add(merger);
          const at = batch.flatMap((item, j) => (item.merge?.merger === merger ? [j] : []));
          const outcomes = await merger(
            trx,
            at.map((j) => batch[j].merge?.input),
          );
          at.forEach((j, k) => {
            out[j] = outcomes[k];
          });
        }
        return out;
      });
    } catch {
      this.stats.reruns += 1;
      return null;
    }
  }

  private careful(batch: Item[]): Promise<Outcome[]> {
    return this.db.transaction().execute(async (trx) => {
      // A lone unit needs no savepoint: its failure rolls back the transaction, which holds nothing else.
      if (batch.length === 1) return [{ ok: true, value: await batch[0].work(trx) }];
      const out: Outcome[] = [];
      for (const item of batch) out.push(await runInSavepoint(trx, item.work));
      return out;
    });
  }
}

async function runInSavepoint(trx: Transaction<DB>, work: Work<unknown>): Promise<Outcome> {
  await sql`savepoint group_unit`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release savepoint group_unit`.execute(trx);
    return { ok: true, value };
  } catch (err) {
    await sql`rollback to savepoint group_unit`.execute(trx);
    await sql`release savepoint group_unit`.execute(trx);
    return { ok: false, err };
  }
}

const committers = new WeakMap<Kysely<DB>, GroupCommit | null>();

/**
 * One batch at a time on both engines. Measured on PostgreSQL, several batches
 * in flight only made each smaller (3 units instead of 15) and slower; and
 * with one writer batch, two batches can never wait on each other's rows.
 */
export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxBatch: 256, parallel: 1 };

/** Turns group commit of check-ins on (the default) or off for a database, e.g. to measure both. */
export function configureCheckinCommit(db: Kysely<DB>, opts: { group: boolean } & Partial<GroupCommitOptions>): void {
  committers.set(db, opts.group ? new GroupCommit(db, { ...DEFAULT_GROUP_COMMIT, ...opts }) : null);
}

export function checkinCommitter(db: Kysely<DB>): GroupCommit | null {
  if (!committers.has(db)) committers.set(db, new GroupCommit(db, DEFAULT_GROUP_COMMIT));
  return committers.get(db) ?? null;
}

/** The transaction runner that joins the group commit (undefined when batching is off: one transaction per call). */
export function groupCommitRunner(db: Kysely<DB>): TransactionRunner | undefined {
  const committer = checkinCommitter(db);
  if (!committer) return undefined;
  return <R>(work: Work<R>) => committer.run(work);
}
