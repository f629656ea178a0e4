/**
 * The customer pyramid: per value tier (classified at the start of one period), how many customers, their share
 * and CLV, the profit they brought over the period (the catalogue's profit_contribution numerator by value_tier,
 * so it follows that metric's definition) and how much they churned (churn_rate by value_tier).
 */

import { type PyramidResponse, pyramidQuery } from '../api/segments.ts';
import { lastCompletePeriod } from '../dashboard/window.ts';
import type { Connection } from '../engine/engine.ts';
import { computeMetrics, type MetricRow } from '../metrics/compute.ts';
import { toCents } from '../metrics/currency.ts';
import { normalizeQuery } from '../metrics/query.ts';
import { NONE } from '../metrics/spans.ts';
import { parseOptions } from '../options.ts';
import { sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { valueTierSql } from './value-tiers.ts';

const cents = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : toCents(x));

export interface PyramidQuery {
  period: 'month' | 'quarter' | 'year';
  /** A date in the period: '2024', '2024-Q2', '2024-05'; default the last complete period of the data. */
  at?: string | undefined;
}

/**
 * @example
 * const p = await valuePyramid(ws.db, ws.config, { period: 'year', at: '2024' });
 * p.tiers[0]; // { tier: 'top', customers: 120, share: 0.2, clv: …, profit: …, churn_rate: 0.04, … }
 */
export async function valuePyramid(
  conn: Connection,
  config: TenureConfig,
  asked: PyramidQuery,
): Promise<PyramidResponse> {
  // Options from a command line arrive unchecked: the API's schema refuses a week or a malformed date here.
  const q = parseOptions(pyramidQuery, asked);
  const at = q.at ?? (await lastCompletePeriod(conn, config, q.period));
  const query = { period: q.period, from: at, to: at, by: ['value_tier'] };
  const nq = await normalizeQuery(conn, config, query);
  const period = nq.grid[0] as { start: string; end: string };
  const asOf = sql`CAST(${period.start} AS TIMESTAMP)`;
  const counts = await conn.all<{ value_tier: string; n: number; clv: number }>(
    sql`SELECT value_tier, count(*) AS n, sum(clv) AS clv FROM (${valueTierSql({ config, asOf, scored: false })}) v
      GROUP BY value_tier${conn.dialect.querySuffix}`,
  );
  const total = counts.reduce((s, c) => s + Number(c.n), 0);
  const rows = await computeMetrics(conn, config, ['churn_rate', 'profit_contribution'], query);
  const of = (metric: string, tier: string): MetricRow | undefined =>
    rows.find((r) => r.metric === metric && r.segment.value_tier === tier);
  return {
    period: { grain: q.period, start: period.start.slice(0, 10), end: period.end.slice(0, 10) },
    as_of: period.start.slice(0, 10),
    unclassified_profit: cents(of('profit_contribution', NONE)?.numerator),
    tiers: config.segments.value_tiers.map((t) => {
      const c = counts.find((x) => x.value_tier === t.id);
      const churn = of('churn_rate', t.id);
      return {
        tier: t.id,
        label: t.label,
        customers: Number(c?.n ?? 0),
        share: total ? Number(c?.n ?? 0) / total : null,
        clv: Number(c?.clv ?? 0),
        profit: cents(of('profit_contribution', t.id)?.numerator),
        churn_rate: churn?.value ?? null,
        churned: churn?.numerator ?? null,
      };
    }),
  };
}
