import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import type { Entity } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';

/**
 * What one import batch changed in one entity table: the earliest date among the old and new values of the rows
 * it inserted, updated or deleted (null: a changed row had no date, so any month may have moved), the net rows
 * it added, and the rows it updated or deleted. Recorded with the batch (`import_batches.changes`), it lets a
 * metric rollup recompute only the months from `from` on (metrics/rollups/incremental.ts); `rows` lets the
 * rollup check that the batches it reads explain every row added or removed since it was built, and a batch
 * without `altered` rows only added some, so a per-customer minimum can be merged rather than recomputed.
 */
export interface TableChange {
  from: string | null;
  rows: number;
  altered: number;
}

/** A batch's changes by table; a table the batch did not change has no entry. */
export type BatchChanges = Record<string, TableChange>;

/**
 * Add one write to a batch's record (a batch can write a table twice: an upsert, then missing customers): rows
 * inserted, deleted and updated, dated from `from`; a write of none changed nothing.
 */
export function noteChange(
  all: BatchChanges,
  table: string,
  from: string | null,
  n: { inserted?: number; deleted?: number; updated?: number },
): void {
  const [inserted, deleted, updated] = [n.inserted ?? 0, n.deleted ?? 0, n.updated ?? 0];
  if (inserted + deleted + updated === 0) return;
  const was = all[table];
  const unknown = from === null || (was !== undefined && was.from === null);
  const earliest = was?.from && from && was.from < from ? was.from : from;
  all[table] = {
    from: unknown ? null : earliest,
    rows: (was?.rows ?? 0) + inserted - deleted,
    altered: (was?.altered ?? 0) + deleted + updated,
  };
}

/** The entity's date and time columns. */
export const dateFields = (e: Entity): string[] =>
  e.fields.filter((f) => f.type === 'timestamp' || f.type === 'date').map((f) => f.name);

/** Columns as TIMESTAMP, read from `alias` (a date is its midnight). */
export const asTimestamps = (alias: string, cols: readonly string[]): Sql[] =>
  cols.map((c) => sql`CAST(${sql.id(alias, c)} AS TIMESTAMP)`);

/** The earliest of some timestamps (NULLs ignored, NULL when all are), or NULL when there are none. */
export const earliest = (ts: Sql[]): Sql => (ts.length ? sql`least(${sql.join(ts)})` : sql`CAST(NULL AS TIMESTAMP)`);

/**
 * The earliest date of the rows `where` selects from `from`, and whether one of them has no date at all, in
 * text form ('YYYY-MM-DD HH:MM:SS'). `date` is each row's date expression.
 */
export async function earliestOf(
  db: DuckDbConnection,
  date: Sql,
  from: Sql,
): Promise<{ n: number; from: string | null }> {
  const [r] = await db.all<{ n: number; at: string | null; undated: number }>(
    sql`SELECT count(*) AS n, CAST(min(d) AS VARCHAR) AS at, count(*) FILTER (WHERE d IS NULL) AS undated
      FROM (SELECT ${date} AS d FROM ${from}) x`,
  );
  return { n: r?.n ?? 0, from: r && r.undated === 0 ? r.at : null };
}
