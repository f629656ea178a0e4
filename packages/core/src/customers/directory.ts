import type { DuckDBInstance } from '@duckdb/node-api';
import { sql } from '../sql/sql.ts';
import { dataVersion } from '../workspace/data-version.ts';
import { readMeta, writeMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { statusRows } from './status.ts';

/**
 * The customer directory: per customer, the lower-cased id and name to search in, the status now and the
 * current MRR. Statuses come from every customer's activity spans, seconds of work for a million customers,
 * and lower-casing a million names is most of a search; so lists read this table, rebuilt only when what
 * it reflects changes: the rows (count and last import batch) of the tables statuses derive from, the
 * config (churn definition) and the day (statuses are as of today).
 */
export const DIRECTORY = 'customer_directory';
export const DIRECTORY_VERSION_KEY = 'customer_directory_version';
// exchange_rates: the MRR is in the workspace currency (customers/status.ts), so a new rate moves it.
const SOURCES = ['customers', 'subscriptions', 'orders', 'churn_events', 'exchange_rates'];
/**
 * Rows sorted by `k`, a hash of the customer id, so one customer's row is read from one row group (the 360 of
 * customers/timeline.ts; a hash because ids often share long prefixes, and DuckDB keeps only a prefix of a text
 * column's min/max). Each row also holds the customer's own columns, so the 360 reads its record here too
 * rather than comparing every id of `customers`. Changing the columns changes this, so a directory of another
 * layout is rebuilt.
 */
const LAYOUT = 'k-sorted-2';

/** The directory's own columns, beside the customer's: no customer field may be named so (directory.test.ts). */
export const DIRECTORY_COLUMNS = ['k', 'text', 'status', 'mrr'] as const;

/** The directory's version: its sources' data, the config, the day and its layout (LAYOUT). */
export async function directoryVersion(ws: Workspace): Promise<string> {
  return JSON.stringify([await dataVersion(ws.db, SOURCES), ws.config, new Date().toISOString().slice(0, 10), LAYOUT]);
}

/** Builds in progress per database, so concurrent first searches share one build. */
const building = new WeakMap<DuckDBInstance, Map<string, Promise<void>>>();

async function build(ws: Workspace, version: string): Promise<void> {
  const status = await statusRows(ws, null);
  await ws.db.transaction(async () => {
    await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(DIRECTORY)} AS
      SELECT hash(s.customer_id) AS k, lower(c.customer_id || chr(10) || coalesce(c.name, '')) AS text,
        s.status AS status, s.mrr AS mrr, c.* EXCLUDE (_batch)
      FROM (${status}) s JOIN customers c ON c.customer_id = s.customer_id ORDER BY k`);
    await writeMeta(ws, DIRECTORY_VERSION_KEY, version);
  });
}

/** Whether the directory reflects the data, the config and the day now. */
export async function directoryCurrent(ws: Workspace): Promise<boolean> {
  return (await readMeta(ws, DIRECTORY_VERSION_KEY)) === (await directoryVersion(ws));
}

/**
 * Make sure the directory reflects the data, the config and the day (`known`: its version, just read); rebuild it
 * otherwise. Returns the version it reflects (what the search index is keyed by).
 * @example await customerDirectory(ws); await ws.db.all(sql`SELECT … FROM customer_directory …`)
 */
export async function customerDirectory(ws: Workspace, known?: string): Promise<string> {
  const current = known ?? (await directoryVersion(ws));
  if ((await readMeta(ws, DIRECTORY_VERSION_KEY)) === current) return current;
  const mine = building.get(ws.db.instance) ?? new Map<string, Promise<void>>();
  building.set(ws.db.instance, mine);
  const pending = mine.get(current) ?? build(ws, current).finally(() => mine.delete(current));
  mine.set(current, pending);
  await pending;
  return current;
}
