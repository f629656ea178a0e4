/** The CLV and P(alive) histograms: bins by hand, and every customer counted once. */
import { describe, expect, it } from 'vitest';
import { clvDistribution, histogram } from './distribution.ts';

describe('histogram', () => {
  it('counts [lower, upper), closes the last bin and puts values beyond the ends in the nearest bin', () => {
    expect(histogram([-1, 0, 0.2, 0.5, 0.99, 1, 7], [0, 0.5, 1])).toEqual([
      { lower: 0, upper: 0.5, count: 3 },
      { lower: 0.5, upper: 1, count: 4 },
    ]);
  });
});

describe('clvDistribution', () => {
  // 200 customers worth 0…199, largest first, the top one far out in the tail.
  const customers = Array.from({ length: 200 }, (_, i) => ({ clv: i === 0 ? 10_000 : 199 - i, pAlive: (i % 10) / 10 }));

  it('bins CLV equally up to the 99th percentile, with the tail beyond it in one bin', () => {
    const { clv } = clvDistribution(customers);
    expect(clv).toHaveLength(20);
    // The 99th percentile of 200 values sorted downwards is the one at index ⌊0.01 · 200⌋ = 2: 10,000, 198, 197.
    expect(clv[18]!.upper).toBe(197);
    expect(clv[19]).toEqual({ lower: 197, upper: 10_000, count: 3 });
    expect(clv.reduce((n, b) => n + b.count, 0)).toBe(200);
  });

  it('bins P(alive) by 0.05 from 0 to 1', () => {
    const { pAlive } = clvDistribution(customers);
    expect(pAlive).toHaveLength(20);
    expect(pAlive.filter((b) => b.count > 0).map((b) => [b.lower, b.count])).toEqual(
      Array.from({ length: 10 }, (_, k) => [(2 * k) / 20, 20]),
    );
  });

  it('one bin when nobody is worth anything', () => {
    expect(clvDistribution([{ clv: 0, pAlive: 0.2 }]).clv).toEqual([{ lower: 0, upper: 0, count: 1 }]);
  });
});
