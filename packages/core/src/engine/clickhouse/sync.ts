/**
 * Copy a DuckDB workspace's entity tables (and the case tables metrics read) into ClickHouse, through Parquet: DuckDB
 * writes each table to a temporary file and ClickHouse reads it back (chdb: file() on the absolute path; a server:
 * the file streamed as INSERT … FORMAT Parquet). Parquet carries the exact types — DECIMAL(18,4), microsecond
 * timestamps, dates, NULLs — so metric SQL on the copy gives the same results as on the workspace.
 *
 * A sync replaces the copy without a reader ever seeing a table empty or half loaded, in three steps:
 *  1. stage: every table is loaded into `<t>__staging`, made empty (a killed sync's staging tables are dropped
 *     first). Readers go on reading the previous copy, untouched.
 *  2. switch: the record (copy-record.ts) says ('switching', N); each live table is swapped with its staging
 *     table by EXCHANGE TABLES; the record says ('complete', N), last.
 *  3. clean: the staging names, which now hold the previous copy, are dropped.
 *
 * EXCHANGE TABLES swaps two names atomically (Atomic databases, ClickHouse's default, and chdb's default one; on a
 * cluster ON CLUSTER, server by server): a query sees the old table or the new one, never no table, never part of one.
 * The alternatives: DROP, CREATE and INSERT (what sync did before) shows an empty, then a growing table; RENAME
 * of the live table away and the staging one in is two steps with no table between them (and RENAME of several
 * tables is documented as not atomic); insert deduplication tokens make a retried INSERT idempotent, but do not
 * hide a batch while its blocks arrive, and a copy replaces rather than appends.
 * EXCHANGE swaps one pair: ClickHouse has no statement that swaps several at once. So while a sync switches
 * (milliseconds per table on one node, an ON CLUSTER round trip per table on a cluster), a reader may see some
 * tables of copy N and others of copy N − 1, each whole. Readers therefore check the record (`openClickHouse`,
 * `readCopy`) and refuse a copy being switched, or switched while they read (TEN_ENGINE_COPY_SWITCHING). A sync
 * killed while switching leaves the record at 'switching' until the next sync, which stages and swaps every table
 * again rather than finishing the killed one's swaps: that needs no memory of which swaps happened.
 * One sync at a time per copy: a second one would drop the first one's staging tables.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tenureError } from '../../errors.ts';
import { makeTempDir, releaseTempDir } from '../../ingest/temp.ts';
import { type EntityName, entities } from '../../schema/index.ts';
import { print } from '../../sql/print.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { clusterLayout } from './cluster.ts';
import type { ClickHouseConnection } from './connection.ts';
import { lastCopy, record, recordTable } from './copy-record.ts';
import { batchColumn, type ColumnDef, customerColumn, entityColumns, orderBy, typeFromDuckdb } from './ddl.ts';
import { clickhouseDialect } from './dialect.ts';
import { type CopyTable, type Layout, singleNode } from './layout.ts';

/**
 * Tables of our own that metrics read besides the entities (the case metrics and the churn taxonomy's
 * retaliatory mark), with their ClickHouse sort keys: created from the workspace's columns as they are, so a
 * column a later migration adds is copied without an edit here. Bookkeeping and access tables stay behind.
 */
export const copiedTables = {
  cases: ['customer_id', 'case_id'],
  case_events: ['case_id', 'version'],
  teams: ['team'],
  survey_answers: ['response_id', 'question_id'],
  exit_mappings: ['customer_id', 'churned_at'],
} as const satisfies Record<string, readonly string[]>;
export type CopiedTable = keyof typeof copiedTables;

export interface SyncOptions {
  /** Copy into the cluster layout of this cluster (cluster.ts) rather than one node's tables. */
  cluster?: string;
  /** Told after each step, and awaited: the kill test holds the sync at one (sync-kill.test.ts). */
  onProgress?: (p: SyncProgress) => void | Promise<void>;
}

export type SyncProgress =
  | { step: 'staged'; table: string; rows: number }
  | { step: 'switching'; version: number }
  | { step: 'swapped'; table: string }
  | { step: 'complete'; version: number };

export interface CopySummary {
  /** The copy's version: 1 for the first sync, one more for each sync that reached its switch. */
  version: number;
  /** The cluster it was laid out on, or null for one node. */
  cluster: string | null;
  /** Rows copied per table: the entities, then the tables of `copiedTables`. */
  rows: Record<EntityName | CopiedTable, number>;
  /** Attribute columns copied per entity (beyond the canonical fields and `_batch`). */
  attributes: Partial<Record<EntityName, string[]>>;
}

/** The table's columns in DuckDB order, typed for ClickHouse: canonical fields as declared, the rest from DuckDB. */
async function columnsOf(ws: Workspace, name: EntityName): Promise<{ columns: ColumnDef[]; extra: string[] }> {
  const declared = new Map(entityColumns(entities[name]).map((c) => [c.name, c]));
  declared.set(batchColumn.name, batchColumn);
  const described = await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(name)}`);
  const columns: ColumnDef[] = [];
  const extra: string[] = [];
  for (const d of described) {
    const known = declared.get(d.column_name);
    if (known) {
      columns.push(known);
      continue;
    }
    const type = typeFromDuckdb(d.column_type);
    if (!type)
      throw tenureError('TEN_INTERNAL', {
        detail: `cannot copy ${name}.${d.column_name} to ClickHouse: no mapping for DuckDB type ${d.column_type}`,
      });
    columns.push({ name: d.column_name, type });
    extra.push(d.column_name);
  }
  return { columns, extra };
}

/** A table of our own's columns, typed from DuckDB's; the sort key's not Nullable (a ClickHouse key may not be). */
async function ownColumns(ws: Workspace, name: CopiedTable, key: readonly string[]): Promise<ColumnDef[]> {
  const described = await ws.db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE ${sql.id(name)}`);
  return described.map((d) => {
    const type = typeFromDuckdb(d.column_type, !key.includes(d.column_name));
    if (!type)
      throw tenureError('TEN_INTERNAL', {
        detail: `cannot copy ${name}.${d.column_name} to ClickHouse: no mapping for DuckDB type ${d.column_type}`,
      });
    return { name: d.column_name, type };
  });
}

/** The sharding key of a table: its customer column when it is part of the sort key (so never NULL). */
const shardKey = (cust: string | undefined, key: readonly string[]) => (cust && key.includes(cust) ? cust : undefined);

/** Every table a sync copies, with its columns as the workspace has them now. */
async function tablesOf(ws: Workspace): Promise<{ tables: CopyTable[]; attributes: CopySummary['attributes'] }> {
  const tables: CopyTable[] = [];
  const attributes: CopySummary['attributes'] = {};
  for (const name of Object.keys(entities) as EntityName[]) {
    const { columns, extra } = await columnsOf(ws, name);
    if (extra.length) attributes[name] = extra;
    const key = orderBy(entities[name]);
    tables.push({ name, columns, orderBy: key, customer: shardKey(customerColumn(entities[name]), key) });
  }
  for (const [name, key] of Object.entries(copiedTables) as [CopiedTable, readonly string[]][]) {
    const columns = await ownColumns(ws, name, key);
    tables.push({ name, columns, orderBy: key, customer: shardKey('customer_id', key) });
  }
  return { tables, attributes };
}

const stagingOf = (t: CopyTable) => `${t.name}__staging`;

const layoutOf = (cluster: string | undefined): Layout => (cluster ? clusterLayout(cluster) : singleNode);

async function runAll(ch: ClickHouseConnection, statements: readonly Sql[]): Promise<void> {
  for (const s of statements) await ch.run(s);
}

/** Copy the rows of `t` into `into` through a Parquet file; the rows copied. */
async function load(ws: Workspace, ch: ClickHouseConnection, dir: string, t: CopyTable, into: string): Promise<number> {
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(t.name)}`);
  const n = count?.n ?? 0;
  if (!n) return 0;
  const file = join(dir, `${t.name}.parquet`);
  const names = t.columns.map((c) => c.name);
  await ws.db.run(sql`COPY (SELECT ${sql.ids(names)} FROM ${sql.id(t.name)}) TO ${file} (FORMAT parquet)`);
  await ch.insertParquet(into, names, file);
  rmSync(file, { force: true });
  return n;
}

/**
 * Replace the copy in ClickHouse with the workspace's entity tables, attribute columns included, and the tables of
 * our own that metrics read (`copiedTables`): staged, then swapped in table by table (see the file's comment).
 * With `cluster`, in that cluster's layout (cluster.ts), loaded through the Distributed tables.
 * @example const { version, rows } = await copyWorkspace(ws, await openClickHouse(target, { forSync: true }));
 */
export const copyWorkspace = (ws: Workspace, ch: ClickHouseConnection, opts: SyncOptions = {}): Promise<CopySummary> =>
  _copyWorkspace(ws, ch, layoutOf(opts.cluster), opts.onProgress);

/** copyWorkspace in any layout (the tests run the cluster layout as one chdb node can, cluster.ts). */
export async function _copyWorkspace(
  ws: Workspace,
  ch: ClickHouseConnection,
  layout: Layout,
  progress: NonNullable<SyncOptions['onProgress']> = () => undefined,
): Promise<CopySummary> {
  // A workspace kept in ClickHouse (record.ts) has empty entity tables here: a copy of them would be empty.
  if (ws.config.engine) throw tenureError('TEN_ENGINE_RECORD_UNSUPPORTED', { what: 'sync' });
  const { tables, attributes } = await tablesOf(ws);
  const made = await lastCopy(ch, 'complete');
  if (made && made.cluster !== layout.cluster)
    throw tenureError('TEN_ENGINE_COPY_LAYOUT', { recorded: made.cluster, asked: layout.cluster });
  const version = ((await lastCopy(ch))?.version ?? 0) + 1;
  await runAll(ch, layout.create(recordTable, recordTable.name));

  // Stage. Every live table exists first (empty if new), so that each switch is an EXCHANGE.
  for (const t of tables) await runAll(ch, [...layout.drop(t, stagingOf(t)), ...layout.create(t, t.name)]);
  const rows = {} as CopySummary['rows'];
  const dir = makeTempDir('sync');
  try {
    for (const t of tables) {
      await runAll(ch, layout.create(t, stagingOf(t)));
      const n = await load(ws, ch, dir, t, stagingOf(t));
      rows[t.name as keyof CopySummary['rows']] = n;
      await runAll(ch, layout.settle(t, stagingOf(t)));
      await progress({ step: 'staged', table: t.name, rows: n });
    }
  } finally {
    releaseTempDir(dir);
  }

  // Switch, between the two rows of the record.
  await record(ch, layout, version, 'switching');
  await progress({ step: 'switching', version });
  for (const t of tables) {
    await runAll(ch, layout.swap(t, stagingOf(t)));
    await progress({ step: 'swapped', table: t.name });
  }
  await record(ch, layout, version, 'complete');
  await progress({ step: 'complete', version });

  // Clean: the staging names hold the previous copy.
  for (const t of tables) await runAll(ch, layout.drop(t, stagingOf(t)));
  return { version, cluster: layout.cluster, rows, attributes };
}

/**
 * The statements that create the copy's tables (empty, IF NOT EXISTS) in the layout a sync with these options
 * makes, as ClickHouse text: for an operator to review or run before `tenure sync --cluster` (which runs them
 * itself). They hold no bound values; the columns are the workspace's as they are now.
 * @example (await copyDdl(ws, { cluster: 'tenure' })).join(';\n\n')
 */
export async function copyDdl(ws: Workspace, opts: Pick<SyncOptions, 'cluster'> = {}): Promise<string[]> {
  const layout = layoutOf(opts.cluster);
  const { tables } = await tablesOf(ws);
  return [...tables, recordTable].flatMap((t) => layout.create(t, t.name).map((s) => print(s, clickhouseDialect).text));
}
