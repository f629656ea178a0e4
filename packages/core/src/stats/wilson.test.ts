import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../../test/reference/stats/reference.ts';
import { wilson } from './wilson.ts';

describe('wilson', () => {
  it.each(reference.wilson)('matches statsmodels for $x / $n at z = $z', ({ x, n, z, low, high }) => {
    const interval = wilson(x, n, z);
    expectClose(interval.low, low, 1e-9, 'low');
    expectClose(interval.high, high, 1e-9, 'high');
  });

  it('has no interval without observations', () => {
    expect(wilson(0, 0)).toEqual({ low: null, high: null });
  });

  it('touches 0 or 1 exactly when no or every trial succeeds, and narrows as n grows', () => {
    expect(wilson(0, 25).low).toBe(0);
    expect(wilson(25, 25).high).toBe(1);
    const width = (n: number) => (wilson(n / 10, n).high ?? 0) - (wilson(n / 10, n).low ?? 0);
    expect(width(1000)).toBeLessThan(width(100));
  });

  it('rejects impossible counts', () => {
    for (const [x, n] of [
      [5, 4],
      [-1, 10],
      [1, Number.NaN],
    ] as const) {
      expect(() => wilson(x, n)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});
