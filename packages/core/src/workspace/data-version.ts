import type { Connection } from '../engine/engine.ts';
import { sql } from '../sql/sql.ts';

/** meta key of a token that writers outside the importer (the demo generator) replace after writing. */
const EPOCH_KEY = 'data_epoch';

/**
 * A token that changes whenever the rows of the given entity tables may have changed: per table the row count
 * and the last import batch written (every import stamps `_batch` on the rows it inserts or updates, and a
 * delete changes the count), plus the data epoch. Derived tables (the customer directory, metric rollups)
 * store the token they were built from and are used only while it matches. Cheap: counts and max() over
 * one column, about 40 ms for 100M rows.
 */
export async function dataVersion(db: Connection, tables: readonly string[]): Promise<string> {
  const cols = tables.map(
    (t) =>
      sql`(SELECT count(*) FROM ${sql.id(t)}) AS ${sql.id(`${t}_rows`)}, (SELECT max(_batch) FROM ${sql.id(t)}) AS ${sql.id(`${t}_batch`)}`,
  );
  const [row] = await db.all(
    sql`SELECT ${sql.join(cols)}, (SELECT max(value) FROM meta WHERE key = ${EPOCH_KEY}) AS ${sql.id(EPOCH_KEY)}`,
  );
  return JSON.stringify(row);
}

/** Mark every derived table stale: for writers that replace rows without an import batch. */
export async function bumpDataEpoch(db: Connection): Promise<void> {
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${EPOCH_KEY}, CAST(uuid() AS VARCHAR))`);
}

/** Per workspace folder: how many commits of entity rows core's writers have announced in this process. */
const announced = new Map<string, number>();

/**
 * Core's writers of entity rows (imports, which event batches go through; the demo) announce each commit, so a
 * reader that keeps a data version for a moment (customers/search.ts) reads it again at once after one.
 */
export function dataChanged(dir: string): void {
  announced.set(dir, (announced.get(dir) ?? 0) + 1);
}

/** The count of announced commits: a kept version read before the count moved is stale. */
export const dataChanges = (dir: string): number => announced.get(dir) ?? 0;
