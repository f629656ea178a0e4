/**
 * The per-customer stores refreshed by updates equal a full rebuild, row for row, after random imports (new rows,
 * upserts that move dates, amounts and owners, new customers, deletions by a later snapshot, other currencies and
 * their rates) and config and day changes; an import that only inserts updates them, touching only its customers;
 * anything else rebuilds; and an interrupted update leaves the old store in place, unread because stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type Scenario, scenario } from '../../test/fixtures/imports.ts';
import { importFile } from '../ingest/import.ts';
import { print } from '../sql/print.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { DIRECTORY } from './directory.ts';
import { storeBuild, versionKey } from './store-refresh.ts';
import { type CustomerStoresRefresh, customerStoresCurrent, refreshCustomerStores, TIMELINE_STORE } from './stores.ts';

const SEEDS = 12;
const STEPS = 6;
const STORES = [DIRECTORY, TIMELINE_STORE] as const;

/** Both stores' rows (sorted) and versions, as the workspace holds them now. */
async function contents(ws: Workspace): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of STORES) {
    out[t] = await ws.db.all(sql`SELECT * FROM ${sql.id(t)} ORDER BY ALL`);
    out[`${t} version`] = await ws.db.all(sql`SELECT value FROM meta WHERE key = ${versionKey(t)}`);
  }
  return out;
}

/**
 * Compare the stores with a full rebuild, then put the updated ones back (their records too) so the next step
 * builds on them: a mistake then carries on, as it would in a workspace.
 */
async function compareWithFull(ws: Workspace): Promise<void> {
  for (const t of STORES)
    await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(`kept_${t}`)} AS SELECT * FROM ${sql.id(t)}`);
  await ws.db.run(sql`CREATE OR REPLACE TABLE kept_meta AS SELECT * FROM meta`);
  const updated = await contents(ws);
  await refreshCustomerStores(ws, { force: true });
  expect(updated).toEqual(await contents(ws));
  for (const t of STORES)
    await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(t)} AS SELECT * FROM ${sql.id(`kept_${t}`)}`);
  await ws.db.run(sql`DELETE FROM meta; INSERT INTO meta SELECT * FROM kept_meta`);
}

const actions = (r: CustomerStoresRefresh) => [r.directory.action, r.timeline.action];

/** A few customers with orders, subscriptions and churn events, and both stores built (steps add other events). */
async function started(s: Scenario): Promise<void> {
  await s.newCustomers(8 + s.int(8));
  await s.appendOrders(12);
  await s.appendSubscriptions(6);
  await s.churnEvents();
  expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'built']);
}

/** Orders of customers not yet known, who are created with them (a change to customers and orders at once). */
async function ordersOfNewcomers(s: Scenario): Promise<void> {
  const ids = [`N${s.int(1e6)}`, `N${s.int(1e6)}`];
  const rows = ids.map((id, i) => ({
    order_id: `ON${s.int(1e6)}-${i}`,
    customer_id: id,
    ordered_at: s.date(true),
    amount: 5,
  }));
  await s.load('orders', rows, { createMissingCustomers: true });
}

describe('the per-customer stores, updated', () => {
  it(`equal a full rebuild row for row after random imports, config and day changes (${SEEDS} seeds)`, async () => {
    const tally: Record<string, number> = {};
    for (let seed = 1; seed <= SEEDS; seed++) {
      await scenario(seed, async (s) => {
        await started(s);
        // Inserts most of the time, as imports mostly are; the rest upserts, deletions, rates, config and days.
        const inserts = [
          () => s.appendOrders(),
          () => s.appendOrders(undefined, 'EUR'),
          () => s.appendSubscriptions(),
          () => s.newCustomers(1 + s.int(2)),
          () => ordersOfNewcomers(s),
          () => s.activity(),
          () => s.ticketsOrResolution(),
          () => s.surveys(),
          () => s.churnEvents(),
        ];
        const others = [
          () => s.changeOrders(),
          () => s.changeSubscriptions(),
          () => s.moveCustomer(),
          () => s.snapshot(),
          () => s.rates(),
          async () => {
            const churn = s.ws.config.churn;
            s.ws.config = {
              ...s.ws.config,
              churn: { ...churn, grace_days: s.int(40), inactivity_days: 30 + s.int(200) },
            };
          },
          async () => vi.setSystemTime(new Date(Date.now() + 86_400_000)),
        ];
        for (let step = 0; step < STEPS; step++) {
          await s.pick(s.r() < 0.7 ? inserts : others)();
          const done = await refreshCustomerStores(s.ws);
          for (const [t, a] of [
            ['directory', done.directory.action],
            ['timeline', done.timeline.action],
          ])
            tally[`${t} ${a}`] = (tally[`${t} ${a}`] ?? 0) + 1;
          // A store built in full is the oracle itself: steps that updated one are checked.
          if (actions(done).includes('updated')) await compareWithFull(s.ws);
        }
      });
    }
    // The comparison proves nothing unless the update path ran, and often, for both stores.
    expect(tally['directory updated'] ?? 0).toBeGreaterThan(SEEDS);
    expect(tally['timeline updated'] ?? 0).toBeGreaterThan(SEEDS);
  }, 400_000);

  it('an import that only inserts updates both, touching only the customers it names', async () => {
    await scenario(3, async (s) => {
      await started(s);
      const [a, b] = [s.customers[0], s.customers[1]].map((c) => c?.customer_id as string);
      await s.load('orders', [
        { order_id: 'X1', customer_id: a as string, ordered_at: '2025-12-01 10:00:00', amount: 7 },
        { order_id: 'X2', customer_id: a as string, ordered_at: '2025-12-02 10:00:00', amount: 8 },
        { order_id: 'X3', customer_id: b as string, ordered_at: '2025-12-03 10:00:00', amount: 9 },
      ]);
      const done = await refreshCustomerStores(s.ws);
      expect(done.directory).toMatchObject({ action: 'updated', customers: 2, rows: 2 });
      expect(done.timeline).toMatchObject({ action: 'updated', customers: 2, rows: 3 });
      expect(await customerStoresCurrent(s.ws)).toBe(true);
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['fresh', 'fresh']);
      await compareWithFull(s.ws);
    });
  });

  it('an upsert or a deletion rebuilds both, as do new rates (they convert amounts); a new customers column, the directory', async () => {
    await scenario(4, async (s) => {
      await started(s);
      await s.changeOrders();
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'built']);
      // A first snapshot flags customers churned (a churn event each), a second un-flags them: their events go.
      const [a, b] = [s.customers[2], s.customers[3]].map((c) => c?.customer_id as string);
      await s.load('customers', [{ customer_id: a as string, tenure: 5, churned: 'Yes' }], { asOf: '2025-06-30' });
      await refreshCustomerStores(s.ws);
      await s.load(
        'customers',
        [
          { customer_id: a as string, tenure: 5, churned: 'No' },
          { customer_id: b as string, tenure: 2, churned: 'No' },
        ],
        {
          asOf: '2025-06-30',
        },
      );
      const [r] = await s.ws.db.all<{ changes: string }>(
        sql`SELECT changes FROM import_batches ORDER BY batch_id DESC LIMIT 1`,
      );
      expect(JSON.parse(String(r?.changes)).churn_events).toMatchObject({ rows: -1, altered: 1 });
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'built']);
      await s.rates();
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'built']);
      // New customers only, but with a column customers did not have: the directory's rows take another shape.
      await s.load('customers', [{ customer_id: 'Z1', created_at: '2025-03-01 00:00:00', favourite_colour: 'red' }]);
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'fresh']);
      await compareWithFull(s.ws);
    });
  });

  it('a new day or another churn definition rebuilds the directory and leaves the timeline', async () => {
    await scenario(5, async (s) => {
      await started(s);
      vi.setSystemTime(new Date(Date.now() + 86_400_000));
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'fresh']);
      s.ws.config = { ...s.ws.config, churn: { ...s.ws.config.churn, grace_days: s.ws.config.churn.grace_days + 3 } };
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['built', 'fresh']);
      await s.appendOrders(2);
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['updated', 'updated']);
    });
  });

  it('an update past a row group and a tenth of the store writes it again sorted, in the same lineage', async () => {
    await scenario(6, async (s) => {
      await started(s);
      const before = await storeBuild(s.ws, TIMELINE_STORE);
      const ids = s.customers.map((c) => c.customer_id as string);
      const file = join(s.dir, 'many-orders.csv');
      const lines = Array.from({ length: 123_000 }, (_, i) => `M${i},${ids[i % ids.length]},2025-11-0${1 + (i % 9)},1`);
      writeFileSync(file, ['order_id,customer_id,ordered_at,amount', ...lines].join('\n'));
      await importFile(s.ws, 'orders', file);
      const done = await refreshCustomerStores(s.ws);
      expect(done.directory.action).toBe('updated');
      expect(done.timeline).toMatchObject({ action: 'updated', rows: 123_000 });
      // Sorted by k again, nothing appended since, and the same base: views built from it patch themselves.
      const [order] = await s.ws.db.all<{ out: number }>(sql`SELECT count(*) FILTER (WHERE k < prev) AS out
        FROM (SELECT k, lag(k) OVER (ORDER BY rowid) AS prev FROM ${sql.id(TIMELINE_STORE)})`);
      expect(Number(order?.out)).toBe(0);
      const [record] = await s.ws.db.all<{ value: string }>(
        sql`SELECT value FROM meta WHERE key = ${`${TIMELINE_STORE}_build`}`,
      );
      expect(JSON.parse(String(record?.value))).toMatchObject({ appended: 0, base: before?.base });
      await compareWithFull(s.ws);
    });
  });

  it('an update interrupted inside its transaction leaves the old store, which is then not read (stale)', async () => {
    await scenario(7, async (s) => {
      await started(s);
      const before = await contents(s.ws);
      await s.appendOrders(3);
      const run = s.ws.db.run.bind(s.ws.db);
      const spy = vi.spyOn(s.ws.db, 'run').mockImplementation(async (q) => {
        if (print(q, s.ws.db.dialect).text.startsWith('INSERT INTO "customer_timeline"'))
          throw new Error('interrupted');
        return run(q);
      });
      try {
        await expect(refreshCustomerStores(s.ws)).rejects.toThrow('interrupted');
      } finally {
        spy.mockRestore();
      }
      const after = await contents(s.ws);
      expect(after[TIMELINE_STORE]).toEqual(before[TIMELINE_STORE]);
      expect(after[`${TIMELINE_STORE} version`]).toEqual(before[`${TIMELINE_STORE} version`]);
      expect(await customerStoresCurrent(s.ws)).toBe(false);
      expect(actions(await refreshCustomerStores(s.ws))).toEqual(['fresh', 'updated']);
      await compareWithFull(s.ws);
    });
  });
});
