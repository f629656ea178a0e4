/**
 * A workspace kept in ClickHouse (`initWorkspace(dir, { engine: 'chdb:…' })`, record.ts) against a DuckDB workspace
 * fed the same files: the same seeded imports (new rows, upserts that move dates, amounts and owners, segment
 * changes, churn events, activity, tickets, surveys) give the same monthly report and the same metric rows; the same
 * bad file gives the same rejects with the same lines; importing a file again changes nothing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scenario } from '../../../test/fixtures/imports.ts';
import { ingestEvents } from '../../events/ingest.ts';
import { importFile } from '../../ingest/import.ts';
import { computeMetrics } from '../../metrics/compute.ts';
import { buildReport } from '../../reports/build.ts';
import { entities } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import type { Connection } from '../engine.ts';
import type { ClickHouseConnection } from './connection.ts';
import { openRecord } from './record.ts';
import { copyWorkspace } from './sync.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/ingest');
/** Metrics over every entity the scenario fills (the case metrics read people.duckdb's tables, not copied here). */
const METRICS = [
  'churn_rate',
  'retention_rate',
  'active_customers',
  'new_customers',
  'reactivated_customers',
  'churned_customers',
  'mrr',
  'mrr_movements',
  'grr',
  'nrr',
  'arpa',
  'ticket_volume',
  'first_response_time',
  'resolution_rate',
  'nps',
  'active_buyers',
  'repurchase_rate',
  'purchase_frequency',
  'aov',
  'renewal_rate',
  'churn_reasons',
  'average_lifetime',
  'cohort_retention',
  'order_revenue_retention',
];
const QUERY = { period: 'month' as const, from: '2024-01-01', to: '2025-12-01' };

let dir: string;
let duck: Workspace;
let house: Workspace;
let ch: ClickHouseConnection;

const countsOf = async (db: Connection) => {
  const out: Record<string, number> = {};
  for (const t of Object.keys(entities)) {
    const [r] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(t)}`);
    out[t] = Number(r?.n);
  }
  return out;
};

/** The same seeded sequence of imports into a workspace (snapshots aside: refused in ClickHouse, see below). */
async function feed(ws: Workspace, name: string): Promise<void> {
  const s = new Scenario(ws, mkdtempSync(join(dir, `${name}-files-`)), 7);
  await s.newCustomers(30);
  await s.appendSubscriptions(25);
  await s.appendOrders(60);
  const steps = [
    () => s.appendOrders(),
    () => s.changeOrders(),
    () => s.appendSubscriptions(),
    () => s.changeSubscriptions(),
    () => s.churnEvents(),
    () => s.moveCustomer(),
    () => s.newCustomers(2),
    () => s.activity(),
    () => s.ticketsOrResolution(),
    () => s.surveys(),
  ];
  for (let i = 0; i < 40; i++) await (steps[s.int(steps.length)] as () => Promise<void>)();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-record-'));
  duck = await initWorkspace(join(dir, 'duck'));
  house = await initWorkspace(join(dir, 'house'), { engine: `chdb:${join(dir, 'chdb')}` });
  await feed(duck, 'duck');
  await feed(house, 'house');
  ch = await openRecord(house.config.engine as string);
}, 300_000);

afterAll(async () => {
  await ch?.close();
  await duck?.close();
  await house?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a workspace kept in ClickHouse (chdb) answers as the DuckDB workspace fed the same files', () => {
  it('records the engine, keeps its local entity tables empty and its rows in ClickHouse', async () => {
    expect(house.config.engine).toBe(`chdb:${join(dir, 'chdb')}`);
    const local = await countsOf(house.db);
    expect(Object.values(local).every((n) => n === 0)).toBe(true);
    expect(await countsOf(ch)).toEqual(await countsOf(duck.db));
    // Upserts landed as new versions; FINAL reads one row per key.
    const [orders] = await ch.all<{ n: number }>(sql`SELECT count() AS n FROM orders SETTINGS final = 0`);
    expect(Number(orders?.n)).toBeGreaterThanOrEqual((await countsOf(ch)).orders as number);
  });

  it('the same batches, with the same new, updated and unchanged counts', async () => {
    const batches = (db: Connection) =>
      db.all(sql`SELECT entity, status, rows_read, rows_loaded, rows_rejected, rows_new, rows_updated, rows_unchanged
        FROM import_batches ORDER BY batch_id`);
    const mine = await batches(house.db);
    expect(mine.length).toBeGreaterThan(40);
    expect(mine).toEqual(await batches(duck.db));
  });

  it('the same metric rows, month by month (the base SQL on both engines)', async () => {
    const a = await computeMetrics(duck.db, duck.config, METRICS, QUERY, { rollups: false });
    const b = await computeMetrics(ch, house.config, METRICS, QUERY);
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('the same status: rows, date ranges and the headline churn, read where the tables are', async () => {
    const { headlineChurn, workspaceStatus } = await import('../../workspace/status.ts');
    const plain = (s: Awaited<ReturnType<typeof workspaceStatus>>) =>
      s.map(({ lastImport: _, lastBatch: __, ...rest }) => rest);
    const mine = await workspaceStatus(house);
    expect(mine.find((e) => e.entity === 'orders')?.rows).toBeGreaterThan(0);
    expect(plain(mine)).toEqual(plain(await workspaceStatus(duck)));
    expect(await headlineChurn(house)).toEqual(await headlineChurn(duck));
  });

  it('the same monthly report', async () => {
    const range = { from: '2024-06', to: '2025-12' };
    expect(await buildReport({ db: ch, config: house.config }, range)).toEqual(await buildReport(duck, range));
  });

  it('the same rejects, with their lines, for bad rows and unknown customers; a re-import changes nothing', async () => {
    const unknown = join(dir, 'orders-unknown.csv');
    writeFileSync(
      unknown,
      'order_id,customer_id,order_date,amount\nX1,C1,2025-01-02,10.00\nX2,NOBODY,2025-01-03,11.50\n',
    );
    for (const f of ['orders-some-bad.csv', unknown, 'orders-duplicate.csv']) {
      const file = resolve(FIXTURES, f);
      const opts = { maxRejectRate: 1 };
      const [a, b] = [await importFile(duck, 'orders', file, opts), await importFile(house, 'orders', file, opts)];
      expect(b.rowsRejected, f).toBeGreaterThan(0);
      const rejects = (db: Connection, batch: number | null) =>
        db.all(sql`SELECT line, "column", value, code FROM rejects WHERE batch_id = ${batch} ORDER BY line, code`);
      expect(await rejects(house.db, b.batchId), f).toEqual(await rejects(duck.db, a.batchId));
      const before = await countsOf(ch);
      const again = await importFile(house, 'orders', file, opts);
      expect([again.rowsNew, again.rowsUpdated, again.rowsUnchanged]).toEqual([0, 0, b.rowsLoaded]);
      expect(await countsOf(ch)).toEqual(before);
    }
    expect(await countsOf(ch)).toEqual(await countsOf(duck.db));
    const left = await ch.all(sql`SELECT name FROM system.tables WHERE database = currentDatabase()
      AND (endsWith(name, '__batch') OR endsWith(name, '__incoming') OR endsWith(name, '__probe'))`);
    expect(left).toEqual([]);
  });

  it('event batches go through the same pipeline: the same counts and rejects, sending one twice changes nothing', async () => {
    const rows = [
      { order_id: 'E1', customer_id: 'C1', ordered_at: '2025-03-02', amount: 20 },
      { order_id: 'E2', customer_id: 'C2', ordered_at: '2025-03-03', amount: -5 },
      { order_id: 'O1', customer_id: 'C3', ordered_at: '2025-03-04', amount: 7.5 },
    ];
    for (let i = 0; i < 2; i++) {
      const [a, b] = [await ingestEvents(duck, 'orders', rows), await ingestEvents(house, 'orders', rows)];
      // Batch numbers differ: the workspace kept in ClickHouse imported some files twice above.
      const plain = (r: typeof a) => ({ ...r, batchId: null, rejects: r.rejects.map((x) => ({ ...x, batch_id: 0 })) });
      expect(plain(b)).toEqual(plain(a));
      expect(b.rejected).toBe(1);
      expect(b.new + b.updated).toBe(i === 0 ? 2 : 0);
    }
    expect(await countsOf(ch)).toEqual(await countsOf(duck.db));
  });

  it('attribute columns: added in ClickHouse too, typed, upserted like the canonical ones', async () => {
    for (const f of ['customers-extras.csv', 'customers-extras-2.csv']) {
      const file = resolve(FIXTURES, f);
      const [a, b] = [await importFile(duck, 'customers', file), await importFile(house, 'customers', file)];
      expect([b.rowsNew, b.rowsUpdated, b.extras], f).toEqual([a.rowsNew, a.rowsUpdated, a.extras]);
    }
    const read = (db: Connection) =>
      db.all(sql`SELECT customer_id, seats, health_score, CAST(last_login AS DATE) AS day, plan_name FROM customers
        WHERE customer_id LIKE 'E%' ORDER BY customer_id`);
    const rows = await read(ch);
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(await read(duck.db));
  });

  it('refuses what would write a second table, before writing anything', async () => {
    const file = join(FIXTURES, 'orders-unknown-customer.csv');
    await expect(importFile(house, 'orders', file, { createMissingCustomers: true })).rejects.toMatchObject({
      code: 'TEN_ENGINE_RECORD_UNSUPPORTED',
    });
    await expect(
      importFile(house, 'customers', join(FIXTURES, 'customers-snapshot.csv'), { asOf: '2025-06-30' }),
    ).rejects.toMatchObject({ code: 'TEN_ENGINE_RECORD_UNSUPPORTED' });
  });

  it('refuses a sync of itself (its local tables are empty)', async () => {
    await expect(copyWorkspace(house, ch)).rejects.toMatchObject({ code: 'TEN_ENGINE_RECORD_UNSUPPORTED' });
  });

  it('an unreachable server is refused with its host, before anything is written', async () => {
    const target = join(dir, 'never');
    await expect(
      initWorkspace(target, { engine: 'clickhouse://u:secret@127.0.0.1:1/db?connect_timeout=2' }),
    ).rejects.toMatchObject({ code: 'TEN_ENGINE_UNREACHABLE' });
    expect(existsSync(target)).toBe(false);
  });
});
