import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyRetail } from '../../test/fixtures/tiny-retail.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * Hand-computed from tiny-retail, months January–April 2024 (returning = first order ever before the month).
 *   Jan: R1 40+60, R2 100, R3 25, R8 10 (Jan 31 23:59:59)   orders 5, revenue 235, buyers 4, returning R1 = 1
 *   Feb: R2 80 (Feb 1 00:00), R4 30 (Feb 1 18:30) + 45, R5 60+40, R6 90
 *                                                           orders 6, revenue 345, buyers 4, returning R2 R4 = 2
 *   Mar: R1 30, R2 20, R5 50 (Mar 1 00:00), R7 15+25, R8 40, R10 65
 *                                                           orders 7, revenue 245, buyers 6, returning all but R7 = 5
 *   Apr: R1 20 (Apr 1 00:00), R2 50, R3 35 (after a gap), R4 25, R5 10, R6 30, R7 20, R9 55.5+44.5
 *                                                           orders 9, revenue 290, buyers 8, returning all but R9 = 7
 * By region (north R1 R2 R5 R7 R9, south R3 R4 R6 R8 R10), buyers / returning / orders / revenue:
 *   Jan north 2 / 1 / 3 / 200   south 2 / 0 / 2 / 35      Feb north 2 / 1 / 3 / 180   south 2 / 1 / 3 / 165
 *   Mar north 4 / 3 / 5 / 140   south 2 / 2 / 2 / 105     Apr north 5 / 4 / 6 / 200   south 3 / 3 / 3 / 90
 */
const MONTHS = {
  orders: [5, 6, 7, 9],
  revenue: [235, 345, 245, 290],
  buyers: [4, 4, 6, 8],
  returning: [1, 2, 5, 7],
};

const run = (conn: Connection, config: TenureConfig, names: string[], extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, names, { period: 'month', from: '2024-01', to: '2024-04', ...extra });
const of = (rows: MetricRow[], metric: string) => rows.filter((r) => r.metric === metric);
const values = (rows: MetricRow[], metric: string) => of(rows, metric).map((r) => r.value);

forEachEngine('purchase metrics on tiny-retail (hand-computed)', fillTinyRetail, (e) => {
  e.it('active buyers, purchase frequency and average order value', async () => {
    const rows = await run(e.conn, e.ws.config, ['active_buyers', 'purchase_frequency', 'aov']);
    expect(values(rows, 'active_buyers')).toEqual(MONTHS.buyers);
    expect(values(rows, 'purchase_frequency')).toEqual([5 / 4, 6 / 4, 7 / 6, 9 / 8]);
    expect(values(rows, 'aov')).toEqual([235 / 5, 345 / 6, 245 / 7, 290 / 9]);
    expect(of(rows, 'aov').map((r) => r.parts)).toEqual(
      MONTHS.orders.map((orders, i) => ({ revenue: MONTHS.revenue[i], orders })),
    );
  });

  e.it('repurchase rate: returning buyers ÷ buyers, with a Wilson interval', async () => {
    const rows = of(await run(e.conn, e.ws.config, ['repurchase_rate']), 'repurchase_rate');
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual(
      MONTHS.returning.map((n, i) => [n, MONTHS.buyers[i]]),
    );
    expect(rows[0]?.ci_low).toBeCloseTo(0.0456, 3); // Wilson 95 % for 1/4
    expect(rows[0]?.ci_high).toBeCloseTo(0.6994, 3);
  });

  e.it('by region', async () => {
    const rows = await run(e.conn, e.ws.config, ['repurchase_rate', 'aov'], { by: ['region'] });
    expect(
      of(rows, 'repurchase_rate').map((r) => [r.period_start, r.segment.region, r.numerator, r.denominator]),
    ).toEqual([
      ['2024-01-01', 'north', 1, 2],
      ['2024-01-01', 'south', 0, 2],
      ['2024-02-01', 'north', 1, 2],
      ['2024-02-01', 'south', 1, 2],
      ['2024-03-01', 'north', 3, 4],
      ['2024-03-01', 'south', 2, 2],
      ['2024-04-01', 'north', 4, 5],
      ['2024-04-01', 'south', 3, 3],
    ]);
    expect(values(rows, 'aov')).toEqual([200 / 3, 35 / 2, 180 / 3, 165 / 3, 140 / 5, 105 / 2, 200 / 6, 90 / 3]);
  });

  e.it('a month without orders has zero buyers and no average order value', async () => {
    const rows = await run(e.conn, e.ws.config, ['active_buyers', 'aov', 'repurchase_rate'], {
      from: '2024-05',
      to: '2024-05',
    });
    expect(rows.map((r) => [r.metric, r.value])).toEqual([
      ['active_buyers', 0],
      ['aov', null],
      ['repurchase_rate', null],
    ]);
  });
});
