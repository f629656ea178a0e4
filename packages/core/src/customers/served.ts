import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { customer360Query, customer360Response } from '../api/customers.ts';
import { toWire } from '../api/wire.ts';
import { sql } from '../sql/sql.ts';
import { tenureVersion } from '../version.ts';
import { readMeta, writeMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { DIRECTORY, DIRECTORY_VERSION_KEY } from './directory.ts';
import { ServedFileWriter } from './served-file.ts';
import { customerStoresCurrent, TIMELINE_STORE, TIMELINE_VERSION_KEY } from './stores.ts';
import { attributeHeaders, customerViews, type Viewed, viewOf } from './timeline.ts';

/**
 * Every customer's 360 as the API answers it, prebuilt into a served file (served-file.ts) from the
 * per-customer stores, so that opening any customer, not only one opened before, is a read of a few
 * kilobytes: from the stores a first open costs 12–15 ms of database CPU, and a hundred agents on a two-core
 * server queued for seconds behind each other. Built after the stores, read only while it reflects them.
 */
const VERSION_KEY = 'served_customer_360';
/** The folder of served files in the workspace. */
export const SERVED_DIR = 'served';
/** Bump when the 360's shape changes without a change of the stores' versions. */
const LAYOUT = 1;
/** The 360 served: the API's default length of the timeline. Other lengths are computed. */
export const SERVED_LIMIT: number = customer360Query.shape.limit.parse(undefined);
/** Customers per statement: their views are a few kilobytes each, held in memory until written. */
const PART = 20_000;

/** What the served 360s reflect: the stores' versions (data, config, day, code) and this code's. */
async function version(ws: Workspace): Promise<string> {
  const stores = await Promise.all([readMeta(ws, DIRECTORY_VERSION_KEY), readMeta(ws, TIMELINE_VERSION_KEY)]);
  return JSON.stringify([stores, LAYOUT, tenureVersion]);
}

/**
 * The served file of the customers' 360s (a path without extension, for `ServedFile.open`), or null when there
 * is none reflecting the data now: a view is then read from the stores or the tables.
 */
export async function servedCustomer360(ws: Workspace): Promise<string | null> {
  if (!(await customerStoresCurrent(ws))) return null;
  const kept = await readMeta(ws, VERSION_KEY);
  const { version: built, file } = kept ? (JSON.parse(kept) as { version: string; file: string }) : { version: '' };
  return built === (await version(ws)) && file ? join(ws.dir, SERVED_DIR, file) : null;
}

/**
 * Build the served 360s when the stores are current and the served file is not (`refreshCustomerStores`
 * first). Takes a few minutes for 1M customers, yielding to other work between customers; a write landing
 * meanwhile changes the stores' versions, so the file is never marked current for data it does not reflect.
 * @example await refreshServedViews(ws) // { views: 'built', seconds: 95.2 }
 */
export async function refreshServedViews(
  ws: Workspace,
): Promise<{ views: 'built' | 'fresh' | 'waiting'; seconds: number }> {
  const t0 = performance.now();
  const took = () => (performance.now() - t0) / 1000;
  if (!(await customerStoresCurrent(ws))) return { views: 'waiting', seconds: took() };
  if (await servedCustomer360(ws)) return { views: 'fresh', seconds: took() };
  const current = await version(ws);
  const file = `customer-360-${Date.now()}`;
  const dir = join(ws.dir, SERVED_DIR);
  mkdirSync(dir, { recursive: true });
  const writer = new ServedFileWriter(join(dir, file));
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(DIRECTORY)}`);
  const parts = Math.max(1, Math.ceil((count?.n ?? 0) / PART));
  // Ranges of the hash both stores are sorted by, so each statement reads its own row groups only.
  const bound = (i: number) => String(((1n << 64n) * BigInt(i)) / BigInt(parts));
  for (let i = 0; i < parts; i++) {
    const within = (k: string) =>
      i === parts - 1
        ? sql`${sql.id(k)} >= CAST(${bound(i)} AS UBIGINT)`
        : sql`${sql.id(k)} >= CAST(${bound(i)} AS UBIGINT) AND ${sql.id(k)} < CAST(${bound(i + 1)} AS UBIGINT)`;
    const rows = await ws.db.all<Viewed>(sql`
      WITH e AS (SELECT * FROM ${sql.id(TIMELINE_STORE)} WHERE ${within('k')})
      SELECT d.* EXCLUDE (k, text), v.* EXCLUDE (customer_id), ${attributeHeaders} AS _headers
      FROM ${sql.id(DIRECTORY)} d LEFT JOIN (${customerViews(sql`e`, SERVED_LIMIT)}) v ON v.customer_id = d.customer_id
      WHERE ${within('k')}`);
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j] as Viewed;
      const view = viewOf(row, { status: row.status ?? 'unknown', mrr: row.mrr ?? null });
      writer.add(row.customer_id, JSON.stringify(customer360Response.parse(toWire(view))));
      if (j % 200 === 199) await yieldToEvents();
    }
  }
  writer.finish();
  await writeMeta(ws, VERSION_KEY, JSON.stringify({ version: current, file }));
  for (const f of readdirSync(dir)) {
    if (!f.startsWith('customer-360-') || f.startsWith(`${file}.`)) continue;
    // A reader holding an older file keeps reading it until it closes it (on POSIX); where an open file cannot
    // be removed (Windows), it is left for the next build to remove.
    try {
      rmSync(join(dir, f));
    } catch {}
  }
  return { views: 'built', seconds: took() };
}
