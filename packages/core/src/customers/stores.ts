import { createHash } from 'node:crypto';
import { workspaceMoney } from '../metrics/currency.ts';
import { print } from '../sql/print.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { dataVersion } from '../workspace/data-version.ts';
import { readMeta, writeMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { customerDirectory, directoryCurrent } from './directory.ts';
import { timelineEvents, timelineTables } from './timeline-sources.ts';

/**
 * The timeline store: every customer's timeline events in one table, sorted by a hash of the customer id, so
 * one customer's events sit together in one or two row groups and a lookup reads those alone (DuckDB skips
 * the others by their min/max), where the live timeline scans seven tables: a 360 took ~23 ms against
 * 0.5–1.7 s on 1M customers (bench/server.bench.ts's workspace), and the gap grows with the data. A hash, not the id itself: ids often share long
 * prefixes ("CUST-0000…") and DuckDB keeps only a prefix of a text column's min/max.
 * Rebuilt when its sources' rows or the code that shapes events change; read only while current.
 */
export const TIMELINE_STORE = 'customer_timeline';
export const TIMELINE_VERSION_KEY = 'customer_timeline_version';

/** All timeline events, amounts in the workspace currency. */
async function allEvents(ws: Workspace): Promise<Sql> {
  return timelineEvents(null, (await workspaceMoney(ws.db, ws.config.currency)).read);
}

async function version(ws: Workspace): Promise<string> {
  const { text } = print(await allEvents(ws), ws.db.dialect);
  const digest = createHash('sha256').update(text).digest('hex');
  return JSON.stringify([await dataVersion(ws.db, timelineTables), digest]);
}

/** One customer's stored events, as a relation for the timeline and series queries. */
export const storedEvents = (id: string): Sql =>
  sql`(SELECT * FROM ${sql.id(TIMELINE_STORE)} WHERE k = hash(${id}) AND customer_id = ${id})`;

/** Whether the timeline store and the customer directory reflect the data now (the 360 then reads them). */
export async function customerStoresCurrent(ws: Workspace): Promise<boolean> {
  return (await readMeta(ws, TIMELINE_VERSION_KEY)) === (await version(ws)) && (await directoryCurrent(ws));
}

/**
 * Bring the per-customer stores up to date: the customer directory (statuses, for lists and the 360) and the
 * timeline store. Needed for speed only, never for correctness: the server calls it after every write.
 * @example await refreshCustomerStores(ws) // { timeline: 'built', seconds: 12.5 }
 */
export async function refreshCustomerStores(ws: Workspace): Promise<{ timeline: 'built' | 'fresh'; seconds: number }> {
  const t0 = performance.now();
  await customerDirectory(ws);
  const current = await version(ws);
  if ((await readMeta(ws, TIMELINE_VERSION_KEY)) === current)
    return { timeline: 'fresh', seconds: (performance.now() - t0) / 1000 };
  const events = await allEvents(ws);
  await ws.db.transaction(async () => {
    await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(TIMELINE_STORE)} AS
      SELECT hash(customer_id) AS k, * FROM (${events}) e ORDER BY k`);
    await writeMeta(ws, TIMELINE_VERSION_KEY, current);
  });
  return { timeline: 'built', seconds: (performance.now() - t0) / 1000 };
}
