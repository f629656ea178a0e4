import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyChurn } from '../../test/fixtures/tiny-churn.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics } from './compute.ts';

/*
 * Hand-computed from tiny-churn's subscriptions, months January–March 2024. Term ends (✓ renewed, grace 0):
 *   Jan: S1 anniversary Jan 15 ✓ (running), S5 ends Jan 20, S12 ends Jan 31                         → 1 / 3
 *   Feb: S6 ends Feb 5 (S7 only from Feb 15), S2 ends at its anniversary Feb 10 (one term end, not two),
 *        S8 anniversary Feb 20 ✓, S14 ends Feb 20, S15 and S16 end together Feb 25, S13 ends Feb 28 → 1 / 7
 *   Mar: S3 ends Mar 1 ✓ (S4 starts at that instant; S3's anniversary is its end, not a second term end),
 *        S9 anniversary Mar 10 ✓, S10 ends Mar 15, S17 ends Mar 20, S9 ends Mar 25                    → 2 / 5
 * With grace 14 days, S6 is renewed too: S7 starts Feb 15 ≤ Feb 5 + 14 and is active at Feb 19 → Feb 2 / 7;
 * S9's anniversary stays renewed (Mar 10 + 14 = Mar 24 < its end, Mar 25).
 * By region (north P1 P2 P5 P6 P8 P11 P13, south P3 P4 P7 P9 P10 P12):
 *   Jan north S1 ✓ 1/1, south S5 S12 0/2; Feb north S6 S2 S8✓ S14 1/4, south S15 S16 S13 0/3;
 *   Mar north S10 S17 0/2, south S3✓ S9-anniversary✓ S9 2/3
 */
const run = (conn: Connection, config: TenureConfig, extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, ['renewal_rate'], { period: 'month', from: '2024-01', to: '2024-03', ...extra });
const graced = (config: TenureConfig, days: number): TenureConfig => ({
  ...config,
  churn: { ...config.churn, grace_days: days },
});

forEachEngine('renewal rate on tiny-churn (hand-computed)', fillTinyChurn, (e) => {
  e.it('term ends by ended_at and yearly anniversaries, renewed by a subscription at the end', async () => {
    const rows = await run(e.conn, e.ws.config);
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([
      [1, 3],
      [1, 7],
      [2, 5],
    ]);
    expect(rows.map((r) => r.value)).toEqual([1 / 3, 1 / 7, 2 / 5]);
    expect(rows[0]?.ci_low).toBeCloseTo(0.0615, 3); // Wilson 95 % for 1/3
    expect(rows[0]?.ci_high).toBeCloseTo(0.7923, 3);
  });

  e.it('grace days let a comeback within them count as a renewal', async () => {
    const rows = await run(e.conn, graced(e.ws.config, 14));
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([
      [1, 3],
      [2, 7],
      [2, 5],
    ]);
    const nine = await run(e.conn, graced(e.ws.config, 9), { from: '2024-02', to: '2024-02' });
    expect(nine.map((r) => r.numerator)).toEqual([1]);
  });

  e.it('by region', async () => {
    const rows = await run(e.conn, e.ws.config, { by: ['region'] });
    expect(rows.map((r) => [r.period_start, r.segment.region, r.numerator, r.denominator])).toEqual([
      ['2024-01-01', 'north', 1, 1],
      ['2024-01-01', 'south', 0, 2],
      ['2024-02-01', 'north', 1, 4],
      ['2024-02-01', 'south', 0, 3],
      ['2024-03-01', 'north', 0, 2],
      ['2024-03-01', 'south', 2, 3],
    ]);
  });

  e.it('a quarter counts every term end in it once', async () => {
    const rows = await run(e.conn, e.ws.config, { period: 'quarter', from: '2024-Q1', to: '2024-Q1' });
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([[4, 15]]);
  });
});
