import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Engine } from "../config.js";
import type { DB } from "./schema.js";

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(dir: string) {
    super(`The data folder ${dir} is already in use by another Abdi process. Stop that process first, or set ABDI_DATA_DIR to another folder.`);
    this.name = "DataDirInUseError";
  }
}

// timestamptz -> ISO-8601 string, date -> 'YYYY-MM-DD', int8 -> number:
// the same shapes that SQLite returns, so code has one path.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file, { timeout: 200 });
  try {
    // Exclusive locking: the OS lock is held for the life of the connection,
    // so a second process fails at once instead of corrupting the WAL.
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    // Checkpoint when the WAL holds 8,000 pages (32 MB), not the default 1,000: a busy index page written by
    // several commits in a row is copied back to the database once, and a burst of writes is not slowed by a
    // checkpoint every commit (measured on the LRS: about 10% more statements per second).
    sqlite.pragma("wal_autocheckpoint = 8000");
    sqlite.pragma("foreign_keys = ON");
    // A page cache for a server, not the library's 2 MB default: index pages of busy tables
    // (check-ins, the LRS statement index) stay in memory instead of being re-read on every write.
    const cacheMb = Number(process.env.ABDI_SQLITE_CACHE_MB ?? 64);
    sqlite.pragma(`cache_size = -${(Number.isFinite(cacheMb) ? Math.max(2, Math.round(cacheMb)) : 64) * 1024}`);
    sqlite.pragma("temp_store = MEMORY");
    // Take the write lock now (not on the first write, minutes later).
    sqlite.exec("BEGIN IMMEDIATE; COMMIT;");
  } catch (err) {
    sqlite.close();
    const code = (err as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") throw new DataDirInUseError(path.dirname(file));
    throw err;
  }
  return sqlite;
}

const postgresUrls = new WeakMap<Kysely<DB>, string>();

/** The connection URL of a PostgreSQL database, for the few features that need a dedicated connection (LISTEN). */
export function postgresUrlOf(db: Kysely<DB>): string | undefined {
  return postgresUrls.get(db);
}

export function createDatabase(opts: { databaseUrl?: string; dataDir?: string; sqliteFile?: string }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: Number(process.env.ABDI_PG_POOL ?? 10),
      // Monitoring aggregates over large scopes have high plan costs, and PostgreSQL would JIT-compile
      // them: that compilation alone took longer than running the query. Abdi's queries are short; no JIT.
      options: "-c jit=off",
    });
    pool.on("connect", preparedStatements);
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it. Health checks report the outage.
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    postgresUrls.set(db, opts.databaseUrl);
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  let file = opts.sqliteFile;
  if (!file) {
    if (!opts.dataDir) throw new Error("dataDir or databaseUrl is required");
    fs.mkdirSync(opts.dataDir, { recursive: true });
    file = path.join(opts.dataDir, "abdi.sqlite");
  }
  const sqlite = openSqlite(file);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    engine: "sqlite",
    async close() {
      await db.destroy();
      // Kysely opens its connection lazily; close the handle ourselves so the lock is released.
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * SQL text that starts with this comment runs as a named prepared statement on
 * PostgreSQL: planned once per connection instead of on every call. For hot
 * queries whose best plan does not depend on their parameters (a generic plan
 * cannot know how many rows a value has). Only for SQL texts of a bounded
 * number of shapes: each one stays prepared on every connection. SQLite
 * ignores the comment (its statements are cached anyway).
 */
export const PREPARED = "/* prepared */ ";

const preparedNames = new Map<string, string>();

function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown, cb?: unknown) => unknown;
  const wrapped = (config: unknown, values?: unknown, cb?: unknown) => {
    if (typeof config !== "string" || !config.startsWith(PREPARED)) return query(config, values, cb);
    let name = preparedNames.get(config);
    if (!name) {
      name = `abdi_${createHash("sha1").update(config).digest("hex").slice(0, 24)}`;
      preparedNames.set(config, name);
    }
    return query({ name, text: config }, values, cb);
  };
  client.query = wrapped as unknown as typeof client.query;
}

/**
 * Kysely prepares every query anew; preparing is the largest cost of a small
 * query on SQLite. The same SQL text reuses its prepared statement (an LRU of
 * a few hundred). Safe because better-sqlite3 runs each statement to the end
 * before the next one starts (no statement is iterated while reused).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}
