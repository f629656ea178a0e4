import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTinyChurn } from '../../../test/fixtures/tiny-churn.ts';
import { fillTinyRetail } from '../../../test/fixtures/tiny-retail.ts';
import { fillTinySaas } from '../../../test/fixtures/tiny-saas.ts';
import { sql } from '../../sql/sql.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { computeMetrics } from '../compute.ts';
import { normalizeQuery } from '../query.ts';
import { rollupSql } from './read.ts';
import { listRollups } from './record.ts';
import { refreshRollups } from './refresh.ts';

const FLOW = ['churn_rate', 'retention_rate', 'retention_rate_end_minus_new', 'active_customers', 'new_customers'];
const MORE = ['reactivated_customers', 'churned_customers'];
const REVENUE = ['mrr', 'mrr_movements', 'nrr', 'grr', 'arpa'];
const PURCHASES = ['active_buyers', 'repurchase_rate', 'purchase_frequency', 'aov'];
const COHORTS = ['cohort_retention'];

type Q = Parameters<typeof computeMetrics>[3];

/** Every metric of a base, read from the rollup and from the entity tables, must be the same rows. */
async function same(ws: Workspace, names: string[], q: Q): Promise<void> {
  const base = await computeMetrics(ws.db, ws.config, names, q, { rollups: false });
  const fast = await computeMetrics(ws.db, ws.config, names, q);
  expect(base.length).toBeGreaterThan(0);
  expect(fast).toEqual(base);
}

/** Whether the query is answered from the cube: the equality above proves nothing if it never is. */
async function served(ws: Workspace, base: 'flow' | 'revenue' | 'purchases' | 'cohorts', q: Q): Promise<boolean> {
  return (await rollupSql(ws.db, await normalizeQuery(ws.db, ws.config, q), base)) !== null;
}

async function workspace(fill: (ws: Workspace) => Promise<void>): Promise<Workspace> {
  const ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-rollups-')));
  await fill(ws);
  return ws;
}

describe('rollups on the demo business (subscriptions and orders)', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace((w) => generateDemo(w, { customers: 1500, months: 24, seed: 11 }).then(() => undefined));
    const done = await refreshRollups(ws);
    expect(done.map((d) => [d.name, d.action])).toEqual([
      ['flow', 'built'],
      ['revenue', 'built'],
      ['purchases', 'built'],
      ['cohorts', 'built'],
    ]);
  }, 60_000);
  afterAll(() => ws?.close());

  const year = { period: 'month' as const, from: '2025-01', to: '2025-12' };
  const cases: [string, string[], Q, 'flow' | 'revenue' | 'purchases' | 'cohorts'][] = [
    ['customer flow', [...FLOW, ...MORE], year, 'flow'],
    ['flow by region', FLOW, { ...year, by: ['region'] }, 'flow'],
    ['flow by two dimensions', FLOW, { ...year, by: ['channel', 'contract'] }, 'flow'],
    ['flow filtered', FLOW, { ...year, by: ['customer_type'], filter: { region: ['north', 'east'] } }, 'flow'],
    ['flow over the first months of history', FLOW, { period: 'month', from: '2024-01', to: '2024-06' }, 'flow'],
    ['revenue', REVENUE, year, 'revenue'],
    [
      'revenue by channel, filtered',
      REVENUE,
      { ...year, by: ['channel'], filter: { contract: 'month_to_month' } },
      'revenue',
    ],
    ['purchases', PURCHASES, year, 'purchases'],
    ['purchases by product line', PURCHASES, { ...year, by: ['product_line'] }, 'purchases'],
    ['cohorts', COHORTS, year, 'cohorts'],
    [
      'cohorts by region, from mid-history',
      COHORTS,
      { period: 'month', from: '2024-07', to: '2025-06', by: ['region'] },
      'cohorts',
    ],
  ];
  for (const [what, names, q, base] of cases) {
    it(what, async () => {
      expect(await served(ws, base, q)).toBe(true);
      await same(ws, names, q);
    });
  }

  it('does not serve what a cube cannot answer, and the base still does', async () => {
    const quarter = { period: 'quarter' as const, from: '2025-Q1', to: '2025-Q4' };
    expect(await served(ws, 'flow', quarter)).toBe(false);
    expect(await served(ws, 'flow', { ...year, filter: { region: '(none)' } })).toBe(false);
    expect(await served(ws, 'flow', { period: 'month', from: '2019-01', to: '2025-12' })).toBe(false);
    expect(await served(ws, 'flow', { ...year, basis: 'orders' })).toBe(false);
    await same(ws, FLOW, { ...year, basis: 'orders' });
  });

  it('a change to the data makes the cubes stale until refreshed; a second refresh finds them fresh', async () => {
    const [victim] = await ws.db.all<{ id: string }>(
      sql`SELECT customer_id AS id FROM subscriptions WHERE started_at < '2025-01-01' AND ended_at IS NULL LIMIT 1`,
    );
    await ws.db.run(
      sql`UPDATE subscriptions SET ended_at = TIMESTAMP '2025-03-10', _batch = 999 WHERE customer_id = ${victim!.id}`,
    );
    expect(await served(ws, 'flow', year)).toBe(false);
    expect(await served(ws, 'purchases', year)).toBe(true); // orders did not change
    const before = await computeMetrics(ws.db, ws.config, ['churned_customers'], year);
    const done = await refreshRollups(ws);
    expect(done.map((d) => [d.name, d.action])).toEqual([
      ['flow', 'built'],
      ['revenue', 'built'],
      ['purchases', 'fresh'],
      ['cohorts', 'built'],
    ]);
    expect(await served(ws, 'flow', year)).toBe(true);
    expect(await computeMetrics(ws.db, ws.config, ['churned_customers'], year)).toEqual(before);
    await same(ws, [...FLOW, ...MORE], year);
    expect((await refreshRollups(ws)).every((d) => d.action === 'fresh')).toBe(true);
  });

  it('a config change makes them stale', async () => {
    const config = { ...ws.config, churn: { ...ws.config.churn, grace_days: ws.config.churn.grace_days + 7 } };
    const q = await normalizeQuery(ws.db, config, year);
    expect(await rollupSql(ws.db, q, 'flow')).toBeNull();
    expect(await rollupSql(ws.db, await normalizeQuery(ws.db, ws.config, year), 'flow')).not.toBeNull();
  });

  it('records what each cube holds', async () => {
    const rows = await listRollups(ws.db);
    expect(rows.map((r) => r.name)).toEqual(['cohorts', 'flow', 'purchases', 'revenue']);
    for (const r of rows) {
      expect(r.dims).toEqual(['region', 'product_line', 'customer_type', 'channel', 'contract']);
      expect(r.origin).toMatch(/^\d{4}-\d{2}-01 00:00:00$/);
      expect(r.rows).toBeGreaterThan(0);
    }
  });
});

describe('rollups on the hand-computed fixtures', () => {
  const fixtures: [string, (ws: Workspace) => Promise<void>, string[], 'flow' | 'cohorts'][] = [
    ['tiny-saas (subscriptions)', fillTinySaas, [...FLOW, ...MORE, ...REVENUE, ...COHORTS], 'flow'],
    ['tiny-retail (orders)', fillTinyRetail, [...FLOW, ...MORE, ...PURCHASES, ...COHORTS], 'flow'],
    [
      'tiny-churn without subscriptions (customers and churn events)',
      async (ws) => {
        await fillTinyChurn(ws);
        await ws.db.run(sql`DELETE FROM subscriptions`);
      },
      [...FLOW, ...MORE, ...COHORTS],
      'cohorts',
    ],
  ];
  for (const [what, fill, names, base] of fixtures) {
    it(what, async () => {
      const ws = await workspace(fill);
      try {
        await refreshRollups(ws);
        for (const q of [
          { period: 'month' as const, from: '2024-01', to: '2024-04' },
          { period: 'month' as const, from: '2024-02', to: '2024-03', by: ['region'] },
        ]) {
          expect(await served(ws, base, q)).toBe(true);
          await same(ws, names, q);
        }
      } finally {
        await ws.close();
      }
    });
  }
});
