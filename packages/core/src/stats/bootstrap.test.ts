import { describe, expect, it } from 'vitest';
import { bootstrapMeanDifference, type Grouped, quantize } from './bootstrap.ts';

const grouped = (pairs: [number, number][]): Grouped => ({
  values: Float64Array.from(pairs, ([v]) => v),
  counts: Float64Array.from(pairs, ([, c]) => c),
});
const churn = (stayed: number, left: number) =>
  grouped([
    [0, stayed],
    [1, left],
  ]);

describe('bootstrapMeanDifference', () => {
  it('matches the normal interval of a difference of proportions on large arms', () => {
    // 20 % vs 23 % churn in arms of 20,000 and 5,000: the bootstrap spread is √(p₁q₁/n₁ + p₂q₂/n₂).
    const r = bootstrapMeanDifference(churn(16_000, 4_000), churn(3_850, 1_150), { seed: 5, resamples: 4000 });
    const half = 1.959963984540054 * Math.sqrt((0.2 * 0.8) / 20_000 + (0.23 * 0.77) / 5_000);
    expect(r.estimate).toBeCloseTo(-0.03, 12);
    // 4,000 resamples put each percentile within about 4 % of the half-width.
    expect(Math.abs(r.lower - (r.estimate - half))).toBeLessThan(0.06 * half);
    expect(Math.abs(r.upper - (r.estimate + half))).toBeLessThan(0.06 * half);
  });

  it('matches the normal interval of a difference of means on many groups', () => {
    const values = (shift: number): [number, number][] =>
      Array.from({ length: 300 }, (_, i) => [i * 0.5 + shift, 10 + ((i * 37) % 50)]);
    const [a, b] = [grouped(values(3)), grouped(values(0))];
    const variance = (g: Grouped) => {
      const n = g.counts.reduce((s, c) => s + c, 0);
      const mean = g.values.reduce((s, v, i) => s + v * (g.counts[i] as number), 0) / n;
      return g.values.reduce((s, v, i) => s + (v - mean) ** 2 * (g.counts[i] as number), 0) / n / n;
    };
    const half = 1.959963984540054 * Math.sqrt(variance(a) + variance(b));
    const r = bootstrapMeanDifference(a, b, { seed: 9, resamples: 4000 });
    expect(r.estimate).toBeCloseTo(3, 10);
    expect(Math.abs(r.upper - r.lower - 2 * half)).toBeLessThan(0.08 * half);
  });

  it('is reproducible from its seed, and collapses to the estimate when every member has one value', () => {
    const a = churn(700, 300);
    const b = churn(650, 350);
    expect(bootstrapMeanDifference(a, b, { seed: 1 })).toEqual(bootstrapMeanDifference(a, b, { seed: 1 }));
    expect(bootstrapMeanDifference(a, b, { seed: 1 })).not.toEqual(bootstrapMeanDifference(a, b, { seed: 2 }));
    const flat = bootstrapMeanDifference(grouped([[4, 10]]), grouped([[1, 3]]), { seed: 1, level: 0.9 });
    expect(flat).toEqual({ estimate: 3, lower: 3, upper: 3 });
  });

  it('refuses an empty arm and a level outside (0, 1)', () => {
    expect(() => bootstrapMeanDifference(churn(0, 0), churn(5, 5), { seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_EMPTY_ARM' }),
    );
    expect(() => bootstrapMeanDifference(churn(5, 5), churn(5, 5), { seed: 1, level: 95 })).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_BAD_LEVEL' }),
    );
  });
});

describe('quantize', () => {
  it('keeps every member and the total in at most maxGroups groups', () => {
    const n = 10_000;
    const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 100);
    const counts = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const q = quantize(values, counts, 64);
    const sum = (g: Grouped) => g.values.reduce((s, v, i) => s + v * (g.counts[i] as number), 0);
    expect(q.values.length).toBeLessThanOrEqual(64);
    expect(q.counts.reduce((s, c) => s + c, 0)).toBe(counts.reduce((s, c) => s + c, 0));
    expect(sum(q)).toBeCloseTo(sum({ values, counts }), 6);
    expect([...q.values]).toEqual([...q.values].sort((x, y) => x - y));
  });

  it('returns few values as they are', () => {
    const g = grouped([
      [1, 2],
      [5, 3],
    ]);
    expect(quantize(g.values, g.counts, 4)).toEqual(g);
    expect(quantize(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1, 1, 1), 2)).toEqual({
      values: Float64Array.of(1.5, 3.5),
      counts: Float64Array.of(2, 2),
    });
  });
});
