import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checksum,
  count,
  fixture,
  rejectsOf,
  text,
  workspaceWithCustomers,
} from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, done } = await workspaceWithCustomers());
});
afterEach(() => done());

const TABLES = ['customers', 'orders', 'churn_events', 'import_batches', 'rejects', 'attributes'];
const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await checksum(ws, t)])));
const columnsOf = async (table: string) =>
  (await ws.db.all<{ column_name: string }>(sql`DESCRIBE ${sql.id(table)}`)).map((c) => c.column_name);

describe('idempotency: importing the same rows again changes nothing', () => {
  it('the same orders file twice: all unchanged, every table checksum identical', async () => {
    const first = await importFile(ws, 'orders', fixture('orders-v1.csv'));
    expect([first.rowsNew, first.rowsUpdated, first.rowsUnchanged]).toEqual([4, 0, 0]);
    const orders = await checksum(ws, 'orders');
    const customers = await checksum(ws, 'customers');
    const second = await importFile(ws, 'orders', fixture('orders-v1.csv'));
    expect([second.rowsNew, second.rowsUpdated, second.rowsUnchanged]).toEqual([0, 0, 4]);
    expect(second.sha256).toBe(first.sha256);
    expect(await checksum(ws, 'orders')).toBe(orders);
    expect(await checksum(ws, 'customers')).toBe(customers);
    const batches = await ws.db.all(sql`SELECT rows_new, rows_unchanged FROM import_batches ORDER BY batch_id`);
    expect(batches.slice(1)).toEqual([
      { rows_new: 4, rows_unchanged: 0 },
      { rows_new: 0, rows_unchanged: 4 },
    ]);
  });

  it('a changed file updates exactly the changed rows and inserts the new one', async () => {
    const first = await importFile(ws, 'orders', fixture('orders-v1.csv'));
    const s = await importFile(ws, 'orders', fixture('orders-v2.csv'));
    expect([s.rowsRead, s.rowsNew, s.rowsUpdated, s.rowsUnchanged]).toEqual([5, 1, 2, 2]);
    expect(await text(ws, sql`SELECT amount FROM orders WHERE order_id = 'V2'`)).toBe('25.0000');
    expect(await text(ws, sql`SELECT ordered_at FROM orders WHERE order_id = 'V4'`)).toBe('2024-01-09 00:00:00');
    const byBatch = await ws.db.all(sql`SELECT _batch AS b, list(order_id ORDER BY order_id) AS ids
      FROM orders GROUP BY _batch ORDER BY _batch`);
    expect(byBatch).toEqual([
      { b: first.batchId, ids: ['V1', 'V3'] },
      { b: s.batchId, ids: ['V2', 'V4', 'V5'] },
    ]);
    const again = await importFile(ws, 'orders', fixture('orders-v2.csv'));
    expect([again.rowsNew, again.rowsUpdated, again.rowsUnchanged]).toEqual([0, 0, 5]);
  });

  it('a snapshot twice: no second churn event, customers unchanged', async () => {
    const opts = { asOf: '2024-06-30' };
    const first = await importFile(ws, 'customers', fixture('customers-snapshot.csv'), opts);
    expect([first.rowsNew, first.churnEventsDerived]).toEqual([2, 1]);
    const before = await snapshot();
    const second = await importFile(ws, 'customers', fixture('customers-snapshot.csv'), opts);
    expect([second.rowsNew, second.rowsUpdated, second.rowsUnchanged, second.churnEventsDerived]).toEqual([0, 0, 2, 0]);
    const after = await snapshot();
    for (const t of ['customers', 'churn_events', 'rejects', 'attributes']) expect(after[t]).toBe(before[t]);
  });

  it('derived order ids (no id column) are stable across re-imports', async () => {
    const opts = { createMissingCustomers: true };
    const first = await importFile(ws, 'orders', fixture('orders-whitespace.txt'), opts);
    expect([first.rowsNew, first.customersCreated]).toEqual([4, 3]);
    const before = await checksum(ws, 'orders');
    const second = await importFile(ws, 'orders', fixture('orders-whitespace.txt'), opts);
    expect([second.rowsNew, second.rowsUpdated, second.rowsUnchanged, second.customersCreated]).toEqual([0, 0, 4, 0]);
    expect(await checksum(ws, 'orders')).toBe(before);
  });

  it('typed extra attributes compare equal on re-import', async () => {
    await importFile(ws, 'customers', fixture('customers-extras.csv'));
    const before = await checksum(ws, 'customers');
    const s = await importFile(ws, 'customers', fixture('customers-extras.csv'));
    expect([s.rowsNew, s.rowsUpdated, s.rowsUnchanged]).toEqual([0, 0, 3]);
    expect(await checksum(ws, 'customers')).toBe(before);
  });
});

describe('dry run', () => {
  it('writes nothing, and returns a preview and the problems', async () => {
    await importFile(ws, 'orders', fixture('orders-v1.csv'));
    const before = await snapshot();
    const s = await importFile(ws, 'orders', fixture('orders-some-bad.csv'), { dryRun: true, previewRows: 3 });
    expect(s.status).toBe('dry-run');
    expect(s.batchId).toBeNull();
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([40, 0, 1]);
    expect(s.preview?.map((r) => [r.order_id, r.amount])).toEqual([
      ['O1', 1.25],
      ['O2', 2.25],
      ['O3', 3.25],
    ]);
    expect(s.problems).toMatchObject([{ code: 'TEN_ROW_BAD_DATE', column: 'order_date', count: 1, firstLine: 18 }]);
    expect(await snapshot()).toEqual(before);
  });

  it('adds no attribute columns, creates no customers and derives no churn', async () => {
    const cols = await columnsOf('customers');
    const before = await snapshot();
    const extras = await importFile(ws, 'customers', fixture('customers-extras.csv'), { dryRun: true });
    expect(extras.extras.map((x) => x.type)).toEqual(['BIGINT', 'DOUBLE', 'TIMESTAMP', 'VARCHAR']);
    expect(extras.preview).toHaveLength(3);
    const unknown = await importFile(ws, 'orders', fixture('orders-unknown-customer.csv'), {
      dryRun: true,
      createMissingCustomers: true,
    });
    expect(unknown.customersCreated).toBe(0);
    const snap = await importFile(ws, 'customers', fixture('customers-snapshot.csv'), {
      dryRun: true,
      asOf: '2024-06-30',
    });
    expect(snap.churnEventsDerived).toBe(0);
    expect(await columnsOf('customers')).toEqual(cols);
    expect(await snapshot()).toEqual(before);
  });

  it('reports a file it would refuse without throwing, and a real import still works after it', async () => {
    const s = await importFile(ws, 'orders', fixture('orders-mostly-bad.csv'), { dryRun: true });
    expect([s.status, s.rowsRejected]).toEqual(['dry-run', 3]);
    expect(s.problems.map((p) => p.firstLine).sort()).toEqual([3, 5, 7]);
    expect(await count(ws, 'rejects')).toBe(0);
    const real = await importFile(ws, 'orders', fixture('orders-v1.csv'));
    expect(real.rowsNew).toBe(4);
    expect(await rejectsOf(ws, real.batchId)).toEqual([]);
  });
});
