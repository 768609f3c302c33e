import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import type { Engine } from "../../server/config.js";
import type { DB } from "../../server/db/schema.js";

/** Rows of one table, every row with the same columns. */
export interface TableRows {
  table: keyof DB & string;
  rows: readonly object[];
}

/** Bind-parameter limit of SQLite (its default maximum, with room to spare); PostgreSQL binds one array per column. */
const MAX_PARAMS: Record<Engine, number> = { sqlite: 32_000, postgres: 65_000 };

export interface InserterOptions {
  /** Rows per INSERT statement at most (default 1000). */
  chunkRows?: number;
  /** Transactions in flight at once (PostgreSQL only; default 3). */
  parallel?: number;
  /**
   * PostgreSQL only: skip the foreign-key triggers inside these transactions
   * (session_replication_role = replica; needs a superuser). For generated
   * rows that are consistent by construction, it roughly halves the work.
   */
  skipForeignKeyChecks?: boolean;
  /** Called after each committed transaction with the rows it wrote. */
  onCommit?: (rows: number) => void;
}

/**
 * Writes generated rows with multi-row INSERTs, one transaction per call of
 * `write`; values always go as bind parameters. On PostgreSQL several transactions run at once while the
 * caller generates the next batch; on SQLite they run one after another.
 */
export class BatchInserter {
  private readonly texts = new Map<string, string>();
  private readonly types = new Map<string, Map<string, string>>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  private readonly chunkRows: number;
  private readonly parallel: number;
  rows = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
    private readonly opts: InserterOptions = {},
  ) {
    this.chunkRows = opts.chunkRows ?? 1000;
    this.parallel = engine === "postgres" ? Math.max(1, opts.parallel ?? 3) : 1;
  }

  /** Queues one transaction with these tables' rows, in the given order (parents first). */
  async write(batch: readonly TableRows[]): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.parallel) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const count = batch.reduce((n, b) => n + b.rows.length, 0);
    if (count === 0) return;
    const job = this.db
      .transaction()
      .execute((trx) => this.insertIn(trx, batch))
      .then(
        () => {
          this.rows += count;
          this.opts.onCommit?.(count);
        },
        (err: unknown) => {
          this.failure ??= err;
        },
      );
    const tracked = job.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Waits for every queued transaction; throws the first failure. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Writes the rows inside the caller's transaction (no queueing, no commit). */
  async insertIn(trx: Transaction<DB>, batch: readonly TableRows[]): Promise<void> {
    if (this.engine === "postgres" && this.opts.skipForeignKeyChecks) await trx.executeQuery(CompiledQuery.raw("set local session_replication_role = replica"));
    for (const { table, rows } of batch) {
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]);
      if (this.engine === "postgres") await this.unnestInsert(trx, table, columns, rows);
      else await this.valuesInsert(trx, table, columns, rows);
    }
  }

  /** SQLite: INSERT … VALUES (…), (…) with at most MAX_PARAMS bind parameters. */
  private async valuesInsert(trx: Transaction<DB>, table: string, columns: string[], rows: readonly object[]): Promise<void> {
    const size = Math.max(1, Math.min(this.chunkRows, Math.floor(MAX_PARAMS[this.engine] / columns.length)));
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size);
      const params: unknown[] = [];
      for (const row of part) {
        const values = row as Record<string, unknown>;
        for (const c of columns) params.push(values[c]);
      }
      await trx.executeQuery(CompiledQuery.raw(this.valuesText(table, columns, part.length), params));
    }
  }

  /**
   * PostgreSQL: INSERT … SELECT * FROM unnest($1::type[], …), one array per
   * column: the same rows as a multi-row VALUES, but a short statement to
   * parse whatever the row count, and one bind parameter per column.
   */
  private async unnestInsert(trx: Transaction<DB>, table: string, columns: string[], rows: readonly object[]): Promise<void> {
    const types = await this.columnTypes(trx, table);
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(",")}) select * from unnest(${columns
      .map((c, i) => {
        const type = types.get(c);
        if (!type) throw new Error(`${table}.${c}: no such column`);
        return `$${i + 1}::${type}[]`;
      })
      .join(",")})`;
    const size = this.chunkRows * 5;
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size) as Record<string, unknown>[];
      const params = columns.map((c) => part.map((row) => row[c] ?? null));
      await trx.executeQuery(CompiledQuery.raw(text, params));
    }
  }

  private async columnTypes(trx: Transaction<DB>, table: string): Promise<Map<string, string>> {
    let types = this.types.get(table);
    if (!types) {
      const r = await trx.executeQuery<{ name: string; type: string }>(
        CompiledQuery.raw(
          "select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped",
          [table],
        ),
      );
      types = new Map(r.rows.map((x) => [x.name, x.type]));
      this.types.set(table, types);
    }
    return types;
  }

  private valuesText(table: string, columns: string[], count: number): string {
    const key = `${table}|${columns.join(",")}|${count}`;
    let text = this.texts.get(key);
    if (!text) {
      const tuples: string[] = [];
      const marks = `(${columns.map(() => "?").join(",")})`;
      for (let r = 0; r < count; r++) tuples.push(marks);
      text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(",")}) values ${tuples.join(",")}`;
      this.texts.set(key, text);
    }
    return text;
  }
}

/** Whether this PostgreSQL session may skip foreign-key triggers (superuser). */
export async function canSkipForeignKeyChecks(db: Kysely<DB>, engine: Engine): Promise<boolean> {
  if (engine !== "postgres") return false;
  const r = await db.executeQuery<{ rolsuper: boolean }>(CompiledQuery.raw("select rolsuper from pg_roles where rolname = current_user"));
  return r.rows[0]?.rolsuper === true;
}

/** One line on stderr, rewritten in place: percent done and rows per second. */
export class Progress {
  private readonly started = performance.now();
  private last = 0;
  rows = 0;

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  add(rows: number): void {
    this.rows += rows;
  }

  show(fraction: number, detail = "", force = false): void {
    const now = performance.now();
    if (!force && now - this.last < 250) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.rows / seconds) : 0;
    const pct = (Math.min(1, fraction) * 100).toFixed(1).padStart(5);
    this.out.write(`\r${this.label} ${pct}%  ${this.rows.toLocaleString("en")} rows  ${rate.toLocaleString("en")} rows/s  ${detail}\x1b[K`);
  }

  done(detail = ""): { seconds: number; rate: number } {
    this.show(1, detail, true);
    this.out.write("\n");
    const seconds = (performance.now() - this.started) / 1000;
    return { seconds, rate: Math.round(this.rows / seconds) };
  }
}
