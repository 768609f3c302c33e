import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Engine } from "../server/config.js";
import { createDatabase, type Database } from "../server/db/database.js";

/**
 * A database of the bench's own: a SQLite file (WAL, synchronous=FULL) in a
 * temporary folder, or a new PostgreSQL database next to BENCH_DATABASE_URL /
 * TEST_DATABASE_URL. `cleanup` closes it and removes it.
 */
export async function openThrowawayDatabase(engine: Engine, prefix: string): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    const database = createDatabase({ sqliteFile: path.join(dir, "bench.sqlite") });
    return {
      database,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
  const name = `${prefix.replace(/-/g, "_")}_${randomBytes(5).toString("hex")}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = createDatabase({ databaseUrl: url.toString() });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
