import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import type { Engine } from "../config.js";
import { type ColumnTypes, columnTypes } from "./dialect.js";
import { migrations } from "./migrations/index.js";

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, t: ColumnTypes): Promise<void>;
  down(db: Kysely<unknown>, t: ColumnTypes): Promise<void>;
}

function migrator(db: Kysely<unknown>, engine: Engine): Migrator {
  const t = columnTypes(engine);
  return new Migrator({
    db,
    provider: {
      async getMigrations() {
        return Object.fromEntries(migrations.map((m) => [m.name, { up: (d: Kysely<unknown>) => m.up(d, t), down: (d: Kysely<unknown>) => m.down(d, t) }]));
      },
    },
  });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const err = new Error(`migration ${failed?.migrationName ?? "?"} failed: ${String(result.error)}`);
    (err as Error & { cause?: unknown }).cause = result.error;
    throw err;
  }
}

/**
 * Runs every pending migration. Kysely's migrator runs them in one transaction
 * and, on PostgreSQL, under an advisory lock, so several instances starting at
 * once apply each migration exactly once.
 */
export async function migrateToLatest<T>(db: Kysely<T>, engine: Engine): Promise<string[]> {
  const result = await migrator(db as unknown as Kysely<unknown>, engine).migrateToLatest();
  check(result);
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

export async function migrateDownAll<T>(db: Kysely<T>, engine: Engine): Promise<void> {
  const { NO_MIGRATIONS } = await import("kysely");
  check(await migrator(db as unknown as Kysely<unknown>, engine).migrateTo(NO_MIGRATIONS));
}

/** Migrates up or down to the named migration (tests of a migration's data conversion). */
export async function migrateTo<T>(db: Kysely<T>, engine: Engine, name: string): Promise<void> {
  check(await migrator(db as unknown as Kysely<unknown>, engine).migrateTo(name));
}
