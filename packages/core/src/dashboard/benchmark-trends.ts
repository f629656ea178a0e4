import { type BenchmarkOnlyMetric, benchmarkOnlyMetrics } from '../metrics/benchmark-only.ts';
import { type BenchmarkComparison, compareBenchmarks } from '../metrics/benchmarks-compare.ts';
import { catalog, type MetricName } from '../metrics/catalog.ts';
import type { Text, Unit } from '../present/index.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** One source's figures of one metric and segment over time, with ours beside them and the gap between. */
export interface BenchmarkSeries {
  /** The catalogue id, or the benchmark-only name (market_share, sales). */
  metric: string;
  title: Text;
  unit: Unit;
  /** True for a figure Tenure does not compute: its points carry no `ours` and no gap. */
  benchmarkOnly: boolean;
  source: string;
  segment: string;
  grain: NonNullable<BenchmarkComparison['grain']>;
  points: { periodStart: string; benchmark: number; ours: number | null; difference: number | null }[];
  gap: BenchmarkGap;
}

/**
 * The gap (ours − theirs) at the last point with both, and its trend: the least-squares slope of the gap per
 * period (in the metric's unit: a rate's gap moves in percentage points) over the points with both, and whether
 * it narrows (its size shrinks: the slope's sign is opposite to the latest gap's) or widens. Null with fewer
 * than two such points.
 */
export interface BenchmarkGap {
  latest: number | null;
  slope: number | null;
  direction: 'narrowing' | 'widening' | 'steady' | null;
}

export interface BenchmarkTrends {
  series: BenchmarkSeries[];
  /** Rows not compared with ours, with why (unknown metric, irregular period, bad segment…); plotted when they can be. */
  problems: { source: string; metric: string; periodStart: string; problem: string }[];
}

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;
const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * The gap's trend from (period number, gap) pairs.
 * @example gapOf([[0, 0.01], [1, 0.008], [2, 0.006]]) // { latest: 0.006, slope: -0.002, direction: 'narrowing' }
 */
export function gapOf(points: readonly (readonly [number, number])[]): BenchmarkGap {
  const latest = points.at(-1)?.[1] ?? null;
  if (points.length < 2) return { latest, slope: null, direction: null };
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  const direction =
    slope === 0 || latest === 0 ? 'steady' : Math.sign(slope) !== Math.sign(latest ?? 0) ? 'narrowing' : 'widening';
  return { latest, slope, direction };
}

const titleOf = (r: BenchmarkComparison): Text =>
  r.metricId
    ? catalog[r.metricId as MetricName].title
    : benchmarkOnlyMetrics[r.benchmarkOnly as BenchmarkOnlyMetric].title;

/**
 * Every benchmark as a series per metric, source, segment and grain (compareBenchmarks sets each row against
 * ours), ordered by metric, source and segment, with the gap and its trend per period.
 * @example const { series } = await benchmarkTrends(ws); series[0].gap // { latest: 0.004, slope: -0.0008, direction: 'narrowing' }
 */
export async function benchmarkTrends(ws: Workspace): Promise<BenchmarkTrends> {
  const { rows } = await compareBenchmarks(ws.db, ws.config);
  const groups = new Map<string, BenchmarkComparison[]>();
  const problems: BenchmarkTrends['problems'] = [];
  for (const r of rows) {
    const metric = r.metricId ?? r.benchmarkOnly;
    if (r.problem)
      problems.push({ source: r.source, metric: r.metric, periodStart: r.period_start, problem: r.problem });
    // A known metric in a calendar period is plotted even when ours could not be computed (a bad segment…).
    if (!metric || !r.grain || !r.unit) continue;
    const key = JSON.stringify([metric, r.source, r.segment, r.grain]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const series = [...groups.values()].map((g): BenchmarkSeries => {
    const first = g[0] as BenchmarkComparison;
    const grain = first.grain as BenchmarkSeries['grain'];
    const points = g
      .sort((a, b) => a.period_start.localeCompare(b.period_start))
      .map((r) => ({ periodStart: r.period_start, benchmark: r.benchmark, ours: r.ours, difference: r.difference }));
    const base = monthNumber(points[0]?.periodStart ?? '');
    const both = points.flatMap((p) =>
      p.difference === null ? [] : [[(monthNumber(p.periodStart) - base) / MONTHS[grain], p.difference] as const],
    );
    return {
      metric: (first.metricId ?? first.benchmarkOnly) as string,
      title: titleOf(first),
      unit: first.unit as Unit,
      benchmarkOnly: first.benchmarkOnly !== null,
      source: first.source,
      segment: first.segment,
      grain,
      points,
      gap: gapOf(both),
    };
  });
  series.sort(
    (a, b) =>
      a.metric.localeCompare(b.metric) || a.source.localeCompare(b.source) || a.segment.localeCompare(b.segment),
  );
  return { series, problems };
}
