import { createHash } from 'node:crypto';
import { customer360Query } from '../api/customers.ts';
import { toWire } from '../api/wire.ts';
import { print } from '../sql/print.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { readMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { DIRECTORY, DIRECTORY_VERSION_KEY } from './directory.ts';
import { type BuildPace, inPart, refreshServed, type ServedView, servedPath } from './served-views.ts';
import { storeBuild, writtenSince } from './store-refresh.ts';
import { customerStoresCurrent, TIMELINE_STORE, TIMELINE_VERSION_KEY } from './stores.ts';
import { attributeHeaders, customerViews, type Viewed, viewOf } from './timeline.ts';
import { timelineWriters } from './timeline-sources.ts';

/** The 360 served: the API's default length of the timeline. Other lengths are computed. */
export const SERVED_LIMIT: number = customer360Query.shape.limit.parse(undefined);
/** Bump when the 360's shape changes in this code (viewOf, the wire) rather than in SQL. */
const LAYOUT = 1;

/** What shapes a 360 from the stores' rows: the SQL and this code's layout. */
async function viewsDigest(ws: Workspace): Promise<string> {
  const views = createHash('sha256').update(print(customerViews(sql`e`, SERVED_LIMIT), ws.db.dialect).text);
  return JSON.stringify([views.digest('hex'), LAYOUT]);
}

/**
 * Every customer's 360 as the API answers it, built from the per-customer stores (after them, and only while
 * they are current): a first open from the stores costs 12–15 ms of database CPU.
 */
const served360: ServedView<Viewed> = {
  name: 'customer-360',
  async version(ws) {
    if (!(await customerStoresCurrent(ws))) return null;
    const stores = await Promise.all([readMeta(ws, DIRECTORY_VERSION_KEY), readMeta(ws, TIMELINE_VERSION_KEY)]);
    return JSON.stringify([stores, await viewsDigest(ws)]);
  },
  async count(ws) {
    const [r] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(DIRECTORY)}`);
    return r?.n ?? 0;
  },
  rows: (ws, from, to, only, pace) => {
    const of = (c: Sql) => (only ? sql` AND ${c} IN ${only}` : sql``);
    return ws.db.all<Viewed>(
      sql`
      WITH e AS (SELECT * FROM ${sql.id(TIMELINE_STORE)} WHERE ${inPart(sql`k`, from, to)}${of(sql`customer_id`)})
      SELECT d.* EXCLUDE (k, text), v.* EXCLUDE (customer_id), ${attributeHeaders} AS _headers
      FROM ${sql.id(DIRECTORY)} d LEFT JOIN (${customerViews(sql`e`, SERVED_LIMIT)}) v ON v.customer_id = d.customer_id
      WHERE ${inPart(sql`d.k`, from, to)}${of(sql`d.customer_id`)}`,
      // Each row a customer's timeline, nested: made into objects between people's writes (ReadPace).
      { pace },
    );
  },
  // A customer's 360 is their rows in the two stores: after imports that only added rows (the stores were updated,
  // not rebuilt: the same base), only the customers those rows name have another one.
  patches: {
    async lineage(ws) {
      const [d, t] = await Promise.all([storeBuild(ws, DIRECTORY), storeBuild(ws, TIMELINE_STORE)]);
      if (!d || !t) return null;
      return { base: JSON.stringify([d.base, t.base, await viewsDigest(ws)]), batch: Math.min(d.batch, t.batch) };
    },
    touched: (_ws, batch) => writtenSince([...timelineWriters, { table: 'customers' }], batch),
  },
  // As the route's schema encodes it (the customers route's test compares the two).
  records: async (rows) =>
    rows.map((row) => [
      row.customer_id,
      JSON.stringify(toWire(viewOf(row, { status: row.status ?? 'unknown', mrr: row.mrr ?? null }))),
    ]),
};

/** The served 360s' file, or null when none reflects the data now (see served-views.ts). */
export const servedCustomer360 = (ws: Workspace) => servedPath(ws, served360);

/**
 * Build the served 360s when the per-customer stores are current and the file is not (`refreshCustomerStores` first).
 * @example await refreshServedViews(ws) // { views: 'built', seconds: 95.2 }
 */
export const refreshServedViews = (ws: Workspace, o: BuildPace = {}) => refreshServed(ws, served360, o);
