/**
 * Incremental refresh equals a full rebuild, row for row, after random imports (new rows, upserts that move
 * dates, amounts and owners, new customers, segment changes) and config changes; and an interrupted update leaves
 * the old cube in place, unread because stale.
 */
import { describe, expect, it, vi } from 'vitest';
import { type Row, type Scenario, scenario } from '../../../test/fixtures/imports.ts';
import { print } from '../../sql/print.ts';
import { sql } from '../../sql/sql.ts';
import { bumpDataEpoch } from '../../workspace/data-version.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { normalizeQuery } from '../query.ts';
import { rollupSql } from './read.ts';
import { refreshRollups } from './refresh.ts';

const SEEDS = 30;
const STEPS = 4;

/** These cubes' rows (sorted) and records, as the workspace holds them now. */
async function snapshot(ws: Workspace, names: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = await ws.db.all(sql`SELECT * FROM ${sql.id(`rollup_${name}`)} ORDER BY ALL`);
  // The tables kept beside purchases (first-orders.ts, buyer-months.ts) are what a full build keeps, row for row.
  if (names.includes('purchases'))
    for (const kept of ['rollup_first_orders', 'rollup_buyer_months'])
      out[kept] = await ws.db.all(sql`SELECT * FROM ${sql.id(kept)} ORDER BY ALL`);
  // Not the basis: a cube that does not depend on it (purchases, revenue) keeps the one it was built under.
  out.records = await ws.db.all(sql`SELECT name, version, dims, origin, periods, rows FROM rollups
    WHERE name IN (SELECT unnest(${names})) ORDER BY name`);
  return out;
}

/** The latest order: a new amount on it adds no segment key, so the refresh updates rather than rebuilds. */
const latestOrder = (s: Scenario) =>
  [...s.orders].sort((a, b) => String(b.ordered_at).localeCompare(String(a.ordered_at)))[0] as Row;

/** The meta entry of the first orders kept beside the purchases cube (first-orders.ts), if any. */
const keptFirstOrders = (ws: Workspace) => ws.db.all(sql`SELECT value FROM meta WHERE key = 'rollup_first_orders'`);

/** A metric read from each cube. */
const METRIC_OF = { flow: 'active_customers', revenue: 'mrr', purchases: 'aov', cohorts: 'cohort_retention' } as const;
const METRICS = Object.values(METRIC_OF);

/**
 * Compare the given cubes with a full rebuild of them, then put the incremental ones back so the next step builds
 * on them (a mistake then carries on, as it would in a workspace).
 */
async function compareWithFull(ws: Workspace, names: (keyof typeof METRIC_OF)[]): Promise<void> {
  if (!names.length) return;
  // The subscriptions a cube keeps (per-customer.ts) are the workspace's, row for row, after any refresh.
  for (const name of names) {
    const kept = sql.id(`rollup_${name}_subscriptions`);
    const [has] = await ws.db.all(
      sql`SELECT 1 FROM information_schema.tables WHERE table_name = ${`rollup_${name}_subscriptions`}`,
    );
    if (has)
      expect(
        await ws.db.all(sql`(SELECT * FROM ${kept} EXCEPT ALL SELECT * FROM subscriptions)
          UNION ALL (SELECT * FROM subscriptions EXCEPT ALL SELECT * FROM ${kept})`),
      ).toEqual([]);
  }
  for (const name of names)
    await ws.db.run(
      sql`CREATE OR REPLACE TABLE ${sql.id(`kept_${name}`)} AS SELECT * FROM ${sql.id(`rollup_${name}`)}`,
    );
  await ws.db.run(sql`CREATE OR REPLACE TABLE kept_records AS SELECT * FROM rollups`);
  const incremental = await snapshot(ws, names);
  await refreshRollups(ws, { force: true, metrics: names.map((n) => METRIC_OF[n]) });
  expect(incremental).toEqual(await snapshot(ws, names));
  for (const name of names)
    await ws.db.run(
      sql`CREATE OR REPLACE TABLE ${sql.id(`rollup_${name}`)} AS SELECT * FROM ${sql.id(`kept_${name}`)}`,
    );
  await ws.db.run(sql`DELETE FROM rollups; INSERT INTO rollups SELECT * FROM kept_records`);
}

describe('incremental rollups', () => {
  it(`equal a full rebuild row for row after random imports and config changes (${SEEDS} seeds)`, async () => {
    const actions: Record<string, number> = {};
    for (let seed = 1; seed <= SEEDS; seed++) {
      await scenario(seed, async (s) => {
        // Three shapes, so each activity basis is exercised: subscriptions and orders, orders only, customers.
        const shape = seed % 3;
        await s.newCustomers(8 + s.int(8));
        const facts =
          shape === 0
            ? [
                () => s.appendOrders(),
                () => s.changeOrders(),
                () => s.appendSubscriptions(),
                () => s.changeSubscriptions(),
              ]
            : shape === 1
              ? [() => s.appendOrders(), () => s.changeOrders()]
              : [() => s.churnEvents()];
        if (shape < 2) await s.appendOrders(12);
        if (shape === 0) await s.appendSubscriptions(10);
        if (shape === 2) await s.churnEvents();
        await refreshRollups(s.ws, { metrics: METRICS });
        for (let step = 0; step < STEPS; step++) {
          const roll = s.r();
          if (roll < 0.06) vi.setSystemTime(new Date(Date.now() + (1 + s.int(2)) * 31 * 86_400_000));
          else if (roll < 0.1) await s.newCustomers(1);
          else if (roll < 0.14) await s.moveCustomer();
          else if (roll < 0.2) {
            const churn = s.ws.config.churn;
            s.ws.config = {
              ...s.ws.config,
              churn: { ...churn, grace_days: s.int(40), inactivity_days: 30 + s.int(200) },
            };
          } else await s.pick(facts)();
          const done = await refreshRollups(s.ws, { metrics: METRICS });
          for (const d of done) {
            const how =
              d.customers !== undefined
                ? `${d.action} per customer`
                : d.orders !== undefined
                  ? `${d.action} from new orders`
                  : d.action;
            actions[how] = (actions[how] ?? 0) + 1;
          }
          // A cube built in full is the oracle itself, a fresh one carries the data's version: the updated are checked.
          await compareWithFull(
            s.ws,
            done.filter((d) => d.action === 'updated').map((d) => d.name as keyof typeof METRIC_OF),
          );
        }
      });
    }
    // The comparison proves nothing unless every incremental path ran, and often.
    expect(actions.updated ?? 0).toBeGreaterThan(SEEDS);
    expect(actions['updated per customer'] ?? 0).toBeGreaterThan(SEEDS / 2);
    expect(actions['updated from new orders'] ?? 0).toBeGreaterThan(SEEDS / 2);
  }, 300_000);

  it('a subscriptions batch (cancel, extend, re-price, move, add) updates flow, revenue and cohorts per customer', async () => {
    await scenario(9, async (s) => {
      await s.newCustomers(12);
      await s.appendSubscriptions(16);
      await refreshRollups(s.ws, { metrics: ['active_customers', 'mrr', 'cohort_retention'] });
      const subs = s.subs.map((x) => ({ ...x }));
      const open = subs.find((x) => x.ended_at === null) as Row;
      const ended = subs.find((x) => x.ended_at !== null) as Row;
      const owners = subs.map((x) => x.customer_id);
      // Moved from a customer with another subscription, so no segment key loses its last one.
      const moved = subs.find(
        (x) => x !== open && x !== ended && owners.filter((o) => o === x.customer_id).length > 1,
      ) as Row;
      const batch: Row[] = [
        { ...open, ended_at: '2025-12-15 00:00:00' },
        { ...ended, ended_at: null },
        { ...moved, customer_id: subs.find((x) => x.customer_id !== moved.customer_id)?.customer_id as string },
        { ...subs[subs.length - 1], subscription_id: 'S-new', started_at: '2025-11-01 00:00:00', ended_at: null },
      ];
      await s.load('subscriptions', batch);
      const touched = new Set([...batch.map((x) => x.customer_id), moved.customer_id]);
      const done = await refreshRollups(s.ws, { metrics: ['active_customers', 'mrr', 'cohort_retention'] });
      expect(done.map((d) => [d.name, d.action, d.customers])).toEqual(
        ['flow', 'revenue', 'cohorts'].map((n) => [n, 'updated', touched.size]),
      );
      await compareWithFull(s.ws, ['flow', 'revenue', 'cohorts']);
    });
  });

  // An upsert updates by months, a new order from the new orders alone (orders-delta.ts).
  it.each([
    ['by months', (s: Scenario) => ({ ...latestOrder(s), amount: 0.5 })],
    ['from new orders', (s: Scenario) => ({ ...latestOrder(s), order_id: 'O-new', amount: 0.5 })],
  ])(
    'an update %s interrupted inside its transaction leaves the old cube, which is then not read (stale)',
    async (how, row) => {
      await scenario(7, async (s) => {
        await s.newCustomers(10);
        await s.appendOrders(12);
        await refreshRollups(s.ws);
        const before = await snapshot(s.ws, ['purchases']);
        const keptBefore = await keptFirstOrders(s.ws);
        expect(keptBefore).toHaveLength(1);
        await s.load('orders', [row(s)]);
        const run = s.ws.db.run.bind(s.ws.db);
        const spy = vi.spyOn(s.ws.db, 'run').mockImplementation(async (q) => {
          if (print(q, s.ws.db.dialect).text.includes('INSERT OR REPLACE INTO rollups')) throw new Error('interrupted');
          return run(q);
        });
        try {
          await expect(refreshRollups(s.ws, { metrics: ['aov'] })).rejects.toThrow('interrupted');
        } finally {
          spy.mockRestore();
        }
        expect(await snapshot(s.ws, ['purchases'])).toEqual(before);
        expect(await keptFirstOrders(s.ws)).toEqual(keptBefore);
        const q = await normalizeQuery(s.ws.db, s.ws.config, { period: 'month', from: '2025-01', to: '2025-12' });
        expect(await rollupSql(s.ws.db, q, 'purchases')).toBeNull();
        const done = await refreshRollups(s.ws, { metrics: ['aov'] });
        expect(done.map((d) => [d.action, d.orders === undefined ? 'by months' : 'from new orders'])).toEqual([
          ['updated', how],
        ]);
        expect(await rollupSql(s.ws.db, q, 'purchases')).not.toBeNull();
        expect(await keptFirstOrders(s.ws)).toHaveLength(1);
        await compareWithFull(s.ws, ['purchases']);
      });
    },
  );

  it('a per-customer update interrupted inside its transaction leaves the cube and its subscriptions as they were', async () => {
    await scenario(10, async (s) => {
      await s.newCustomers(10);
      await s.appendSubscriptions(12);
      await refreshRollups(s.ws, { metrics: ['mrr'] });
      const kept = () => s.ws.db.all(sql`SELECT * FROM rollup_revenue_subscriptions ORDER BY ALL`);
      const [before, keptBefore] = [await snapshot(s.ws, ['revenue']), await kept()];
      await s.load('subscriptions', [{ ...(s.subs[0] as Row), mrr: 12345 }]);
      const run = s.ws.db.run.bind(s.ws.db);
      const spy = vi.spyOn(s.ws.db, 'run').mockImplementation(async (q) => {
        if (print(q, s.ws.db.dialect).text.includes('INSERT OR REPLACE INTO rollups')) throw new Error('interrupted');
        return run(q);
      });
      try {
        await expect(refreshRollups(s.ws, { metrics: ['mrr'] })).rejects.toThrow('interrupted');
      } finally {
        spy.mockRestore();
      }
      expect(await snapshot(s.ws, ['revenue'])).toEqual(before);
      expect(await kept()).toEqual(keptBefore);
      const done = await refreshRollups(s.ws, { metrics: ['mrr'] });
      expect(done.map((d) => [d.action, d.customers])).toEqual([['updated', 1]]);
      await compareWithFull(s.ws, ['revenue']);
    });
  });

  it('buyer months missing (a cube built before they were kept) come back with an update by months', async () => {
    await scenario(11, async (s) => {
      await s.newCustomers(10);
      await s.appendOrders(12);
      await refreshRollups(s.ws, { metrics: ['aov'] });
      await s.ws.db.run(sql`DROP TABLE rollup_buyer_months; DELETE FROM meta WHERE key = 'rollup_buyer_months'`);
      await s.appendOrders(2);
      // Without them the new orders cannot be folded in: the months are recomputed, and the table rebuilt.
      const [months] = await refreshRollups(s.ws, { metrics: ['aov'] });
      expect([months?.action, months?.months === undefined, months?.orders]).toEqual(['updated', false, undefined]);
      await compareWithFull(s.ws, ['purchases']);
      await s.appendOrders(2);
      const [folded] = await refreshRollups(s.ws, { metrics: ['aov'] });
      expect([folded?.action, folded?.orders]).toEqual(['updated', 2]);
      await compareWithFull(s.ws, ['purchases']);
    });
  });

  it('the first orders and buyer months kept for purchases go with its cube when the orders are gone', async () => {
    await scenario(8, async (s) => {
      await s.newCustomers(10);
      await s.appendOrders(12);
      await refreshRollups(s.ws, { metrics: ['aov'] });
      await s.load('orders', [{ ...latestOrder(s), amount: 0.5 }]);
      expect((await refreshRollups(s.ws, { metrics: ['aov'] })).map((d) => d.action)).toEqual(['updated']);
      expect(await keptFirstOrders(s.ws)).toHaveLength(1);
      await s.ws.db.run(sql`DELETE FROM orders`);
      await bumpDataEpoch(s.ws.db);
      expect((await refreshRollups(s.ws, { metrics: ['aov'] })).map((d) => d.action)).toEqual(['dropped']);
      expect(await keptFirstOrders(s.ws)).toEqual([]);
      expect(
        await s.ws.db.all(sql`SELECT table_name FROM information_schema.tables
          WHERE table_name IN ('rollup_first_orders', 'rollup_buyer_months')`),
      ).toEqual([]);
      expect(await s.ws.db.all(sql`SELECT key FROM meta WHERE key = 'rollup_buyer_months'`)).toEqual([]);
    });
  });
});
