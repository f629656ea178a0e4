import type { Grain } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { nearest } from '../ingest/mapping.ts';
import type { Text } from '../present/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { wilson } from '../stats/wilson.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { catalog, type MetricName, metricNames } from './catalog.ts';
import { checkRates } from './currency.ts';
import { type BaseName, type BaseRows, bases, extraDimensions, type MetricDef } from './define.ts';
import { type MetricQuery, type NormalQuery, normalizeQuery } from './query.ts';
import { rollupSql } from './rollups/read.ts';
import { segColumns } from './segments.ts';
import { datedByChurnEvents, snapshotChurn } from './snapshot.ts';
import { withChange, withSignificance } from './trend.ts';

/** One value of a metric: a period, a segment (empty without --by) and the value with its ingredients. */
export interface MetricRow {
  metric: MetricName;
  period_start: string;
  period_end: string;
  segment: Record<string, string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci_low: number | null;
  ci_high: number | null;
  parts?: Record<string, number>;
  /** Value minus the previous period's value for the same segment. */
  change?: number | null;
  /** With --by on a rate: the period's chi-square p-value across segments, this segment's BH-adjusted p. */
  p_value?: number | null;
  p_adjusted?: number | null;
  significant?: boolean;
  /** Why the value is null though the data is there (a figure that is not measurable), in both languages. */
  reason?: Text;
  /** Set on forecast rows: the method that produced them. */
  forecast?: string;
  /**
   * Set when the figure is dated by churn events from a snapshot import (metrics/snapshot.ts): the as-of date(s)
   * every churn was put on. Such rows have no change and are never forecast.
   */
  snapshot?: string;
}

export function metricDef(name: string): MetricDef {
  if (!Object.hasOwn(catalog, name)) {
    const suggestion = nearest(name, metricNames);
    throw tenureError('TEN_METRIC_UNKNOWN', { name, known: metricNames, ...(suggestion ? { suggestion } : {}) });
  }
  return catalog[name as MetricName] as MetricDef;
}

/** Refuse a grain the metric is not defined for: a bad `period` option, its fix the grains it has. */
export function checkGrain(d: MetricDef, grain: Grain): void {
  if (d.grains.includes(grain)) return;
  throw tenureError('TEN_BAD_OPTION', {
    fixes: [
      {
        option: 'period',
        value: grain,
        allowed: {
          en: `one of ${d.grains.join(', ')} (the periods ${d.id} is defined for)`,
          'zh-CN': `以下之一：${d.grains.join('、')}（${d.id} 定义的周期）`,
        },
      },
    ],
  });
}

function shape(def: MetricDef, q: NormalQuery, row: BaseRows[BaseName]): MetricRow {
  const v = (def.value as (r: BaseRows[BaseName]) => ReturnType<MetricDef['value']>)(row);
  const period = q.grid[row.k as number] as { start: string; end: string };
  // Segments from --by, then any `key_<name>` columns a base adds (a churn reason, a cohort, an age).
  const segment: Record<string, string> = Object.fromEntries(
    q.by.map((b, i) => [b, String(row[segColumns(q)[i + 1] as string])]),
  );
  for (const [col, v] of Object.entries(row)) if (col.startsWith('key_')) segment[col.slice(4)] = String(v);
  const ci =
    def.interval === 'wilson' && v.numerator !== undefined && v.denominator
      ? wilson(v.numerator, v.denominator)
      : def.interval === 'own'
        ? (v.ci ?? null)
        : null;
  return {
    metric: def.id as MetricName,
    period_start: period.start.slice(0, 10),
    period_end: period.end.slice(0, 10),
    segment,
    value: v.value,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    ci_low: ci?.low ?? null,
    ci_high: ci?.high ?? null,
    ...(v.parts ? { parts: v.parts } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
  };
}

/**
 * Compute metrics over one connection (DuckDB or ClickHouse). Each base measure runs once however many
 * metrics derive from it, read from its rollup when one is up to date and covers the query (rollups/read.ts),
 * else against the entity tables; `rollups: false` forces the latter (the rollup tests and benchmark use it).
 * @example await computeMetrics(ws.db, ws.config, ['churn_rate', 'nrr'], { period: 'month', from: '2024-01', to: '2024-12' })
 */
export async function computeMetrics(
  conn: Connection,
  config: TenureConfig,
  names: string[],
  query: MetricQuery,
  opts: { rollups?: boolean } = {},
): Promise<MetricRow[]> {
  const defs = names.map(metricDef);
  const q = await normalizeQuery(conn, config, query, extraDimensions(defs));
  for (const d of defs) checkGrain(d, q.grain);
  const texts = new Map<BaseName, Sql>();
  for (const base of new Set(defs.map((d) => d.base)))
    texts.set(base, (opts.rollups !== false && (await rollupSql(conn, q, base))) || bases[base](q, conn.dialect));
  // Building the SQL recorded the amounts it converts: a rate they need and lack refuses the figures now.
  await checkRates(conn, q.money, (q.grid[q.grid.length - 1] as { end: string }).end);
  const results = new Map<BaseName, BaseRows[BaseName][]>();
  for (const [base, text] of texts)
    results.set(base, (await conn.all(sql`${text}${conn.dialect.querySuffix}`)) as BaseRows[BaseName][]);
  const rows = defs.flatMap((d) => (results.get(d.base) ?? []).map((r) => shape(d, q, r)));
  const snapshot = defs.some((d) => datedByChurnEvents(d.base, q.basis)) ? await snapshotChurn(conn) : null;
  if (snapshot)
    for (const r of rows)
      if (datedByChurnEvents(metricDef(r.metric).base, q.basis)) r.snapshot = snapshot.asOf.join(', ');
  return withSignificance(withChange(rows), (m) => metricDef(m).interval === 'wilson');
}

/** One metric: `computeMetric(ws.db, ws.config, 'churn_rate', { period: 'month', from: '2024-01', to: '2024-12' })`. */
export const computeMetric = (
  conn: Connection,
  config: TenureConfig,
  name: string,
  query: MetricQuery,
  opts: { rollups?: boolean } = {},
) => computeMetrics(conn, config, [name], query, opts);
