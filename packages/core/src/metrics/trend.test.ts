import { describe, expect, it } from 'vitest';
import type { MetricRow } from './compute.ts';
import { forecastRows } from './trend.ts';

const calendar = { fiscalStartMonth: 1, weekStart: 'monday' as const };
const month = (i: number) => `2024-${String(i + 1).padStart(2, '0')}-01`;
const row = (metric: MetricRow['metric'], i: number, value: number | null): MetricRow => ({
  metric,
  period_start: month(i),
  period_end: i === 11 ? '2025-01-01' : month(i + 1),
  segment: {},
  value,
  numerator: null,
  denominator: null,
  ci_low: null,
  ci_high: null,
});

describe('forecastRows', () => {
  it('fits the trailing run of defined values: a first period without a rate does not drop the series', () => {
    const rows = [
      row('churn_rate', 0, null),
      ...[0.05, 0.06, 0.05, 0.07, 0.06].map((v, i) => row('churn_rate', i + 1, v)),
    ];
    const ahead = forecastRows(rows, 'month', calendar, 3);
    expect(ahead.map((r) => r.period_start)).toEqual(['2024-07-01', '2024-08-01', '2024-09-01']);
    expect(ahead.every((r) => r.value !== null && r.forecast)).toBe(true);
  });

  it('keeps a rate and its band inside [0, 1] and a count at or above 0', () => {
    const falling = [0.3, 0.2, 0.1, 0.02, 0.01, 0.005];
    const rates = forecastRows(
      falling.map((v, i) => row('churn_rate', i, v)),
      'month',
      calendar,
      6,
    );
    expect(rates.length).toBe(6);
    for (const r of rates) for (const v of [r.value, r.ci_low, r.ci_high]) expect(v).toBeGreaterThanOrEqual(0);
    expect(Math.min(...rates.map((r) => r.ci_low ?? 1))).toBe(0);
    const counts = forecastRows(
      [900, 600, 300, 100, 50, 10].map((v, i) => row('churned_customers', i, v)),
      'month',
      calendar,
      6,
    );
    for (const r of counts) expect(r.ci_low).toBeGreaterThanOrEqual(0);
  });

  it('skips a series whose last value is undefined', () => {
    expect(forecastRows([row('churn_rate', 0, 0.1), row('churn_rate', 1, null)], 'month', calendar, 2)).toEqual([]);
  });
});
