import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../../test/reference/stats/reference.ts';
import { forecast } from './forecast.ts';

const widths = (f: { low: number[] | null; high: number[] | null }) => f.high!.map((h, i) => h - f.low![i]!);

describe('forecast against statsmodels', () => {
  describe.each(reference.forecast)('$name', (ref) => {
    const options = { horizon: ref.horizon, seasonLength: ref.seasonLength };
    const method = ref.seasonLength > 1 ? 'holt-winters' : 'holt';

    it.each([
      ['ETSModel', ref.ets],
      ['ExponentialSmoothing', ref.holtWinters],
    ])('reproduces SSE, forecasts and intervals at the parameters %s fitted', (_, fit) => {
      const ours = forecast(ref.series, { ...options, params: fit.params });
      expect(ours.method).toBe(method);
      expectClose(ours.sse, fit.sse, 1e-9, 'sse');
      ours.point.forEach((p, i) => {
        expectClose(p, fit.point[i]!, 1e-6, `point ${i + 1}`);
      });
      widths(ours).forEach((w, i) => {
        expectClose(w, fit.high[i]! - fit.low[i]!, 1e-6, `width ${i + 1}`);
      });
    });

    it('fits at least as well as statsmodels (SSE within 1 %) with intervals within 5 %', () => {
      const ours = forecast(ref.series, options);
      expect(ours.method).toBe(method);
      expect(ours.sse).toBeLessThanOrEqual(Math.min(ref.ets.sse, ref.holtWinters.sse) * 1.01);
      widths(ours).forEach((w, i) => {
        expectClose(w, ref.ets.high[i]! - ref.ets.low[i]!, 0.05, `width ${i + 1}`);
      });
    });
  });
});

describe('forecast', () => {
  const monthly = reference.forecast[0]!.series;

  it('needs two full seasons for Holt–Winters and ignores a season length of 1', () => {
    expect(forecast(monthly.slice(0, 23), { horizon: 1, seasonLength: 12 }).method).toBe('holt');
    expect(forecast(monthly.slice(0, 24), { horizon: 1, seasonLength: 12 }).method).toBe('holt-winters');
    expect(forecast(monthly, { horizon: 1 }).method).toBe('holt');
    expect(forecast(monthly.slice(0, 3), { horizon: 1 }).method).toBe('holt');
  });

  it('widens the interval with the horizon', () => {
    const w = widths(forecast(monthly, { horizon: 24, seasonLength: 12 }));
    for (let h = 1; h < w.length; h++) expect(w[h]).toBeGreaterThanOrEqual(w[h - 1]!);
    expect(w[23]).toBeGreaterThan(w[0]!);
  });

  it('is a flat random walk with one or two points', () => {
    const one = forecast([0.05], { horizon: 2 });
    expect(one).toMatchObject({ method: 'naive', point: [0.05, 0.05], low: null, high: null });
    const two = forecast([0.05, 0.07], { horizon: 2 });
    expect(two.point).toEqual([0.07, 0.07]);
    expectClose(widths(two)[1], 2 * 1.959963984540054 * 0.02 * Math.SQRT2, 1e-12);
  });

  it('forecasts a constant series exactly, with no spread', () => {
    const f = forecast([4, 4, 4, 4, 4], { horizon: 3 });
    f.point.forEach((p) => {
      expect(p).toBeCloseTo(4, 10);
    });
    widths(f).forEach((w) => {
      expect(w).toBeCloseTo(0, 10);
    });
  });

  it('rejects empty series, bad horizons, bad season lengths and parameters of the wrong model', () => {
    const seasonal = reference.forecast[0]!.ets.params;
    for (const call of [
      () => forecast([], { horizon: 1 }),
      () => forecast([1, Number.NaN, 2], { horizon: 1 }),
      () => forecast([1, 2, 3], { horizon: 0 }),
      () => forecast([1, 2, 3], { horizon: 1, seasonLength: 0 }),
      () => forecast(monthly.slice(0, 20), { horizon: 1, seasonLength: 12, params: seasonal }),
      () => forecast([1, 2], { horizon: 1, params: { alpha: 0.5, level: 1 } }),
      () => forecast([1, 2, 3], { horizon: 1, params: { alpha: 0.5, beta: 0.1, gamma: 0.1, level: 1, trend: 0 } }),
    ]) {
      expect(call).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});
