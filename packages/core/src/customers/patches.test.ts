/**
 * After imports that only add rows, the served 360s are patched and the search index updated with the customers
 * those rows name, rather than built again; either way every customer's served 360 and every search answer are
 * what a full build gives (the computed 360, the directory in SQL).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer360Response } from '../api/customers.ts';
import { toWire } from '../api/wire.ts';
import { importFile } from '../ingest/import.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { customerDirectory } from './directory.ts';
import { searchCustomers } from './search.ts';
import { searchIndex } from './search-index.ts';
import { refreshServedViews, SERVED_LIMIT, servedCustomer360 } from './served.ts';
import { PatchedServedFile } from './served-file.ts';
import { refreshCustomerStores } from './stores.ts';
import { customer360 } from './timeline.ts';

let ws: Workspace;
let dir: string;
let ids: string[];
let files = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-patches-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await generateDemo(ws, { customers: 300, months: 12, seed: 9 });
  ids = (await ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1`)).map((r) => r.id);
}, 120_000);
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Import a CSV of `rows` (header first) into `entity`. */
async function load(entity: 'orders' | 'customers', rows: string[]) {
  const file = join(dir, `${entity}-${files++}.csv`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  await importFile(ws, entity, file);
}

/** New orders of `who`, dated today (so statuses move: a churned customer who orders is active again). */
const orders = (who: string[]) => [
  'order_id,customer_id,ordered_at,amount',
  ...who.map((id, i) => `P${files}-${i},${id},${new Date().toISOString().slice(0, 10)} 09:00:00,${12 + i}`),
];

/** The customers whose served 360 is compared: every one the imports below name, and some others. */
const compared = () => [
  ...ids.slice(0, 14),
  ...ids.slice(98, 108),
  ...ids.slice(200, 232),
  ...ids.filter((_, i) => i % 29 === 0),
];

/** Each compared customer's served 360 equals the computed one. */
async function servedAsComputed() {
  const { paths } = await servedCustomer360(ws);
  expect(paths).not.toBeNull();
  const served = await PatchedServedFile.open(paths as NonNullable<typeof paths>);
  try {
    for (const id of new Set(compared())) {
      const computed = customer360Response.parse(toWire(await customer360(ws, id, { limit: SERVED_LIMIT })));
      expect(JSON.parse(String(await served.get(id))), id).toEqual(JSON.parse(JSON.stringify(computed)));
    }
  } finally {
    await served.close();
  }
  return paths;
}

/** The search index of the directory now, once built. */
async function index() {
  const version = await customerDirectory(ws);
  await expect.poll(() => searchIndex(ws, version) !== null, { timeout: 30_000 }).toBe(true);
  return searchIndex(ws, version);
}

/** Searches answered from the index equal the directory in SQL. */
async function searchAsSql() {
  for (const q of ['', 'customer 1', '00', 'c0'])
    for (const status of [undefined, 'active', 'churned', 'unknown'] as const) {
      const s = { q, page: 1, pageSize: 50, ...(status ? { status } : {}) };
      expect(await searchCustomers(ws, s), `${q} ${status}`).toEqual(await searchCustomers(ws, s, { index: false }));
    }
}

describe('after imports that only add rows', () => {
  it('the served 360s are patched with the customers they name, and equal a full build', async () => {
    await refreshCustomerStores(ws);
    expect((await refreshServedViews(ws)).views).toBe('built');
    const base = await servedAsComputed();
    expect(base?.patch).toBeNull();

    await load('orders', orders(ids.slice(0, 12)));
    expect((await refreshCustomerStores(ws)).timeline.action).toBe('updated');
    expect((await refreshServedViews(ws)).views).toBe('patched');
    const first = await servedAsComputed();
    expect(first?.path).toBe(base?.path);
    expect(first?.patch).not.toBeNull();

    // A second import: the patch holds the customers of both (it is cumulative, read before the same file).
    await load('orders', orders(ids.slice(100, 105)));
    await refreshCustomerStores(ws);
    expect((await refreshServedViews(ws)).views).toBe('patched');
    const second = await servedAsComputed();
    expect(second?.path).toBe(base?.path);
    expect(second?.patch).not.toBe(first?.patch);
  }, 120_000);

  it('the search index takes the new statuses and MRR without being built again', async () => {
    const before = await index();
    await load('orders', orders(ids.slice(200, 230)));
    await refreshCustomerStores(ws);
    const after = await index();
    expect(after).not.toBe(before);
    // The same n-grams: patched, not built.
    expect(after?.trigrams).toBe(before?.trigrams);
    await searchAsSql();
  }, 120_000);

  it('a change to customers themselves builds both again', async () => {
    const before = await index();
    const [row] = await ws.db.all<{ created: string }>(
      sql`SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created FROM customers WHERE customer_id = ${ids[3]}`,
    );
    await load('customers', ['customer_id,name,created_at', `${ids[3]},Renamed Customer,${row?.created}`]);
    expect((await refreshCustomerStores(ws)).directory.action).toBe('built');
    expect((await refreshServedViews(ws)).views).toBe('built');
    expect((await servedAsComputed())?.patch).toBeNull();
    const after = await index();
    expect(after?.trigrams).not.toBe(before?.trigrams);
    await searchAsSql();
  }, 120_000);
});
