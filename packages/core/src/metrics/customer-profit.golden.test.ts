import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyProfit } from '../../test/fixtures/tiny-profit.ts';
import { sql } from '../sql/sql.ts';
import { computeMetrics } from './compute.ts';
import { customerProfitSql } from './customer-profit.ts';
import { normalizeQuery } from './query.ts';

/**
 * tiny-profit (see its file), January–March 2024, computed by hand.
 * Slices (cumulative rounding by days; crm 100.00 over 91 days = 10000 cents): Jan round(10000·31/91) = 3407,
 * Feb round(10000·60/91) − 3407 = 6593 − 3407 = 3186, Mar 10000 − 6593 = 3407.
 * Allocation (cumulative rounding over customers in id order):
 * - crm, active customers: Jan P, Q → round(3407/2) = 1704, 3407 − 1704 = 1703; Feb P, R → 1593 each;
 *   Mar P, R → 1704, 1703.
 * - service 90 in Feb by tickets: P 2, R 1 → 6000, 3000 cents.
 * - retention 33.33 in Jan by campaign treatment: P 1, Q 1 → round(3333/2) = 1667, 1666.
 * - retention 50 in Mar for region=north: no retention contacts in March, so per active north customer: P, R 25 each.
 * - acquisition 70 in Feb to new customers without their own cost: R; Q carries its own 40 in January.
 * - care 10 in Mar for region=south: no south customer active in March → unallocated.
 * Profit per customer-month (revenue − 0.3 × subscription revenue − order cost − allocated costs):
 *   P Jan 100 − 30 − 17.04 − 16.67 = 36.29   Feb 100 − 30 − 15.93 − 60 = −5.93   Mar 100 − 30 − 17.04 − 25 = 27.96
 *   Q Jan 32 − 9.6 − 17.03 − 16.66 − 40 = −51.29
 *   R Feb 30 + 50 − 9 − 20 − 15.93 − 30 − 70 = −64.93   Mar 30 + 80 − 9 − 24 − 17.03 − 25 = 34.97
 *   unallocated Mar −10.
 */
const expected: Record<string, [number, number, number]> = {
  P: [36.29, -5.93, 27.96],
  Q: [-51.29, 0, 0],
  R: [0, -64.93, 34.97],
};

forEachEngine('per-customer profit on tiny-profit (hand-computed)', fillTinyProfit, (e) => {
  e.it('each customer-month, and the unallocated part', async () => {
    const q = await normalizeQuery(e.conn, e.ws.config, { period: 'month', from: '2024-01', to: '2024-03' });
    const relation = customerProfitSql(q, e.conn.dialect, { origin: '2024-01-01 00:00:00', months: 3 });
    const rows = await e.conn.all<{ c: string | null; m: number; p: number }>(sql`SELECT customer_id AS c, m,
        sum(CASE WHEN line IN ('subscription_revenue', 'order_revenue') THEN amount ELSE -amount END) AS p
      FROM (${relation}) r GROUP BY customer_id, m ORDER BY customer_id, m${e.conn.dialect.querySuffix}`);
    for (const r of rows) {
      const want = r.c === null ? (r.m === 2 ? -10 : 0) : (expected[r.c]?.[Number(r.m)] ?? Number.NaN);
      expect(r.p, `${r.c} month ${r.m}`).toBeCloseTo(want, 9);
    }
    expect(rows.length).toBe(7); // P × 3, Q × 1, R × 2 and the unallocated March
  });

  e.it('profit contribution, retention cost and acquisition vs retention by month, quarter and region', async () => {
    const ids = ['profit_contribution', 'retention_cost_per_customer', 'acquisition_retention_ratio'];
    const month = await computeMetrics(e.conn, e.ws.config, ids, { period: 'month', from: '2024-01', to: '2024-03' });
    const v = (id: string) => month.filter((r) => r.metric === id).map((r) => r.value);
    // Jan: (36.29 − 51.29) ÷ 2 active (P, Q); Feb: (−5.93 − 64.93) ÷ 2 (P, R); Mar: (27.96 + 34.97 − 10) ÷ 2 (P, R).
    const pc = v('profit_contribution');
    for (const [i, want] of [-15 / 2, -70.86 / 2, 52.93 / 2].entries()) expect(pc[i]).toBeCloseTo(want, 9);
    // Retention categories ÷ active at the start: Jan 33.33 ÷ 1 (P); Feb service 90 ÷ 1 (P; R is new, Q gone);
    // Mar retention 50 + care 10 ÷ 2 (P, R).
    const rc = v('retention_cost_per_customer');
    for (const [i, want] of [33.33, 90, 30].entries()) expect(rc[i]).toBeCloseTo(want, 9);
    // Jan: CAC 40 (Q's own) ÷ (33.33 ÷ (1 kept × 1/12 year)) = 40 ÷ 399.96; Feb: CAC 70 ÷ (90 ÷ (1 × 1/12)).
    const ar = v('acquisition_retention_ratio');
    expect(ar[0]).toBeCloseTo(40 / (33.33 * 12), 9);
    expect(ar[1]).toBeCloseTo(70 / (90 * 12), 9);
    expect(ar[2]).toBeNull(); // no new customer in March

    const quarter = await computeMetrics(e.conn, e.ws.config, ['profit_contribution'], {
      period: 'quarter',
      from: '2024-01',
      to: '2024-03',
    });
    // Q1: Σ of the months (−32.93) over the 3 customers active in it.
    expect(quarter[0]?.value).toBeCloseTo(-32.93 / 3, 9);

    const byRegion = await computeMetrics(e.conn, e.ws.config, ['profit_contribution'], {
      period: 'month',
      from: '2024-01',
      to: '2024-03',
      by: ['region'],
    });
    const num = (k: number, region: string) =>
      byRegion.find((r) => r.period_start === `2024-0${k + 1}-01` && r.segment.region === region)?.numerator ?? 0;
    // north = P + R, south = Q, and the care cost nobody carries as its own segment: they add up to the months' totals.
    expect(num(0, 'north')).toBeCloseTo(36.29, 9);
    expect(num(0, 'south')).toBeCloseTo(-51.29, 9);
    expect(num(2, 'north')).toBeCloseTo(62.93, 9);
    expect(num(2, '(unallocated)')).toBeCloseTo(-10, 9);
    for (const k of [0, 1, 2]) {
      const sum = ['north', 'south', '(unallocated)'].reduce((s, g) => s + num(k, g), 0);
      expect(sum).toBeCloseTo(month.filter((r) => r.metric === 'profit_contribution')[k]?.numerator as number, 9);
    }
  });
});
