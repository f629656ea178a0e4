import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyRetail } from '../../test/fixtures/tiny-retail.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * tiny-retail's orders by customer and month of 2024 (R1, R4, R10 first ordered in 2023: in no cohort; R11 never):
 *   R2 Jan 100, Feb 80, Mar 20, Apr 50 · R3 Jan 25, Apr 35 · R8 Jan 10 (Jan 31 23:59:59), Mar 40
 *   R5 Feb 100 (60 + 40), Mar 50, Apr 10 · R6 Feb 90, Apr 30 · R7 Mar 40 (15 + 25), Apr 20 · R9 Apr 100 (55.5 + 44.5)
 * January cohort R2, R3, R8 (3), first-period revenue 135:
 *   Feb 80 ÷ 135; capped min(80, 100) = 80 ÷ 135; buyers 1/3
 *   Mar 20 + 40 = 60 ÷ 135; capped min(20, 100) + min(40, 10) = 30 ÷ 135; buyers 2/3
 *   Apr 50 + 35 = 85 ÷ 135; capped 50 + min(35, 25) = 75 ÷ 135; buyers 2/3
 * February cohort R5, R6 (2), 190: Mar 50 (capped 50, 1/2), Apr 10 + 30 = 40 (capped 40, 2/2)
 * March cohort R7 (1), 40: Apr 20 (capped 20, 1/1). April cohort R9 (1), 100. Age 0: 1, capped 1, all buyers.
 * By region (north R2 R5 R7 R9, south R3 R6 R8): January north R2 alone, 100: Feb .8, Mar .2, Apr .5, capped the same.
 */
const run = (
  e: { conn: Parameters<typeof computeMetrics>[0] },
  config: Parameters<typeof computeMetrics>[1],
  by: string[] = [],
) =>
  computeMetrics(e.conn, config, ['order_revenue_retention'], { period: 'month', from: '2024-01', to: '2024-04', by });
const cells = (rows: MetricRow[]) =>
  rows.map((r) => [r.segment.cohort?.slice(5, 7), r.segment.age, r.value, r.parts?.capped_share, r.parts?.buyer_share]);

forEachEngine('order revenue retention on tiny-retail (hand-computed)', fillTinyRetail, (e) => {
  e.it('first-order cohorts: revenue and capped revenue against the first period, buyers', async () => {
    const rows = await run(e, e.ws.config);
    const close = cells(rows).map(([c, a, v, g, b]) => [
      c,
      a,
      ...[v, g, b].map((x) => Number((x as number).toFixed(6))),
    ]);
    const r = (x: number) => Number(x.toFixed(6));
    expect(close).toEqual([
      ['01', '0', 1, 1, 1],
      ['01', '1', r(80 / 135), r(80 / 135), r(1 / 3)],
      ['01', '2', r(60 / 135), r(30 / 135), r(2 / 3)],
      ['01', '3', r(85 / 135), r(75 / 135), r(2 / 3)],
      ['02', '0', 1, 1, 1],
      ['02', '1', r(50 / 190), r(50 / 190), 0.5],
      ['02', '2', r(40 / 190), r(40 / 190), 1],
      ['03', '0', 1, 1, 1],
      ['03', '1', 0.5, 0.5, 1],
      ['04', '0', 1, 1, 1],
    ]);
    expect(rows.map((x) => [x.numerator, x.denominator]).slice(0, 4)).toEqual([
      [135, 135],
      [80, 135],
      [60, 135],
      [85, 135],
    ]);
  });

  e.it('by region: each region its own cohorts', async () => {
    const rows = (await run(e, e.ws.config, ['region'])).filter(
      (x) => x.segment.region === 'north' && x.segment.cohort === '2024-01-01',
    );
    expect(cells(rows)).toEqual([
      ['01', '0', 1, 1, 1],
      ['01', '1', 0.8, 0.8, 1],
      ['01', '2', 0.2, 0.2, 1],
      ['01', '3', 0.5, 0.5, 1],
    ]);
  });
});
