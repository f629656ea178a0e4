import type { Grain } from '../engine/dialect.ts';
import { units } from '../present/units.ts';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts';
import { chiSquareHomogeneity } from '../stats/chi-square.ts';
import { forecast } from '../stats/forecast.ts';
import { type CalendarOptions, periodGrid } from './calendar.ts';
import { catalog } from './catalog.ts';
import type { MetricRow } from './compute.ts';

const segKey = (r: MetricRow) => `${r.metric}\u0000${JSON.stringify(r.segment)}`;

/** Period-over-period change of each row against the previous period of the same metric and segment. */
export function withChange(rows: MetricRow[]): MetricRow[] {
  const last = new Map<string, number | null>();
  return rows.map((r) => {
    const prev = last.get(segKey(r));
    last.set(segKey(r), r.value);
    // A snapshot-dated figure has no previous period to compare with: its churn all sits on the as-of date.
    const none = prev === undefined || prev === null || r.value === null || r.snapshot !== undefined;
    return { ...r, change: none ? null : r.value! - prev };
  });
}

/**
 * For rate metrics broken down by segment: in each period, a chi-square test of homogeneity across the
 * segments, and each segment against the rest, with p-values adjusted by Benjamini–Hochberg over the
 * segments of the period. A segment is flagged when its adjusted p-value is below 0.05.
 */
export function withSignificance(rows: MetricRow[], isRate: (metric: MetricRow['metric']) => boolean): MetricRow[] {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!isRate(r.metric) || r.numerator === null || r.denominator === null || !Object.keys(r.segment).length) return;
    const key = `${r.metric}\u0000${r.period_start}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = rows.map((r) => ({ ...r }));
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const test = chiSquareHomogeneity(
      idx.map((i) => ({ successes: rows[i]?.numerator ?? 0, n: rows[i]?.denominator ?? 0 })),
    );
    const tested = idx.filter((_, j) => test.segments[j]);
    const adjusted = benjaminiHochberg(tested.map((i) => test.segments[idx.indexOf(i)]?.pValue ?? 1));
    tested.forEach((i, j) => {
      const row = out[i] as MetricRow;
      row.p_value = test.pValue;
      row.p_adjusted = adjusted[j] ?? null;
      row.significant = (adjusted[j] ?? 1) < 0.05;
    });
  }
  return out;
}

/** Periods per season, for seasonal forecasting. */
const SEASON: Record<Grain, number> = { day: 7, week: 52, month: 12, quarter: 4, year: 1 };

/** Where a metric's values can lie: proportions (Wilson-interval rates) in [0, 1], else its unit's range (an NPS in −100 … 100). */
function bounds(metric: MetricRow['metric']): [number, number] {
  const def = catalog[metric];
  if (def.interval === 'wilson') return [0, 1];
  return [units[def.unit].min, units[def.unit].max];
}

/**
 * Forecast the next `horizon` periods of every metric × segment series with exponential smoothing
 * (stats/forecast.ts: Holt–Winters with two full seasons of history, Holt's trend with less, flat below
 * three points), with 95 % prediction intervals. Retention metrics are seasonal and short; ETS is what
 * analysts' spreadsheets and BI tools use, so the numbers are familiar and explainable.
 * A series is fitted on its trailing run of defined values (a range's first period often has no churn rate:
 * nobody was active at its start), and forecasts are clamped to the values the metric can take.
 */
export function forecastRows(rows: MetricRow[], grain: Grain, calendar: CalendarOptions, horizon: number): MetricRow[] {
  const series = new Map<string, MetricRow[]>();
  // Snapshot-dated series are not forecast (metrics/snapshot.ts): their one spike is no trend to extend.
  for (const r of rows) if (!r.snapshot) series.set(segKey(r), [...(series.get(segKey(r)) ?? []), r]);
  const out: MetricRow[] = [];
  for (const s of series.values()) {
    const values = s.map((r) => r.value);
    const last = s[s.length - 1];
    const run = values.slice(values.lastIndexOf(null) + 1) as number[];
    if (!last || !run.length) continue;
    const f = forecast(run, { horizon, seasonLength: SEASON[grain] });
    const [lo, hi] = bounds(last.metric);
    const clamp = (v: number | undefined) => (v === undefined ? null : Math.min(hi, Math.max(lo, v)));
    const after = new Date(`${last.period_end}T00:00:00Z`);
    const until = new Date(after.getTime());
    until.setUTCDate(until.getUTCDate() + 400 * horizon);
    const grid = periodGrid(grain, after, until, calendar).slice(0, horizon);
    grid.forEach((p, h) => {
      out.push({
        metric: last.metric,
        period_start: p.start.slice(0, 10),
        period_end: p.end.slice(0, 10),
        segment: last.segment,
        value: clamp(f.point[h]),
        numerator: null,
        denominator: null,
        ci_low: clamp(f.low?.[h]),
        ci_high: clamp(f.high?.[h]),
        forecast: f.method,
      });
    });
  }
  return out;
}
