/**
 * The record of a ClickHouse copy's syncs, in the copy itself (`tenure_copy`): sync N writes ('switching', N)
 * once every table of the new copy is loaded, before it swaps the first one in, and ('complete', N) after the
 * last, so the record is written last. Tables are swapped one at a time (sync.ts says why), so while the
 * latest row says 'switching', some tables may hold copy N and others copy N − 1: readers refuse such a copy
 * (TEN_ENGINE_COPY_SWITCHING) rather than mix the two, before and after they read (`readCopy`). A copy with no
 * record (never synced, or synced by an earlier Tenure) is read as it is.
 *
 * The record is the sync's own bookkeeping, created by the sync like its staging tables (IF NOT EXISTS), not by
 * a workspace migration: the workspace has no such table. On a cluster it is replicated to every server (the
 * layout's table without a customer), so a reader on any server sees it, once replication has brought it.
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { tenureVersion } from '../../version.ts';
import type { ClickHouseConnection } from './connection.ts';
import type { CopyTable, Layout } from './layout.ts';

export const recordTable: CopyTable = {
  name: 'tenure_copy',
  columns: [
    { name: 'version', type: sql`UInt64` },
    { name: 'state', type: sql`LowCardinality(String)` },
    { name: 'at', type: sql`DateTime64(6, 'UTC')` },
    // '' on one node: a copy made on a cluster is synced on that cluster again (TEN_ENGINE_COPY_LAYOUT).
    { name: 'cluster', type: sql`String` },
    { name: 'tenure_version', type: sql`String` },
  ],
  orderBy: ['version', 'at'],
};

export type CopyState = 'switching' | 'complete';

export interface CopyRecord {
  version: number;
  state: CopyState;
  /** When the row was written, UTC, 'YYYY-MM-DD HH:MM:SS.ffffff'. */
  at: string;
  cluster: string | null;
}

/** The latest row of the record, or undefined when the copy has none. */
export async function lastCopy(ch: ClickHouseConnection, state?: CopyState): Promise<CopyRecord | undefined> {
  const [table] = await ch.all<{ n: number }>(
    sql`SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = ${recordTable.name}`,
  );
  if (!table?.n) return undefined;
  const [row] = await ch.all<{ version: number; state: CopyState; written: string; cluster: string }>(
    sql`SELECT version, state, toString(at) AS written, cluster FROM ${sql.id(recordTable.name)}
      ${state ? sql`WHERE state = ${state}` : sql``} ORDER BY version DESC, at DESC LIMIT 1`,
  );
  return row && { version: Number(row.version), state: row.state, at: row.written, cluster: row.cluster || null };
}

/** Write one row of the record (its table exists: sync.ts creates it through the layout first). */
export async function record(ch: ClickHouseConnection, layout: Layout, version: number, state: CopyState) {
  await ch.run(sql`INSERT INTO ${sql.id(recordTable.name)} (version, state, at, cluster, tenure_version)
    SELECT ${version}, ${state}, now64(6, 'UTC'), ${layout.cluster ?? ''}, ${tenureVersion}`);
}

/** The version of the copy a reader may read now (0: no record), or TEN_ENGINE_COPY_SWITCHING. */
export async function checkCopy(ch: ClickHouseConnection): Promise<number> {
  const last = await lastCopy(ch);
  if (last?.state === 'switching')
    throw tenureError('TEN_ENGINE_COPY_SWITCHING', { version: last.version, since: last.at.slice(0, 19) });
  return last?.version ?? 0;
}

/**
 * Run `read` on one copy: refused if the copy is being switched before it starts, or was switched (even
 * completely) while it ran, since its queries may then have read two copies.
 * @example const rows = await readCopy(ch, () => computeMetrics(ch, config, ['churn_rate'], query));
 */
export async function readCopy<T>(ch: ClickHouseConnection, read: () => Promise<T>): Promise<T> {
  const before = await checkCopy(ch);
  const result = await read();
  const after = await checkCopy(ch);
  if (after !== before) {
    const switched = await lastCopy(ch, 'switching');
    throw tenureError('TEN_ENGINE_COPY_SWITCHING', { version: after, since: (switched?.at ?? '').slice(0, 19) });
  }
  return result;
}
