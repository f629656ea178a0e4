/**
 * What a batch records of its changes (changes.ts), which incremental rollups trust to know the months to
 * recompute: the earliest date among old and new values, and the net rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithCustomers } from '../../test/fixtures/ingest/helpers.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let dir: string;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, dir, done } = await workspaceWithCustomers());
});
afterAll(() => done());

let files = 0;
/** Import `lines` (a header and rows) into `entity`; the batch's recorded changes. */
async function changes(entity: string, lines: string[], opts = {}): Promise<unknown> {
  const file = join(dir, `${entity}-${files++}.csv`);
  writeFileSync(file, lines.join('\n'));
  const s = await importFile(ws, entity, file, opts);
  const [b] = await ws.db.all<{ changes: string }>(
    sql`SELECT changes FROM import_batches WHERE batch_id = ${s.batchId}`,
  );
  return JSON.parse(b?.changes ?? 'null');
}

describe('the changes a batch records', () => {
  const orders = 'order_id,customer_id,ordered_at,amount';
  const subs = 'subscription_id,customer_id,started_at,ended_at,mrr';

  it('new rows: their earliest date and their count', async () => {
    expect(await changes('orders', [orders, 'O1,C1,2024-03-05,10', 'O2,C2,2024-01-20,5'])).toEqual({
      orders: { from: '2024-01-20 00:00:00', rows: 2, altered: 0 },
    });
  });

  it('an order moved later counts from its old date, one moved earlier from its new date', async () => {
    expect(await changes('orders', [orders, 'O1,C1,2025-06-01,10'])).toEqual({
      orders: { from: '2024-03-05 00:00:00', rows: 0, altered: 1 },
    });
    expect(await changes('orders', [orders, 'O1,C1,2023-11-30,10'])).toEqual({
      orders: { from: '2023-11-30 00:00:00', rows: 0, altered: 1 },
    });
  });

  it('another amount counts from the order’s date; an identical re-import changes nothing', async () => {
    expect(await changes('orders', [orders, 'O2,C2,2024-01-20,7'])).toEqual({
      orders: { from: '2024-01-20 00:00:00', rows: 0, altered: 1 },
    });
    expect(await changes('orders', [orders, 'O2,C2,2024-01-20,7'])).toEqual({});
  });

  it('a cancellation counts from the end, not from the start; a new price from the start', async () => {
    await changes('subscriptions', [subs, 'S1,C1,2023-01-01,,100']);
    expect(await changes('subscriptions', [subs, 'S1,C1,2023-01-01,2025-02-10,100'])).toEqual({
      subscriptions: { from: '2025-02-10 00:00:00', rows: 0, altered: 1 },
    });
    expect(await changes('subscriptions', [subs, 'S1,C1,2023-01-01,2025-02-10,120'])).toEqual({
      subscriptions: { from: '2023-01-01 00:00:00', rows: 0, altered: 1 },
    });
  });

  it('customers created for unknown ones are a change to customers as well', async () => {
    const got = await changes('orders', [orders, 'O9,C77,2024-08-01,3'], { createMissingCustomers: true });
    expect(got).toEqual({
      customers: { from: '2024-08-01 00:00:00', rows: 1, altered: 0 },
      orders: { from: '2024-08-01 00:00:00', rows: 1, altered: 0 },
    });
  });
});
