/** Survival curves read at shared times: the step function's values, nothing invented beyond the data. */
import { describe, expect, it } from 'vitest';
import { curveAt, survivalOnGrid } from './grid.ts';
import { kaplanMeier } from './kaplan-meier.ts';
import type { SurvivalResult } from './survival.ts';

// Churns at 1 and 3, one censored at 2: Ŝ = 2/3 from 1, 0 from 3.
const km = kaplanMeier({
  time: Float64Array.of(1, 2, 3),
  events: Float64Array.of(1, 0, 1),
  count: Float64Array.of(1, 1, 1),
});

describe('curveAt', () => {
  it('is 1 before the first row, the last row at or before t after it, and undefined beyond the data', () => {
    const points = curveAt(km.table, [0, 0.99, 1, 2.5, 3, 3.01]);
    const twoThirds = km.table[0]!.survival;
    expect(twoThirds).toBeCloseTo(2 / 3, 15);
    expect(points.map((p) => p.survival)).toEqual([1, 1, twoThirds, twoThirds, 0, null]);
    expect(points[3]).toMatchObject({ lower: km.table[1]!.lower, upper: km.table[1]!.upper });
  });
});

describe('survivalOnGrid', () => {
  it('reads every curve at the same evenly spaced times up to the longest one, and keeps the summaries', () => {
    const short = kaplanMeier({ time: Float64Array.of(1.5), events: Float64Array.of(1), count: Float64Array.of(2) });
    const result: SurvivalResult = {
      unit: 'month',
      asOf: '2025-01-01',
      basis: 'customers',
      by: ['plan'],
      curves: [
        { segment: 'a', ...km },
        { segment: 'b', ...short },
      ],
      logRank: null,
    };
    const grid = survivalOnGrid(result, 7);
    expect(grid.curves.map((c) => c.points.map((p) => p.time))).toEqual([
      [0, 0.5, 1, 1.5, 2, 2.5, 3],
      [0, 0.5, 1, 1.5, 2, 2.5, 3],
    ]);
    expect(grid.curves[1]!.points.map((p) => p.survival)).toEqual([1, 1, 1, 0.5, null, null, null]);
    expect(grid.curves[0]).toMatchObject({ median: km.median, restrictedMean: km.restrictedMean, n: 3 });
    expect(grid.curves[0]).not.toHaveProperty('table');
    // Drawn to four decimals: 2/3 is not sent as 17 digits.
    expect(grid.curves[0]!.points[2]!.survival).toBe(0.6667);
    expect(survivalOnGrid(result, 4).curves[0]!.points[1]!.time).toBe(1);
    expect(survivalOnGrid(result, 8).curves[0]!.points[1]!.time).toBe(0.4286);
  });
});
