import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBInstance } from '@duckdb/node-api';
import { print } from '../sql/print.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { changesSince, dataVersion, lastBatch } from '../workspace/data-version.ts';
import { readMeta, writeMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * How the per-customer stores (the customer directory, directory.ts; the timeline store, stores.ts) are kept up
 * to date: rebuilt in full, or updated in proportion to what changed when that gives exactly the rows a full
 * rebuild would.
 *
 * A store is a table of rows about customers, sorted by k = hash(customer_id), so one customer's rows sit in one
 * or two row groups and a lookup by k skips the others by their min/max (a hash, because ids often share long
 * prefixes and DuckDB keeps only a prefix of a text column's min/max). Its version (meta `<table>_version`) is
 * the data version of its sources (workspace/data-version.ts), a digest of the SQL that builds it (the code, and
 * whatever the SQL takes from the config and the data: the activity basis, the currency plan, the churn
 * definition) and what else its rows depend on (the directory: the config and the day); it is read only while
 * that version is the one the data gives now. Beside it (`<table>_build`) each refresh records that version, the
 * last import batch it reflects and the rows appended since the last full build.
 *
 * Why an update is right. A store's rows for a customer are a function of that customer's own rows in its
 * sources, given what the version holds besides the data (a timeline event is one source row's; a directory row
 * is one customer's). An update is taken only when
 * - the version is unchanged but for the data: same SQL digest, config and day;
 * - the batches since the recorded one explain every difference in the sources (changesSince: the data epoch
 *   unchanged, their net rows adding up, their stamps) and only inserted rows (altered 0): no row the store was
 *   built from has changed or gone, so the rows built from them stand;
 * - the exchange rates did not change: a rate converts amounts of rows already stored;
 * - the new rows have the store's columns (an import can add a column to customers, which the directory holds).
 * The rows to add are then the store's rows for what the batches inserted, each inserted row carrying its batch
 * (`_batch > since`): the timeline adds the events of the new rows, the directory replaces the rows of every
 * customer with a new row in its sources.
 *
 * Everything runs in one transaction: the last batch, the version and the rows are read from one snapshot, so the
 * record says exactly which rows the store holds (a batch committed meanwhile is neither half read nor read
 * twice: appending is not idempotent, unlike a rollup's months); and the rows, the version and the record change
 * together, so an interrupted refresh leaves the old store under its old version, stale and therefore unread.
 * The full rebuild stays the fallback and the oracle: store-refresh.test.ts compares both after random imports.
 */

/**
 * How many rows may have been appended since a store's last full build: the larger of a tenth of its rows and one
 * row group. Appended rows land after the k-sorted ones, in row groups that span every k, so a lookup by k reads
 * every one of them (DuckDB skips a row group only by its min/max): a lookup costs about one row group more per
 * ROW_GROUP rows appended. Past the limit the refresh writes the store again sorted (update). At a tenth, an import
 * of 1 % of the rows is appended nine times in ten and rebuilt the tenth, and a lookup in the 100M-row timeline
 * reads the k column of at most some 80 extra row groups; below one row group (a directory of up to 1.2M
 * customers, any small store) a lookup reads at most one more.
 */
export const APPENDED_SHARE = 0.1;
/** Rows in a DuckDB row group (its default row_group_size), the unit a lookup reads or skips. */
const ROW_GROUP = 122_880;

/** A per-customer store: its table and how its rows are computed. */
export interface StoreDef {
  /** The table; its meta entries are `<table>_version` and `<table>_build`. */
  table: string;
  /** Entity tables its rows come from (exchange rates included when it converts amounts). */
  sources: readonly string[];
  /**
   * Its rows with a customer_id column (k is added): all of them (since null), or those for what the import
   * batches after `since` inserted, when they only inserted.
   */
  rows(ws: Workspace, since: number | null): Promise<Sql>;
  /**
   * Whether a customer's new rows replace theirs (the directory: one row per customer) or join them (the
   * timeline: a customer's new events beside the old).
   */
  replaces: boolean;
  /** What else its rows depend on, in its version (the directory: the config and the day). */
  depends?: (ws: Workspace) => unknown[];
}

/** What a refresh did to one store. */
export interface StoreRefresh {
  /** 'built' (in full), 'updated' (rows added for what the batches since its last refresh inserted) or 'fresh'. */
  action: 'built' | 'updated' | 'fresh';
  /** Customers whose rows were written; null when built (all of them). */
  customers: number | null;
  /** Rows written (built: all of them). */
  rows: number;
  seconds: number;
  /** The version the store now reflects. */
  version: string;
}

/** What a refresh records beside the store's version (`<table>_build`). */
interface BuildRecord extends StoreBuild {
  version: string;
  appended: number;
}

/**
 * How a store got to what it holds: `base` names its last full build (new at each), `batch` the last import
 * batch it reflects. Between two records of the same base the store was only updated, so a customer's rows
 * changed only if a batch between their batches named the customer: what views built from the store patch
 * themselves by (the served 360s, customers/served.ts; the search index, search-index.ts).
 */
export interface StoreBuild {
  base: string;
  batch: number;
}

/**
 * The customers named by rows that the import batches after `batch` wrote to `tables` (each naming the customer in
 * `customer`, customer_id by default): whose rows in a store, or a view of one, an update replaces.
 * @example writtenSince([{ table: 'orders' }], 41) // SELECT customer_id FROM orders WHERE _batch > 41
 */
export const writtenSince = (tables: readonly { table: string; customer?: string }[], batch: number): Sql =>
  sql.join(
    tables.map(
      (t) =>
        sql`SELECT ${sql.id(t.customer ?? 'customer_id')} AS customer_id FROM ${sql.id(t.table)} WHERE _batch > ${batch}`,
    ),
    sql` UNION `,
  );

export const versionKey = (table: string): string => `${table}_version`;
const buildKey = (table: string) => `${table}_build`;
/** The store's rows as written: k first, sorted by it. */
const sorted = (rows: Sql) => sql`SELECT hash(customer_id) AS k, * FROM (${rows}) r ORDER BY k`;

/**
 * The version a store must carry to be read now: its sources' data version, the digest of the SQL that builds it
 * (text and values), and what else it depends on.
 * @example await storeVersion(ws, timelineStore) // '["{\"orders_rows\":…}","9f2c…"]'
 */
export async function storeVersion(ws: Workspace, def: StoreDef): Promise<string> {
  const data = await dataVersion(ws.db, def.sources);
  const depends = def.depends?.(ws) ?? [];
  // Writing the SQL takes queries of its own (the directory's: the activity basis, the currencies present), and a
  // searching agent reads this version several times a second: the digest is kept while what it is made from (the
  // sources' data, the config, the day) is the same.
  const from = JSON.stringify([data, ws.config, depends, new Date().toISOString().slice(0, 10)]);
  const mine = digests.get(ws.db.instance) ?? new Map<string, { from: string; digest: string }>();
  digests.set(ws.db.instance, mine);
  let kept = mine.get(def.table);
  if (kept?.from !== from) {
    const { text, params } = print(sorted(await def.rows(ws, null)), ws.db.dialect);
    kept = {
      from,
      digest: createHash('sha256')
        .update(JSON.stringify([text, params]))
        .digest('hex'),
    };
    mine.set(def.table, kept);
  }
  return JSON.stringify([data, kept.digest, ...depends]);
}

/** Per database and store: the digest of the SQL that builds it, and what it was written from (storeVersion). */
const digests = new WeakMap<DuckDBInstance, Map<string, { from: string; digest: string }>>();

/** Whether the store reflects the data now. */
export async function storeCurrent(ws: Workspace, def: StoreDef): Promise<boolean> {
  return (await readMeta(ws, versionKey(def.table))) === (await storeVersion(ws, def));
}

/**
 * Whether the store can be updated from `kept` to `version`: the same version but for the data, and batches
 * that only inserted rows, none of them rates (module comment).
 */
async function onlyInserted(ws: Workspace, def: StoreDef, kept: BuildRecord, version: string): Promise<boolean> {
  const [was, ...wasRest] = JSON.parse(kept.version) as [string, ...unknown[]];
  const [now, ...nowRest] = JSON.parse(version) as [string, ...unknown[]];
  if (JSON.stringify(wasRest) !== JSON.stringify(nowRest)) return false;
  const changed = await changesSince(ws.db, kept.batch, was, now, def.sources);
  return !!changed && !changed.has('exchange_rates') && [...changed.values()].flat().every((c) => c.altered === 0);
}

/**
 * Add the rows for what the batches after `kept.batch` inserted (a customer's replacing theirs when the store
 * replaces); null, having written nothing, when they do not fit (other columns). When appending them would leave
 * more rows out of order than APPENDED_SHARE allows, the store is written again sorted from its kept rows and the
 * new ones (`resorted`): the rows a full build gives, without computing again those of the customers the batches
 * did not touch (the directory's statuses of a million customers: seconds of both cores, which agents' writes
 * wait behind), and the same content, so views built from the store keep their lineage (StoreBuild).
 */
async function update(
  ws: Workspace,
  def: StoreDef,
  kept: BuildRecord,
): Promise<{ customers: number; rows: number; resorted: boolean } | null> {
  const db = ws.db;
  const [table, staged] = [sql.id(def.table), `${def.table}_new`];
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(staged)} AS ${sorted(await def.rows(ws, kept.batch))}`);
  const [n] = await db.all<{ rows: number; customers: number; stored: number; same: boolean }>(sql`SELECT
      (SELECT count(*) FROM ${sql.id(staged)}) AS rows,
      (SELECT count(DISTINCT customer_id) FROM ${sql.id(staged)}) AS customers,
      (SELECT count(*) FROM ${table}) AS stored,
      (SELECT list(column_name || ' ' || data_type ORDER BY column_index) FILTER (WHERE table_name = ${def.table})
        = list(column_name || ' ' || data_type ORDER BY column_index) FILTER (WHERE table_name = ${staged})
        FROM duckdb_columns() WHERE table_name IN (${def.table}, ${staged})) AS same`);
  const [rows, customers] = [Number(n?.rows ?? 0), Number(n?.customers ?? 0)];
  const limit = Math.max(ROW_GROUP, APPENDED_SHARE * Number(n?.stored ?? 0));
  const resorted = kept.appended + rows > limit;
  if (n?.same === true) {
    const others = def.replaces
      ? sql`SELECT * FROM ${table} WHERE customer_id NOT IN (SELECT customer_id FROM ${sql.id(staged)})`
      : sql`SELECT * FROM ${table}`;
    if (resorted)
      await db.run(sql`CREATE OR REPLACE TABLE ${table} AS
        SELECT * FROM (${others} UNION ALL BY NAME SELECT * FROM ${sql.id(staged)}) r ORDER BY k`);
    else {
      if (def.replaces)
        await db.run(sql`DELETE FROM ${table} WHERE customer_id IN (SELECT customer_id FROM ${sql.id(staged)})`);
      await db.run(sql`INSERT INTO ${table} BY NAME SELECT * FROM ${sql.id(staged)} ORDER BY k`);
    }
  }
  await db.run(sql`DROP TABLE ${sql.id(staged)}`);
  return n?.same === true ? { customers, rows, resorted } : null;
}

/**
 * Bring one store up to date: 'fresh' when it reflects the data, 'updated' when only rows were inserted since it
 * was (module comment), 'built' in full otherwise or with `force`. One transaction.
 * @example await refreshStore(ws, timelineStore) // { action: 'updated', customers: 2950, rows: 3000, … }
 */
export async function refreshStore(
  ws: Workspace,
  def: StoreDef,
  opts: { force?: boolean } = {},
): Promise<StoreRefresh> {
  const t0 = performance.now();
  return ws.db.transaction(async () => {
    // The first read of the transaction's snapshot: the version and rows below are those of batches up to it.
    const batch = await lastBatch(ws.db);
    const version = await storeVersion(ws, def);
    const was = await readMeta(ws, versionKey(def.table));
    const done = async (
      action: StoreRefresh['action'],
      customers: number | null,
      rows: number,
      { appended, base }: { appended: number; base: string },
    ) => {
      if (action !== 'fresh') {
        await writeMeta(ws, versionKey(def.table), version);
        const record: BuildRecord = { version, batch, appended, base };
        await writeMeta(ws, buildKey(def.table), JSON.stringify(record));
      }
      return { action, customers, rows, seconds: (performance.now() - t0) / 1000, version };
    };
    const record = await readMeta(ws, buildKey(def.table));
    const kept = record ? (JSON.parse(record) as BuildRecord) : null;
    if (!opts.force && was === version) return done('fresh', 0, 0, { appended: 0, base: '' });
    const updatable = !opts.force && kept !== null && kept.version === was;
    const added = updatable && (await onlyInserted(ws, def, kept, version)) ? await update(ws, def, kept) : null;
    if (kept && added) {
      const appended = added.resorted ? 0 : kept.appended + added.rows;
      return done('updated', added.customers, added.rows, { appended, base: kept.base });
    }
    await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(def.table)} AS ${sorted(await def.rows(ws, null))}`);
    const [c] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(def.table)}`);
    return done('built', null, Number(c?.n ?? 0), { appended: 0, base: randomUUID() });
  });
}

/**
 * How the store at `table` got to what it holds (null before its first refresh, or for a record from before bases
 * were kept). Read it once the store is current: it describes the store, not the data.
 * @example await storeBuild(ws, 'customer_timeline') // { base: '5f1c…', batch: 42 }
 */
export async function storeBuild(ws: Workspace, table: string): Promise<StoreBuild | null> {
  const [record, version] = await Promise.all([readMeta(ws, buildKey(table)), readMeta(ws, versionKey(table))]);
  const kept = record ? (JSON.parse(record) as Partial<BuildRecord>) : null;
  if (!kept?.base || kept.version !== version || typeof kept.batch !== 'number') return null;
  return { base: kept.base, batch: kept.batch };
}
