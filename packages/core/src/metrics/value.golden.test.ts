import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';

/**
 * tiny-saas (see its file) plus acquisition costs of the new customers — D 100 and E 50 (January), J 90
 * (February), L 30 (March) — and 70 of retention spending in January. Gross margin 0.7 (the default).
 * From the flow and MRR golden values: Jan start 7, churned 2, MRR end 440 from 6 payers; Feb churned 0;
 * Mar start 8, churned 2, MRR end 470 from 7 payers.
 */
async function fill(ws: Workspace): Promise<void> {
  await fillTinySaas(ws);
  for (const [c, cost] of [
    ['D', 100],
    ['E', 50],
    ['J', 90],
    ['L', 30],
  ] as const) {
    await ws.db.run(sql`UPDATE customers SET acquisition_cost = ${cost} WHERE customer_id = ${c}`);
  }
  await ws.db.run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment, _batch)
    VALUES (DATE '2024-01-01', DATE '2024-01-31', 'retention', 70, 'all', NULL)`);
}

const ltvJan = ((440 / 6) * 0.7) / (2 / 7); // ARPA × margin ÷ churn = 179.67
const ltvMar = ((470 / 7) * 0.7) / (2 / 8); // 188

forEachEngine('value metrics on tiny-saas (hand-computed)', fill, (e) => {
  // Profit contribution has its own hand-computed fixture (customer-profit.golden.test.ts).
  e.it('CAC, LTV, LTV:CAC, payback and retention cost', async () => {
    const ids = ['cac', 'ltv', 'ltv_cac', 'cac_payback_months', 'retention_cost_per_customer'];
    ids.push('acquisition_retention_ratio');
    const rows = await computeMetrics(e.conn, e.ws.config, ids, { period: 'month', from: '2024-01', to: '2024-03' });
    const v = (id: string) => rows.filter((r) => r.metric === id).map((r) => r.value);
    expect(v('cac')).toEqual([150 / 2, 90 / 1, 30 / 1]);
    const ltv = v('ltv');
    expect(ltv[0]).toBeCloseTo(ltvJan, 9);
    expect(ltv[1]).toBeNull(); // no churn in February: lifetime value is unbounded, not a number
    expect(ltv[2]).toBeCloseTo(ltvMar, 9);
    // Its interval: the Wilson 95 % interval of the month's churn (z = 1.959964) carried through ARPA × margin ÷ churn.
    const wilsonOf = (k: number, n: number) => {
      const [z, p] = [1.959964, k / n];
      const centre = (p + z ** 2 / (2 * n)) / (1 + z ** 2 / n);
      const half = (z / (1 + z ** 2 / n)) * Math.sqrt((p * (1 - p)) / n + z ** 2 / (4 * n ** 2));
      return [centre - half, centre + half] as const;
    };
    const ltvRows = rows.filter((r) => r.metric === 'ltv');
    const [janLow, janHigh] = wilsonOf(2, 7);
    expect(ltvRows[0]?.ci_low).toBeCloseTo(((440 / 6) * 0.7) / janHigh, 3);
    expect(ltvRows[0]?.ci_high).toBeCloseTo(((440 / 6) * 0.7) / janLow, 3);
    // February lost no one: the churn interval starts at 0, so LTV is bounded below only.
    expect(ltvRows[1]?.ci_low).toBeCloseTo(((550 / 8) * 0.7) / (wilsonOf(0, 6)[1] as number), 3);
    expect(ltvRows[1]?.ci_high).toBeNull();
    expect(v('ltv_cac')[0]).toBeCloseTo(ltvJan / 75, 9);
    expect(v('ltv_cac')[2]).toBeCloseTo(ltvMar / 30, 9);
    expect(v('cac_payback_months')[0]).toBeCloseTo(75 / ((440 / 6) * 0.7), 9);
    expect(v('retention_cost_per_customer')).toEqual([70 / 7, null, null]); // no cost rows: unknown, not zero
    // January: CAC 75 ÷ (70 of retention ÷ (7 − 2 kept × 1/12 year)) = 75 ÷ 168.
    expect(v('acquisition_retention_ratio')).toEqual([75 / (70 / (5 / 12)), null, null]);
  });
});
