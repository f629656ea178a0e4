import { expect } from 'vitest';
import { type EngineUnderTest, forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyRetail } from '../../test/fixtures/tiny-retail.ts';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';
import type { MetricQuery } from './query.ts';

const cohorts = (e: EngineUnderTest, extra: Partial<MetricQuery>, config: TenureConfig = e.ws.config) =>
  computeMetrics(e.conn, config, ['cohort_retention'], { period: 'month', from: '2024-01', to: '2024-04', ...extra });
/** [cohort month, age, active share, returned share, revenue share] */
const table = (rows: MetricRow[]) =>
  rows.map((r) => [
    r.segment.cohort?.slice(5, 7),
    Number(r.segment.age),
    r.parts?.active_share,
    r.parts?.returned_share,
    r.parts?.revenue_share,
  ]);

/** Property: no cell exceeds its cohort, whatever the grain, breakdown or inactivity window. */
async function cellsWithinCohorts(e: EngineUnderTest, to: string) {
  const short = { ...e.ws.config, churn: { ...e.ws.config.churn, inactivity_days: 30 } };
  const cases: [Partial<MetricQuery>, TenureConfig][] = [
    [{ to }, e.ws.config],
    [{ to, by: ['region'] }, short],
    [{ to, period: 'week' }, short],
    [{ to, period: 'day' }, e.ws.config],
  ];
  for (const [extra, config] of cases) {
    const rows = await cohorts(e, extra, config);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const size = r.parts?.cohort_size ?? 0;
      expect(r.numerator).toBeLessThanOrEqual(size);
      expect(r.parts?.returned_share).toBeLessThanOrEqual(1);
      expect(r.numerator).toBeGreaterThanOrEqual(0);
    }
    // Every member is active in the period they were acquired in: age 0 has returned share 1, for every cohort.
    const acquired = rows.filter((r) => r.segment.age === '0');
    expect(acquired.length).toBeGreaterThan(0);
    for (const r of acquired) expect(r.parts?.returned_share).toBe(1);
  }
}

/*
 * tiny-retail (orders basis), January–April 2024. Cohorts = first order ever, in range: Jan R2 R3 R8, Feb R5 R6,
 * Mar R7, Apr R9 (R1, R4, R10 first bought in 2023). Returned = ordered in the period; revenue = that period's
 * order amounts ÷ the acquisition period's:
 *   Jan: returned 3, R2 (Feb), R2 R8 (Mar), R2 R3 (Apr); revenue 100+25+10 = 135, 80, 20+40 = 60, 50+35 = 85
 *   Feb: returned 2, R5, R5 R6; revenue 100+90 = 190, 50, 10+30 = 40.   Mar: R7 40, 20.   Apr: R9 100.
 * Active at each period's end with the default 180 inactivity days: everyone. With 30 days (spans merge when
 * they overlap): R2 [Jan 3, Mar 2) [Mar 20, May 15); R3 [Jan 15, Feb 14) [Apr 10, May 10); R8 [Jan 31 23:59:59,
 * Mar 1 23:59:59) [Mar 31, Apr 30); R5 [Feb 5, Mar 31) [Apr 2, May 2); R6 [Feb 20, Mar 21) [Apr 28, May 28);
 * R7 [Mar 3, Apr 17) [Apr 22, May 22); R9 [Apr 5, May 6). At Feb 1 / Mar 1 / Apr 1 / May 1:
 *   Jan 3, R2 R8, R2 R8, R2 R3 → 3/3, 2/3, 2/3, 2/3     Feb 2, 0, 2 → 1, 0, 1     Mar 1, 1     Apr 1
 */
forEachEngine('cohort retention on tiny-retail (hand-computed)', fillTinyRetail, (e) => {
  e.it('returned and revenue shares by cohort and age', async () => {
    const rows = await cohorts(e, { to: '2024-04' });
    expect(table(rows)).toEqual([
      ['01', 0, 1, 1, 1],
      ['01', 1, 1, 1 / 3, 80 / 135],
      ['01', 2, 1, 2 / 3, 60 / 135],
      ['01', 3, 1, 2 / 3, 85 / 135],
      ['02', 0, 1, 1, 1],
      ['02', 1, 1, 1 / 2, 50 / 190],
      ['02', 2, 1, 1, 40 / 190],
      ['03', 0, 1, 1, 1],
      ['03', 1, 1, 1, 20 / 40],
      ['04', 0, 1, 1, 1],
    ]);
    // The row's period is cohort + age; the cohort's size is the denominator.
    expect(rows.map((r) => [r.period_start, r.denominator]).slice(0, 5)).toEqual([
      ['2024-01-01', 3],
      ['2024-02-01', 3],
      ['2024-03-01', 3],
      ['2024-04-01', 3],
      ['2024-02-01', 2],
    ]);
  });

  e.it('still active differs from returned with a 30-day inactivity window', async () => {
    const short = { ...e.ws.config, churn: { ...e.ws.config.churn, inactivity_days: 30 } };
    const rows = await cohorts(e, { to: '2024-04' }, short);
    expect(rows.map((r) => r.value)).toEqual([1, 2 / 3, 2 / 3, 2 / 3, 1, 0, 1, 1, 1, 1]);
  });

  e.it('property: cohort cells never exceed the cohort size', () => cellsWithinCohorts(e, '2024-04'));
});

/*
 * tiny-saas (subscriptions basis), January–March 2024. Cohorts = first span start in range: Jan D E, Feb J,
 * Mar L (F's first span is in 2023: its February return is a reactivation, not a cohort).
 *   Jan: D active at Feb 1, Mar 1, Apr 1; E left Jan 25 → active 1/2 at every age; returned 2/2, then D 1/2;
 *        MRR at Feb 1 = D 60 (E gone) and 60 after → revenue share 1, 1, 1
 *   Feb: J [Feb 20, Mar 5) → active 1 at Mar 1, 0 at Apr 1; returned 1, 1 (overlaps March); MRR 20 → 0
 *   Mar: L from Mar 31 → active 1, returned 1, MRR 10 → 1
 * Average lifetime = active at start ÷ churned (flow base): Jan 7 / 2, Feb none churned, Mar 8 / 2.
 */
forEachEngine('cohort retention and average lifetime on tiny-saas (hand-computed)', fillTinySaas, (e) => {
  e.it('active, returned and MRR shares by cohort and age', async () => {
    expect(table(await cohorts(e, { to: '2024-03' }))).toEqual([
      ['01', 0, 1 / 2, 1, 1],
      ['01', 1, 1 / 2, 1 / 2, 1],
      ['01', 2, 1 / 2, 1 / 2, 1],
      ['02', 0, 1, 1, 1],
      ['02', 1, 0, 1, 0],
      ['03', 0, 1, 1, 1],
    ]);
  });

  e.it('cohorts by region', async () => {
    const rows = await cohorts(e, { to: '2024-03', by: ['region'] });
    // Jan: D south, E north; Feb: J south; Mar: L north.
    expect(rows.map((r) => [r.segment.cohort, r.segment.age, r.segment.region, r.numerator, r.denominator])).toEqual([
      ['2024-01-01', '0', 'north', 0, 1],
      ['2024-01-01', '1', 'north', 0, 1],
      ['2024-01-01', '2', 'north', 0, 1],
      ['2024-01-01', '0', 'south', 1, 1],
      ['2024-01-01', '1', 'south', 1, 1],
      ['2024-01-01', '2', 'south', 1, 1],
      ['2024-02-01', '0', 'south', 1, 1],
      ['2024-02-01', '1', 'south', 0, 1],
      ['2024-03-01', '0', 'north', 1, 1],
    ]);
  });

  e.it('property: cohort cells never exceed the cohort size', () => cellsWithinCohorts(e, '2024-03'));

  e.it('average lifetime = 1 ÷ monthly churn rate', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['average_lifetime', 'churn_rate'], {
      period: 'month',
      from: '2024-01',
      to: '2024-03',
    });
    const life = rows.filter((r) => r.metric === 'average_lifetime');
    expect(life.map((r) => r.value)).toEqual([7 / 2, null, 8 / 2]);
    const churn = rows.filter((r) => r.metric === 'churn_rate');
    for (const [i, r] of life.entries()) if (r.value !== null) expect(r.value * (churn[i]?.value ?? 0)).toBeCloseTo(1);
  });
});
