import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { customer360Query } from '../api/customers.ts';
import { toWire } from '../api/wire.ts';
import { print } from '../sql/print.ts';
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
/** Bump when the 360's shape changes in this code (viewOf, the wire) rather than in SQL. */
const LAYOUT = 1;
/** The 360 served: the API's default length of the timeline. Other lengths are computed. */
export const SERVED_LIMIT: number = customer360Query.shape.limit.parse(undefined);
/** Customers per statement: their views are a few kilobytes each, held in memory until written. */
const PART = 20_000;

/** Remove the served 360 files but `keep`'s. */
function removeOthers(dir: string, keep: string | null): void {
  for (const f of readdirSync(dir)) {
    if (!f.startsWith('customer-360-') || (keep && f.startsWith(`${keep}.`))) continue;
    // A reader holding an older file keeps reading it until it closes it (on POSIX); where an open file cannot
    // be removed (Windows), it is left for the next build to remove.
    try {
      rmSync(join(dir, f));
    } catch {}
  }
}

/** Every customer's 360 as JSON, part after part: the database computes the next part while this one is written. */
async function writeParts(
  writer: ServedFileWriter,
  parts: number,
  part: (i: number) => Promise<Viewed[]>,
): Promise<void> {
  let next = part(0);
  for (let i = 0; i < parts; i++) {
    const rows = await next;
    if (i + 1 < parts) {
      next = part(i + 1);
      // Awaited next round; if this round fails first, its failure is the one reported.
      next.catch(() => undefined);
    }
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j] as Viewed;
      const view = viewOf(row, { status: row.status ?? 'unknown', mrr: row.mrr ?? null });
      // As the route's schema would encode it (the customers route's test compares the two).
      writer.add(row.customer_id, JSON.stringify(toWire(view)));
      if (j % 200 === 199) await yieldToEvents();
    }
  }
}

/** What the served 360s reflect: the stores' versions (data, config, day, code), the views' SQL and this code's. */
async function version(ws: Workspace): Promise<string> {
  const stores = await Promise.all([readMeta(ws, DIRECTORY_VERSION_KEY), readMeta(ws, TIMELINE_VERSION_KEY)]);
  const views = createHash('sha256').update(print(customerViews(sql`e`, SERVED_LIMIT), ws.db.dialect).text);
  return JSON.stringify([stores, views.digest('hex'), LAYOUT, tenureVersion]);
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
  // What an earlier build left (a crash's temporary file, files no longer current), keeping the current one.
  const kept = await readMeta(ws, VERSION_KEY);
  removeOthers(dir, kept ? (JSON.parse(kept) as { file: string }).file : null);
  const writer = new ServedFileWriter(join(dir, file));
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(DIRECTORY)}`);
  const parts = Math.max(1, Math.ceil((count?.n ?? 0) / PART));
  // Ranges of the hash both stores are sorted by, so each statement reads its own row groups only.
  const bound = (i: number) => String(((1n << 64n) * BigInt(i)) / BigInt(parts));
  const part = (i: number) => {
    const within = (k: string) =>
      i === parts - 1
        ? sql`${sql.id(k)} >= CAST(${bound(i)} AS UBIGINT)`
        : sql`${sql.id(k)} >= CAST(${bound(i)} AS UBIGINT) AND ${sql.id(k)} < CAST(${bound(i + 1)} AS UBIGINT)`;
    return ws.db.all<Viewed>(sql`
      WITH e AS (SELECT * FROM ${sql.id(TIMELINE_STORE)} WHERE ${within('k')})
      SELECT d.* EXCLUDE (k, text), v.* EXCLUDE (customer_id), ${attributeHeaders} AS _headers
      FROM ${sql.id(DIRECTORY)} d LEFT JOIN (${customerViews(sql`e`, SERVED_LIMIT)}) v ON v.customer_id = d.customer_id
      WHERE ${within('k')}`);
  };
  try {
    await writeParts(writer, parts, part);
  } catch (e) {
    writer.abandon();
    throw e;
  }
  writer.finish();
  await writeMeta(ws, VERSION_KEY, JSON.stringify({ version: current, file }));
  removeOthers(dir, file);
  return { views: 'built', seconds: took() };
}
