import type { Connection } from '../engine/engine.ts';
import type { BatchChanges, TableChange } from '../ingest/changes.ts';
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

/**
 * The highest import batch recorded. A derived table built incrementally keeps it with its version, read before
 * its data (or in the same transaction), so a batch committed meanwhile is read again by the next update.
 */
export async function lastBatch(db: Connection): Promise<number> {
  const [r] = await db.all<{ b: number | null }>(sql`SELECT max(batch_id) AS b FROM import_batches`);
  return Number(r?.b ?? 0);
}

/** A data version parsed: per table `<t>_rows` and `<t>_batch`, and the data epoch. */
type Parsed = Record<string, number | string | null>;

/**
 * What the import batches after `since` did to `tables`, when they explain every difference between the data
 * versions `was` (read when a derived table was built, `since` being the last batch then) and `now`: per table
 * changed, the change each batch recorded (ingest/changes.ts). Null when they do not, and only a full rebuild is
 * right: the data epoch moved (a writer outside the importer), a batch without a record wrote, or a table's rows
 * or last stamp are not what its batches say (its net rows must add up, and its last stamp must be a batch's that
 * wrote it: a stamp no batch recorded is a writer outside the importer).
 * @example await changesSince(db, 41, built, await dataVersion(db, ['orders'])) // Map { 'orders' => [{ from, rows: 3, altered: 0 }] }
 */
export async function changesSince(
  db: Connection,
  since: number,
  was: string,
  now: string,
  tables: readonly string[],
): Promise<Map<string, TableChange[]> | null> {
  const [then, today] = [JSON.parse(was) as Parsed, JSON.parse(now) as Parsed];
  if (then[EPOCH_KEY] !== today[EPOCH_KEY]) return null;
  const batches = await db.all<{ id: number; changes: string | null }>(
    sql`SELECT batch_id AS id, changes FROM import_batches WHERE batch_id > ${since} ORDER BY batch_id`,
  );
  const parsed = batches.map((b) => ({
    id: Number(b.id),
    changes: b.changes ? (JSON.parse(b.changes) as BatchChanges) : null,
  }));
  const changed = new Map<string, TableChange[]>();
  for (const t of tables) {
    const rows = (v: Parsed) => Number(v[`${t}_rows`] ?? 0);
    const last = (v: Parsed) => (v[`${t}_batch`] === null ? null : Number(v[`${t}_batch`]));
    const writers = parsed.filter((b) => b.changes === null || b.changes[t] !== undefined);
    if (rows(then) === rows(today) && last(then) === last(today) && !writers.length) continue;
    if (writers.some((b) => b.changes === null)) return null;
    const changes = writers.map((b) => b.changes?.[t] as TableChange);
    if (rows(then) + changes.reduce((n, c) => n + c.rows, 0) !== rows(today)) return null;
    if (last(today) !== last(then) && !writers.some((b) => b.id === last(today))) return null;
    changed.set(t, changes);
  }
  return changed;
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
