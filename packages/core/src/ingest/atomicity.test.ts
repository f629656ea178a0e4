/**
 * An import is one transaction: a process killed with SIGKILL in the middle of one leaves the workspace
 * exactly as it was. A child process imports 2 million generated orders and is killed while reading,
 * then while writing the orders table; the workspace is then reopened and compared.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum, fixture, tempWorkspace } from '../../test/fixtures/ingest/helpers.ts';
import { killChild } from '../../test/fixtures/kill-child.ts';
import { sql } from '../sql/sql.ts';
import { openWorkspace, type Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

const TABLES = ['customers', 'orders', 'churn_events', 'import_batches', 'rejects', 'attributes'];

let dir: string;
let wsDir: string;
let big: string;
let childTmp: string;
let cleanup: () => Promise<void>;
let before: Record<string, string>;
let columnsBefore: string[];

const state = async (ws: Workspace) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await checksum(ws, t)])));
const columns = async (ws: Workspace) =>
  (await ws.db.all<{ column_name: string }>(sql`DESCRIBE orders`)).map((c) => c.column_name);

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ dir } = t);
  wsDir = t.ws.dir;
  await importFile(t.ws, 'customers', fixture('customers.csv'));
  await importFile(t.ws, 'orders', fixture('orders-v1.csv'));
  big = join(dir, 'big.csv');
  // 2M orders of the known customers, with an extra column the import would add to the orders table.
  await t.ws.db.run(sql`COPY (SELECT 'B' || i AS order_id, 'C' || (i % 3 + 1) AS customer_id,
      DATE '2024-01-01' + CAST(i % 300 AS INTEGER) AS order_date, (i % 1000) / 100 AS amount, 'web' AS channel
    FROM range(2000000) t(i)) TO ${big} (HEADER)`);
  before = await state(t.ws);
  columnsBefore = await columns(t.ws);
  await t.ws.close();
  childTmp = join(dir, 'child-tmp');
  mkdirSync(childTmp);
  cleanup = t.done;
}, 60_000);

afterAll(async () => {
  // done() closes the workspace first; reopen so it has one to close.
  const ws = await openWorkspace(wsDir);
  await ws.close();
  await cleanup();
});

/** Run the importer in a child and SIGKILL it once `when` matches a line it printed; resolves its output. */
const importAndKill = (when: (line: string) => boolean) =>
  killChild(fixture('import-child.ts'), [wsDir, big], when, { tmpDir: childTmp, timeoutMs: 20_000 });

async function expectUnchanged() {
  const ws = await openWorkspace(wsDir);
  try {
    expect(await state(ws)).toEqual(before);
    expect(await columns(ws)).toEqual(columnsBefore);
    const ids = await ws.db.all(sql`SELECT order_id FROM orders ORDER BY 1`);
    expect(ids).toEqual([{ order_id: 'V1' }, { order_id: 'V2' }, { order_id: 'V3' }, { order_id: 'V4' }]);
    expect(await ws.db.all(sql`SELECT entity, status FROM import_batches ORDER BY batch_id`)).toEqual([
      { entity: 'customers', status: 'loaded' },
      { entity: 'orders', status: 'loaded' },
    ]);
  } finally {
    await ws.close();
  }
}

describe('atomicity: an import killed with SIGKILL leaves nothing behind', () => {
  it('killed while reading the file (mid-scan)', async () => {
    // On a progress report strictly between 0 and 100 %: a fixed delay outlived the whole scan on a quiet machine.
    const midScan = (line: string) => /^progress read (\d+(\.\d+)?)$/.exec(line);
    const run = await importAndKill((line) => {
      const m = midScan(line);
      return !!m && Number(m[1]) > 0 && Number(m[1]) < 100;
    });
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines.some((l) => l.startsWith('done'))).toBe(false);
    await expectUnchanged();
  }, 30_000);

  it('killed while writing the orders table', async () => {
    const run = await importAndKill((line) => line.startsWith('progress load'));
    expect(run.signal).toBe('SIGKILL');
    expect(run.lines.some((l) => l.startsWith('done'))).toBe(false);
    // The scan before it reported real progress, not a constant 0 %.
    const percents = run.lines.filter((l) => l.startsWith('progress read')).map((l) => Number(l.split(' ')[2]));
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents.at(-1)).toBe(100);
    await expectUnchanged();
    // The workspace still takes imports.
    const ws = await openWorkspace(wsDir);
    try {
      const s = await importFile(ws, 'orders', fixture('orders-v2.csv'));
      expect([s.rowsNew, s.rowsUpdated, s.rowsUnchanged]).toEqual([1, 2, 2]);
    } finally {
      await ws.close();
    }
  }, 30_000);
});
