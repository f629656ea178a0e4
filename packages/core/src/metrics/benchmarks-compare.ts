import type { Connection } from '../engine/engine.ts';
import { TenureError } from '../errors.ts';
import { nearest, normalizeHeader } from '../ingest/mapping.ts';
import type { Unit } from '../present/index.ts';
import { sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { type BenchmarkOnlyMetric, benchmarkOnlyMetrics, benchmarkOnlyNames } from './benchmark-only.ts';
import { catalog, type MetricName, metricNames } from './catalog.ts';
import { computeMetric, type MetricRow } from './compute.ts';

/** One benchmark row set against our value of the same metric for the same period. */
export interface BenchmarkComparison {
  source: string;
  /** As written in the table. */
  metric: string;
  /** The catalogue id it resolved to (by id or English/Chinese title); null when unknown. */
  metricId: MetricName | null;
  /** A figure Tenure does not compute (market share, sales: benchmark-only.ts), shown without ours; else null. */
  benchmarkOnly: BenchmarkOnlyMetric | null;
  /** The unit of the metric or benchmark-only figure; null when the name is unknown. */
  unit: Unit | null;
  period_start: string;
  period_end: string | null;
  grain: 'month' | 'quarter' | 'year' | null;
  segment: string;
  note: string | null;
  benchmark: number;
  ours: number | null;
  /** ours − benchmark. */
  difference: number | null;
  /** ours ÷ benchmark; null when the benchmark is 0. */
  ratio: number | null;
  /** Why there is no comparison (unknown metric, irregular period, bad segment…); null when compared. */
  problem: string | null;
}

export interface BenchmarkReport {
  rows: BenchmarkComparison[];
  /** Metric names in the table that are neither in the catalogue nor benchmark-only, with a likely intended id. */
  unknownMetrics: { metric: string; rows: number; suggestion?: string }[];
}

type Grain = NonNullable<BenchmarkComparison['grain']>;
type Stored = Pick<
  BenchmarkComparison,
  'source' | 'metric' | 'period_start' | 'period_end' | 'segment' | 'note' | 'benchmark'
>;

const byName = new Map<string, MetricName>(
  metricNames.flatMap((id) =>
    [id, catalog[id].title.en, catalog[id].title['zh-CN']].map((n) => [normalizeHeader(n), id] as [string, MetricName]),
  ),
);

const day = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, months: number, days = 0) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate() + days));

/**
 * The calendar period a benchmark covers: from a first of the month to the last day (inclusive, as costs) of
 * a month, quarter or year; the next period's first day is accepted too. No end: a month.
 */
export function inferGrain(start: string, end: string | null): Grain | null {
  const s = day(start);
  if (s.getUTCDate() !== 1) return null;
  if (end === null) return 'month';
  const e = iso(day(end));
  for (const [grain, months] of [
    ['month', 1],
    ['quarter', 3],
    ['year', 12],
  ] as const) {
    if (e === iso(plus(s, months, -1)) || e === iso(plus(s, months))) return grain;
  }
  return null;
}

/** 'all' (or empty) → no filter; 'region=north' → { region: 'north' }; anything else → undefined. */
function segmentFilter(segment: string | null): Record<string, string> | undefined {
  const s = (segment ?? '').trim();
  if (s === '' || s.toLowerCase() === 'all') return {};
  const m = /^([^=]+)=(.+)$/.exec(s);
  return m ? { [(m[1] as string).trim()]: (m[2] as string).trim() } : undefined;
}

/** Our row for a period: the one without segment keys, else the one whose keys all say all/overall. */
function pick(rows: MetricRow[], start: string): MetricRow | undefined {
  const here = rows.filter((r) => r.period_start === start);
  return (
    here.find((r) => Object.keys(r.segment).length === 0) ??
    here.find((r) => Object.values(r.segment).every((v) => v === 'all' || v === 'overall'))
  );
}

const onlyByName = new Map<string, BenchmarkOnlyMetric>(
  benchmarkOnlyNames.flatMap((id) => {
    const m = benchmarkOnlyMetrics[id];
    return [id, m.title.en, m.title['zh-CN'], ...m.aliases].map(
      (n) => [normalizeHeader(n), id] as [string, BenchmarkOnlyMetric],
    );
  }),
);

/** A stored row with its metric id (or benchmark-only name), unit, grain and, when it cannot be compared, why. */
function resolve(b: Stored): BenchmarkComparison {
  const metricId = byName.get(normalizeHeader(b.metric)) ?? null;
  const benchmarkOnly = metricId ? null : (onlyByName.get(normalizeHeader(b.metric)) ?? null);
  const unit = metricId ? catalog[metricId].unit : benchmarkOnly ? benchmarkOnlyMetrics[benchmarkOnly].unit : null;
  const grain = inferGrain(b.period_start, b.period_end);
  const problem =
    !metricId && !benchmarkOnly
      ? `unknown metric "${b.metric}"`
      : !grain
        ? 'the period is not a calendar month, quarter or year'
        : segmentFilter(b.segment) === undefined
          ? `segment "${b.segment}" is neither 'all' nor dimension=value`
          : null;
  return {
    ...b,
    benchmark: Number(b.benchmark),
    metricId,
    benchmarkOnly,
    unit,
    grain,
    ours: null,
    difference: null,
    ratio: null,
    problem,
  };
}

/**
 * Set each row of `benchmarks` against our value: computeMetric for the same metric, period (month, quarter or
 * year, inferred from period_start and period_end) and segment; a benchmark-only figure (market share, sales)
 * is kept without ours. Problems (unknown metric names, irregular
 * periods, unknown segments, a period the workspace's fiscal calendar does not have) are reported per row,
 * never thrown. Each metric, grain and segment is computed once, over the range its benchmarks span.
 * @example const { rows, unknownMetrics } = await compareBenchmarks(ws.db, ws.config)
 */
export async function compareBenchmarks(conn: Connection, config: TenureConfig): Promise<BenchmarkReport> {
  const stored = await conn.all<Stored>(sql`SELECT source, metric, CAST(period_start AS VARCHAR) AS period_start,
      CAST(period_end AS VARCHAR) AS period_end, coalesce(segment, 'all') AS segment, note, value AS benchmark
    FROM benchmarks ORDER BY metric, period_start, source${conn.dialect.querySuffix}`);
  const rows = stored.map(resolve);
  const groups = new Map<string, BenchmarkComparison[]>();
  for (const r of rows.filter((x) => !x.problem && x.metricId)) {
    const key = JSON.stringify([r.metricId, r.grain, segmentFilter(r.segment)]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, members] of groups) {
    const [metric, grain, filter] = JSON.parse(key) as [MetricName, Grain, Record<string, string>];
    const starts = members.map((m) => m.period_start).sort();
    let ours: MetricRow[];
    try {
      ours = await computeMetric(conn, config, metric, {
        period: grain,
        from: starts[0] as string,
        to: starts.at(-1) as string,
        filter,
      });
    } catch (e) {
      if (!(e instanceof TenureError)) throw e;
      for (const m of members) m.problem = e.message;
      continue;
    }
    for (const m of members) {
      const row = pick(ours, m.period_start);
      if (!row) {
        m.problem = `no ${grain} starting ${m.period_start} in the workspace calendar (fiscal year start month ${config.fiscal_year_start_month})`;
        continue;
      }
      m.ours = row.value;
      m.difference = row.value === null ? null : row.value - m.benchmark;
      m.ratio = row.value === null || m.benchmark === 0 ? null : row.value / m.benchmark;
    }
  }

  const unknown = new Map<string, number>();
  for (const r of rows) if (!r.metricId && !r.benchmarkOnly) unknown.set(r.metric, (unknown.get(r.metric) ?? 0) + 1);
  const unknownMetrics = [...unknown].map(([metric, n]) => {
    const suggestion = nearest(metric, [...metricNames, ...benchmarkOnlyNames]);
    return { metric, rows: n, ...(suggestion ? { suggestion } : {}) };
  });
  return { rows, unknownMetrics };
}
