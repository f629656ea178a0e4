import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { refreshCustomerStores } from '../customers/stores.ts';
import { customer360 } from '../customers/timeline.ts';
import { snapshotFeatures } from '../predict/features/snapshot.ts';
import { sql } from '../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';
import { checkRates, moneyFrom, moneyPlan } from './currency.ts';
import { normalizeQuery } from './query.ts';
import { rollupSql } from './rollups/read.ts';
import { refreshRollups } from './rollups/refresh.ts';

/**
 * Two currencies, the workspace's USD (the default) and EUR, whose rate changes mid-February:
 *   EUR → USD 1.10 from 2023-12-01, 1.20 from 2024-02-15.
 * Subscriptions, each converted at the rate in force when it started (boundaries Jan 1, Feb 1, Mar 1, Apr 1):
 *   A 100 (currency empty: USD) from 2023-12-15; B 100 EUR from 2023-12-20 → 110; C 50 'eur' from 2024-02-20 → 60.
 *   MRR: Feb 1 = 100 + 110 = 210 (January's end); Mar 1 = 210 + 60 = 270; Apr 1 = 270 (B stays at 1.10).
 * Orders, each at the rate of its day:
 *   January: 40 USD. February: 100 EUR on the 10th → 110, 100 EUR on the 20th → 120: 230. March: 33.33 EUR on the
 *   5th → 39.996.
 * Costs at the rate of their period's first day: 100 EUR from 2024-02-01 → 110; 50 USD → 50.
 */
async function fillMixed(ws: Workspace): Promise<void> {
  await ws.db.run(sql`INSERT INTO exchange_rates (currency, rate_date, rate)
    VALUES ('EUR', DATE '2023-12-01', 1.10), ('EUR', DATE '2024-02-15', 1.20)`);
  for (const c of ['A', 'B', 'C'])
    await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES (${c}, TIMESTAMP '2023-12-01')`);
  const subs: [string, string, string, number, string | null][] = [
    ['S1', 'A', '2023-12-15', 100, null],
    ['S2', 'B', '2023-12-20', 100, 'EUR'],
    ['S3', 'C', '2024-02-20', 50, 'eur'],
  ];
  for (const [id, c, start, mrr, cur] of subs)
    await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, mrr, currency)
      VALUES (${id}, ${c}, CAST(${start} AS TIMESTAMP), ${mrr}, ${cur})`);
  const orders: [string, string, string, number, number | null, string | null][] = [
    ['O1', 'A', '2024-01-10', 40, 10, ''],
    ['O2', 'B', '2024-02-10', 100, 50, 'EUR'],
    ['O3', 'B', '2024-02-20', 100, null, 'EUR'],
    ['O4', 'C', '2024-03-05', 33.33, null, 'EUR'],
  ];
  for (const [id, c, at, amount, cost, cur] of orders)
    await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, cost, currency)
      VALUES (${id}, ${c}, CAST(${at} AS TIMESTAMP), ${amount}, ${cost}, ${cur})`);
  await ws.db.run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment, currency) VALUES
    (DATE '2024-02-01', DATE '2024-02-29', 'retention', 100, 'all', 'EUR'),
    (DATE '2024-02-01', DATE '2024-02-29', 'service', 50, 'all', NULL)`);
}

const q = { period: 'month' as const, from: '2024-01', to: '2024-03' };

forEachEngine('amounts in two currencies, a rate change mid-period (hand-computed)', fillMixed, (e) => {
  e.it('MRR converts each subscription at the rate in force when it started', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['mrr'], q);
    expect(rows.map((r) => r.value)).toEqual([210, 270, 270]);
  });

  e.it('order revenue converts each order at the rate of its day', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['aov'], q);
    expect(rows.map((r) => r.parts?.revenue)).toEqual([40, 230, 39.996]);
  });

  e.it('the converted relations: order amount and cost, cost amount', async () => {
    const plan = await moneyPlan(e.conn, 'USD');
    expect([...plan.foreign].sort()).toEqual(['costs', 'orders', 'subscriptions']);
    const d = e.conn.dialect;
    const orders = await e.conn.all(sql`SELECT order_id, CAST(amount AS DOUBLE) AS amount, CAST(cost AS DOUBLE) AS cost
      FROM ${moneyFrom(plan, 'orders', d)} ORDER BY order_id${d.querySuffix}`);
    expect(orders).toEqual([
      { order_id: 'O1', amount: 40, cost: 10 },
      { order_id: 'O2', amount: 110, cost: 55 },
      { order_id: 'O3', amount: 120, cost: null },
      { order_id: 'O4', amount: 39.996, cost: null },
    ]);
    const costs = await e.conn.all(sql`SELECT category, CAST(c.amount AS DOUBLE) AS amount
      FROM ${moneyFrom(plan, 'costs', d, 'c')} ORDER BY category${d.querySuffix}`);
    expect(costs).toEqual([
      { category: 'retention', amount: 110 },
      { category: 'service', amount: 50 },
    ]);
  });
});

/**
 * A rate missing: a CNY subscription started 2024-01-15 and CNY costs of January, the first CNY rate dated
 * 2024-02-01. MRR over January to March needs the subscription's and is refused, naming CNY and 2024-01-15 (the
 * costs are not its concern); a range ending before that day does not need it; the customer counts never read an
 * amount and are computed.
 */
async function fillMissing(ws: Workspace): Promise<void> {
  await ws.db.run(sql`INSERT INTO exchange_rates (currency, rate_date, rate) VALUES ('CNY', DATE '2024-02-01', 0.14)`);
  for (const c of ['A', 'B'])
    await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES (${c}, TIMESTAMP '2023-12-01')`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, mrr, currency) VALUES
    ('S1', 'A', TIMESTAMP '2023-12-15', 100, 'USD'), ('S2', 'B', TIMESTAMP '2024-01-15', 700, 'CNY')`);
  await ws.db.run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment, currency)
    VALUES (DATE '2024-01-01', DATE '2024-01-31', 'crm', 5000, 'all', 'CNY')`);
}

forEachEngine('a figure that needs a missing rate', fillMissing, (e) => {
  e.it('is refused, naming the currency and the earliest date without a rate', async () => {
    await expect(computeMetrics(e.conn, e.ws.config, ['mrr'], q)).rejects.toMatchObject({
      code: 'TEN_METRIC_MISSING_RATE',
      args: { currency: 'CNY', date: '2024-01-15', workspace: 'USD' },
    });
  });

  e.it('looks only at the tables the SQL converted: costs, dated by their period, miss CNY on 2024-01-01', async () => {
    const plan = await moneyPlan(e.conn, 'USD');
    moneyFrom(plan, 'costs', e.conn.dialect); // building the relation records that the SQL converts costs
    await expect(checkRates(e.conn, plan)).rejects.toMatchObject({
      code: 'TEN_METRIC_MISSING_RATE',
      args: { currency: 'CNY', date: '2024-01-01' },
    });
  });

  e.it(
    'is computed over a range ending before that date, and figures without amounts are always computed',
    async () => {
      const before = await computeMetrics(e.conn, e.ws.config, ['mrr'], {
        period: 'month',
        from: '2023-12',
        to: '2023-12',
      });
      expect(before.map((r) => r.value)).toEqual([100]);
      const counts = await computeMetrics(e.conn, e.ws.config, ['new_customers'], q);
      expect(counts.map((r) => r.value)).toEqual([1, 0, 0]);
    },
  );
});

/** Every amount in the workspace currency (empty, 'USD', 'usd'): no conversion planned, MRR as stored, 100 + 20 + 3. */
async function fillHome(ws: Workspace): Promise<void> {
  await ws.db.run(sql`INSERT INTO exchange_rates (currency, rate_date, rate) VALUES ('EUR', DATE '2023-01-01', 1.1)`);
  for (const c of ['A', 'B', 'C'])
    await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES (${c}, TIMESTAMP '2023-12-01')`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, mrr, currency) VALUES
    ('S1', 'A', TIMESTAMP '2023-12-15', 100, NULL), ('S2', 'B', TIMESTAMP '2023-12-15', 20, 'USD'),
    ('S3', 'C', TIMESTAMP '2023-12-15', 3, 'usd')`);
}

forEachEngine('a workspace in one currency', fillHome, (e) => {
  e.it('reads the tables as they are and sums the amounts as stored', async () => {
    const nq = await normalizeQuery(e.conn, e.ws.config, q);
    expect(nq.money.foreign).toEqual([]);
    const rows = await computeMetrics(e.conn, e.ws.config, ['mrr'], q);
    expect(rows.map((r) => r.value)).toEqual([123, 123, 123]);
  });
});

/**
 * Churn features read the same converted amounts (predict/features/account.ts), on the mixed fixture at 2024-03-10:
 * MRR A 100, B 110, C 60; spend in the year before: A 40, B 110 + 120 = 230, C 39.996.
 */
describe('churn features and rollups in two currencies (DuckDB: both are DuckDB SQL over the workspace)', () => {
  let dir: string;
  let ws: Workspace;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tenure-currency-'));
    ws = await initWorkspace(join(dir, 'ws'));
    await fillMixed(ws);
  });
  afterAll(async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rollups hold the converted sums and serve them', async () => {
    await refreshRollups(ws);
    for (const base of ['revenue', 'purchases'] as const)
      expect(await rollupSql(ws.db, await normalizeQuery(ws.db, ws.config, q), base)).not.toBeNull();
    const rows = await computeMetrics(ws.db, ws.config, ['mrr', 'aov'], q);
    expect(rows.map((r) => (r.metric === 'mrr' ? r.value : r.parts?.revenue))).toEqual([
      210, 270, 270, 40, 230, 39.996,
    ]);
  });

  it("the customer 360 and the customer list show B's amounts converted, live and from the stores", async () => {
    for (const stored of [false, true]) {
      if (stored) await refreshCustomerStores(ws);
      const c = await customer360(ws, 'B', { stored });
      expect(c.customer.mrr).toBe(110);
      expect(c.timeline.map((t) => [t.kind, t.amount])).toEqual([
        ['order', 120],
        ['order', 110],
        ['subscription', 110],
      ]);
      expect(new Set(c.series.mrr.map((m) => m.mrr))).toEqual(new Set([110]));
    }
  });

  it('read MRR and spend in the workspace currency', async () => {
    const { query } = await snapshotFeatures(ws, ['2024-03-10'], null);
    const rows = await ws.db.all(sql`SELECT customer_id, mrr, spend_365d FROM (${query}) f ORDER BY customer_id`);
    expect(rows).toEqual([
      { customer_id: 'A', mrr: 100, spend_365d: 40 },
      { customer_id: 'B', mrr: 110, spend_365d: 230 },
      { customer_id: 'C', mrr: 60, spend_365d: 39.996 },
    ]);
  });
});
