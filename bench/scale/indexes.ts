import { CompiledQuery, type Kysely } from "kysely";
import type { Engine } from "../../server/config.js";
import type { DB } from "../../server/db/schema.js";

export interface IndexReport {
  dropped: number;
  rebuildSeconds: number;
}

/**
 * Runs a bulk load with the plain (non-constraint) indexes of `tables`
 * dropped, then creates them again from their saved definitions: building an
 * index once over all rows is far cheaper than updating it row by row.
 * Primary keys and unique constraints stay. PostgreSQL only; elsewhere `load`
 * just runs.
 */
export async function withoutSecondaryIndexes(
  db: Kysely<DB>,
  engine: Engine,
  tables: readonly string[],
  load: () => Promise<void>,
  onRebuild?: (index: string) => void,
): Promise<IndexReport> {
  if (engine !== "postgres") {
    await load();
    return { dropped: 0, rebuildSeconds: 0 };
  }
  const found = await db.executeQuery<{ name: string; definition: string }>(
    CompiledQuery.raw(
      `select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any($1)
          and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
      [[...tables]],
    ),
  );
  const indexes = found.rows;
  for (const ix of indexes) await db.executeQuery(CompiledQuery.raw(`drop index if exists "${ix.name}"`));
  let rebuildStart = 0;
  try {
    await load();
  } finally {
    rebuildStart = performance.now();
    for (const ix of indexes) {
      onRebuild?.(ix.name);
      await db.transaction().execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw("set local maintenance_work_mem = '256MB'"));
        await trx.executeQuery(CompiledQuery.raw(ix.definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")));
      });
    }
  }
  return { dropped: indexes.length, rebuildSeconds: (performance.now() - rebuildStart) / 1000 };
}
