import { workspaceMoney } from '../metrics/currency.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { directoryCurrent, refreshDirectory } from './directory.ts';
import { refreshStore, type StoreDef, type StoreRefresh, storeCurrent, versionKey } from './store-refresh.ts';
import { timelineEvents, timelineTables } from './timeline-sources.ts';

/**
 * The timeline store: every customer's timeline events in one table, sorted by a hash of the customer id, so
 * one customer's events sit together in one or two row groups and a lookup reads those alone (DuckDB skips
 * the others by their min/max), where the live timeline scans seven tables: a 360 took ~23 ms against
 * 0.5–1.7 s on 1M customers (bench/server.bench.ts's workspace), and the gap grows with the data.
 * Each event is one source row's (timeline-sources.ts), so after imports that only inserted rows the refresh
 * appends the events of the new rows (`_batch` past the last batch it reflects) rather than rebuilding 100M
 * events; store-refresh.ts says when that is exactly a rebuild, and when the appended rows are too many to leave
 * out of order. Read only while current.
 */
export const TIMELINE_STORE = 'customer_timeline';
export const TIMELINE_VERSION_KEY = versionKey(TIMELINE_STORE);

const timelineStore: StoreDef = {
  table: TIMELINE_STORE,
  sources: timelineTables,
  replaces: false,
  // Amounts in the workspace currency: its code and the currency plan are in the SQL, hence in the version.
  rows: async (ws, since) => timelineEvents(null, (await workspaceMoney(ws.db, ws.config.currency)).read, since),
};

/** One customer's stored events, as a relation for the timeline and series queries. */
export const storedEvents = (id: string): Sql =>
  sql`(SELECT * FROM ${sql.id(TIMELINE_STORE)} WHERE k = hash(${id}) AND customer_id = ${id})`;

/** Whether the timeline store and the customer directory reflect the data now (the 360 then reads them). */
export async function customerStoresCurrent(ws: Workspace): Promise<boolean> {
  return (await storeCurrent(ws, timelineStore)) && (await directoryCurrent(ws));
}

/** What a refresh of the per-customer stores did to each. */
export interface CustomerStoresRefresh {
  directory: StoreRefresh;
  timeline: StoreRefresh;
  seconds: number;
}

/**
 * Bring the per-customer stores up to date: the customer directory (statuses, for lists and the 360) and the
 * timeline store, each rebuilt, updated with what imports inserted, or left fresh (store-refresh.ts); `force`
 * rebuilds both in full. Needed for speed only, never for correctness: the server calls it after every write.
 * @example await refreshCustomerStores(ws) // { directory: { action: 'updated', customers: 2950, … }, timeline: { action: 'updated', rows: 3000, … }, seconds: 0.8 }
 */
export async function refreshCustomerStores(
  ws: Workspace,
  opts: { force?: boolean } = {},
): Promise<CustomerStoresRefresh> {
  const t0 = performance.now();
  const directory = await refreshDirectory(ws, opts.force ? { force: true } : {});
  const timeline = await refreshStore(ws, timelineStore, opts);
  return { directory, timeline, seconds: (performance.now() - t0) / 1000 };
}
