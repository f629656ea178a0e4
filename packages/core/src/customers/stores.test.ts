import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer360Response } from '../api/customers.ts';
import { toWire } from '../api/wire.ts';
import { entities } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { DIRECTORY_COLUMNS } from './directory.ts';
import { refreshServedViews, SERVED_LIMIT, servedCustomer360 } from './served.ts';
import { ServedFile } from './served-file.ts';
import { customerStoresCurrent, refreshCustomerStores } from './stores.ts';
import { customer360 } from './timeline.ts';

describe('the per-customer stores behind the customer 360', () => {
  let ws: Workspace;
  /** Customers with every kind of event, and some at random. */
  let sample: string[];
  beforeAll(async () => {
    ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-stores-')));
    await generateDemo(ws, { customers: 600, months: 18, seed: 5 });
    const pick = (table: string, col = 'customer_id') =>
      ws.db.all<{ id: string }>(sql`SELECT DISTINCT ${sql.id(col)} AS id FROM ${sql.id(table)} ORDER BY 1 LIMIT 5`);
    const ids = await Promise.all([
      pick('subscriptions'),
      pick('orders'),
      pick('activity'),
      pick('tickets'),
      pick('surveys', 'respondent_id'),
      pick('churn_events'),
      ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers USING SAMPLE 20 ROWS`),
    ]);
    for (const kind of ids) expect(kind.length).toBeGreaterThan(0);
    sample = [...new Set(ids.flat().map((r) => r.id))];
  }, 60_000);
  afterAll(() => ws?.close());

  it('are built once and read only while they reflect the data', async () => {
    expect(await customerStoresCurrent(ws)).toBe(false);
    expect((await refreshCustomerStores(ws)).timeline.action).toBe('built');
    expect(await customerStoresCurrent(ws)).toBe(true);
    expect((await refreshCustomerStores(ws)).timeline.action).toBe('fresh');
  });

  it('give every customer the same 360 as the live tables', async () => {
    await refreshCustomerStores(ws);
    for (const id of sample) {
      const stored = await customer360(ws, id, { stored: true });
      expect(stored.timeline.length + stored.series.mrr.length).toBeGreaterThan(0);
      expect(stored).toEqual(await customer360(ws, id));
    }
  });

  it("hold each customer's own columns beside the directory's, which no customer field may be named", () => {
    const own: readonly string[] = DIRECTORY_COLUMNS;
    expect(entities.customers.fields.map((f) => f.name).filter((n) => own.includes(n))).toEqual([]);
  });

  it('serve every customer the 360 the API would compute, until a write makes them stale', async () => {
    await refreshCustomerStores(ws);
    expect((await refreshServedViews(ws)).views).toBe('built');
    expect((await refreshServedViews(ws)).views).toBe('fresh');
    const { paths, behind } = await servedCustomer360(ws);
    expect(paths?.patch).toBeNull();
    expect(behind).toBe(false);
    const served = await ServedFile.open(paths?.path as string);
    try {
      const all = await ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers`);
      for (const { id } of all) expect(await served.get(id), id).not.toBeNull();
      for (const id of sample) {
        const computed = customer360Response.parse(toWire(await customer360(ws, id, { limit: SERVED_LIMIT })));
        expect(JSON.parse(String(await served.get(id)))).toEqual(JSON.parse(JSON.stringify(computed)));
      }
      expect(await served.get('no such customer')).toBeNull();
    } finally {
      await served.close();
    }
    const id = sample[1] as string;
    await ws.db.run(
      sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, _batch) VALUES ('O-served', ${id}, current_timestamp::TIMESTAMP, 7.5, 998)`,
    );
    expect(await servedCustomer360(ws)).toEqual({ paths: null, behind: false });
    expect((await refreshServedViews(ws)).views).toBe('waiting');
    await refreshCustomerStores(ws);
    await refreshServedViews(ws);
    const again = await ServedFile.open((await servedCustomer360(ws)).paths?.path as string);
    expect(JSON.parse(String(await again.get(id))).timeline[0]).toMatchObject({ subject: 'O-served', amount: 7.5 });
    await again.close();
  });

  it('go stale on a write and show it after the next refresh', async () => {
    await refreshCustomerStores(ws);
    const id = sample[0] as string;
    await ws.db.run(
      sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, _batch) VALUES ('O-new', ${id}, TIMESTAMP '2020-01-02 03:04:05', 12.5, 999)`,
    );
    expect(await customerStoresCurrent(ws)).toBe(false);
    await refreshCustomerStores(ws);
    const c = await customer360(ws, id, { stored: true, limit: 5000 });
    expect(c.timeline.find((e) => e.subject === 'O-new')).toMatchObject({ at: '2020-01-02 03:04:05', amount: 12.5 });
  });
});
