import type { DuckDBInstance } from '@duckdb/node-api';
import { type Sql, sql } from '../sql/sql.ts';
import { readMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { statusRows } from './status.ts';
import {
  refreshStore,
  type StoreDef,
  type StoreRefresh,
  storeVersion,
  versionKey,
  writtenSince,
} from './store-refresh.ts';

/**
 * The customer directory: per customer, the lower-cased id and name to search in, the status now and the
 * current MRR. Statuses come from every customer's activity spans, seconds of work for a million customers,
 * and lower-casing a million names is most of a search; so lists read this table, refreshed only when what
 * it reflects changes: the rows of the tables statuses derive from, the config (churn definition) and the day
 * (statuses are as of today). Each row also holds the customer's own columns, so the 360 reads its record here
 * too, by k, rather than comparing every id of `customers`.
 *
 * A customer's row depends on their own rows alone (status.ts), so after imports that only inserted rows the
 * refresh recomputes the customers those rows name and replaces their rows (store-refresh.ts says when that is
 * exactly a rebuild): an import of 300k orders touches the customers who ordered, not the million. Their rows
 * are computed as of the refresh, the others' as of the last one, the same day: statuses are as of the day, and
 * a new day rebuilds the whole directory.
 */
export const DIRECTORY = 'customer_directory';
export const DIRECTORY_VERSION_KEY = versionKey(DIRECTORY);
/** The tables a customer's row derives from: their rows name the customers an import touched. */
const PER_CUSTOMER = ['customers', 'subscriptions', 'orders', 'churn_events'];

/** The customers whose directory rows the import batches after `batch` can have changed (by inserting rows). */
export const directoryTouched = (batch: number): Sql =>
  writtenSince(
    PER_CUSTOMER.map((table) => ({ table })),
    batch,
  );

/** The directory's own columns, beside the customer's: no customer field may be named so (directory.test.ts). */
export const DIRECTORY_COLUMNS = ['k', 'text', 'status', 'mrr'] as const;

const directory: StoreDef = {
  table: DIRECTORY,
  // exchange_rates: the MRR is in the workspace currency (customers/status.ts), so a new rate moves it.
  sources: [...PER_CUSTOMER, 'exchange_rates'],
  replaces: true,
  depends: (ws) => [ws.config, new Date().toISOString().slice(0, 10)],
  async rows(ws, since) {
    const status = await statusRows(ws, since === null ? null : directoryTouched(since));
    return sql`SELECT lower(c.customer_id || chr(10) || coalesce(c.name, '')) AS text,
        s.status AS status, s.mrr AS mrr, c.* EXCLUDE (_batch)
      FROM (${status}) s JOIN customers c ON c.customer_id = s.customer_id`;
  },
};

/** The directory's version: its sources' data, its SQL, the config and the day (store-refresh.ts). */
export const directoryVersion = (ws: Workspace): Promise<string> => storeVersion(ws, directory);

/** Refreshes in progress per database, so concurrent first searches share one. */
const building = new WeakMap<DuckDBInstance, Map<string, Promise<StoreRefresh>>>();

/** Whether the directory reflects the data, the config and the day now. */
export async function directoryCurrent(ws: Workspace): Promise<boolean> {
  return (await readMeta(ws, DIRECTORY_VERSION_KEY)) === (await directoryVersion(ws));
}

/**
 * Bring the directory up to date (`known`: its version, just read), in full or by an update (store-refresh.ts);
 * `force` rebuilds it in full.
 * @example await refreshDirectory(ws) // { action: 'updated', customers: 2950, rows: 2950, … }
 */
export async function refreshDirectory(
  ws: Workspace,
  opts: { known?: string; force?: boolean } = {},
): Promise<StoreRefresh> {
  if (opts.force) return refreshStore(ws, directory, { force: true });
  const current = opts.known ?? (await directoryVersion(ws));
  if ((await readMeta(ws, DIRECTORY_VERSION_KEY)) === current)
    return { action: 'fresh', customers: 0, rows: 0, seconds: 0, version: current };
  const mine = building.get(ws.db.instance) ?? new Map<string, Promise<StoreRefresh>>();
  building.set(ws.db.instance, mine);
  const pending = mine.get(current) ?? refreshStore(ws, directory).finally(() => mine.delete(current));
  mine.set(current, pending);
  return pending;
}

/**
 * Make sure the directory reflects the data, the config and the day (`known`: its version, just read). Returns the
 * version it reflects (what the search index is keyed by).
 * @example await customerDirectory(ws); await ws.db.all(sql`SELECT … FROM customer_directory …`)
 */
export async function customerDirectory(ws: Workspace, known?: string): Promise<string> {
  return (await refreshDirectory(ws, known === undefined ? {} : { known })).version;
}
