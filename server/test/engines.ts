import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Engine } from "../config.js";
import { createDatabase, type Database } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";

/**
 * The engines every database test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. If it is set and unreachable the tests fail:
 * nothing is skipped silently.
 */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase extends Database {
  /** For PostgreSQL: the URL of the throw-away database. */
  url?: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const database = createDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(database.db, "sqlite");
    return { ...database, drop: () => database.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `abdi_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  const database = createDatabase({ databaseUrl: url });
  await migrateToLatest(database.db, "postgres");
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
