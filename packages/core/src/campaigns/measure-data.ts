/**
 * The aggregates a measurement needs, each one GROUP BY over the members' outcomes (outcome.ts), materialised
 * once in a temp table of this call's own: per arm the counts, sums and CUPED moments; per arm and whole day the
 * Kaplan–Meier patterns; per arm the distinct values of retained MRR and revenue with their counts, for the
 * bootstrap. No member row reaches JavaScript: a 1M-member campaign returns a few thousand rows.
 */
import { randomUUID } from 'node:crypto';
import { workspaceMoney } from '../metrics/currency.ts';
import type { SurvivalPatterns } from '../models/kaplan-meier/kaplan-meier.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Grouped } from '../stats/bootstrap.ts';
import type { Moments } from '../stats/cuped.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { PrimaryMetric } from './design.ts';
import { type OutcomeQuery, outcomeSql } from './outcome.ts';

export type Arm = 'treatment' | 'control';
export const ARMS: readonly Arm[] = ['treatment', 'control'];

/**
 * At most this many groups per arm reach the bootstrap: more distinct values are cut, in SQL, into runs of about
 * equal member counts at their count-weighted mean — stats/bootstrap.ts `quantize`, without sending every distinct
 * value of a 1M-member campaign to JavaScript first.
 */
const MAX_GROUPS = 4096;

export interface ArmData {
  members: number;
  churned: number;
  retainedMrr: number;
  revenue: number;
  orders: number;
  /** Y the primary metric, X its pre-period covariate. */
  moments: Moments;
  patterns: SurvivalPatterns;
  mrrValues: Grouped;
  revenueValues: Grouped;
  /** Mean MRR at launch and revenue in the pre-period, for the CLV fallback. */
  preMrr: number;
  preRevenue: number;
}

/** The primary metric's column and the pre-period covariate CUPED adjusts it on. */
export const CUPED_COLUMNS: Record<PrimaryMetric, { y: string; x: string }> = {
  churned: { y: 'churned', x: 'pre_mrr' },
  retained_mrr: { y: 'retained_mrr', x: 'pre_mrr' },
  orders: { y: 'orders', x: 'pre_orders' },
};

type ArmRow = { arm: Arm; members: number; churned: number; mrr: number; revenue: number; orders: number } & {
  pre_mrr: number;
  pre_revenue: number;
  sy: number;
  syy: number;
  sx: number;
  sxx: number;
  sxy: number;
};
type KmPattern = { arm: Arm; time: number; events: number; n: number };

const grouped = (rows: { v: number; c: number }[]): Grouped => ({
  values: Float64Array.from(rows, (r) => r.v),
  counts: Float64Array.from(rows, (r) => r.c),
});

/**
 * Read the per-arm aggregates of the campaign's members; `perProtocol` keeps only the treated members the
 * treatment reached (delivered_at recorded) and the whole control arm.
 */
export async function measureData(
  ws: Workspace,
  q: OutcomeQuery,
  metric: PrimaryMetric,
  perProtocol: boolean,
): Promise<Record<Arm, ArmData>> {
  const t = sql.id(`campaign_outcome_${randomUUID().replaceAll('-', '')}`);
  const keep = perProtocol ? sql` WHERE arm = 'control' OR delivered = 1` : sql``;
  const money = await workspaceMoney(ws.db, ws.config.currency);
  const outcomes = outcomeSql({ ...q, read: money.read }, ws.db.dialect);
  await money.check();
  await ws.db.run(sql`CREATE TEMP TABLE ${t} AS SELECT * FROM (${outcomes}) o${keep}`);
  try {
    const { y, x } = CUPED_COLUMNS[metric];
    const [Y, X] = [sql.id(y), sql.id(x)];
    const dbl = (e: Sql) => sql`CAST(${e} AS DOUBLE)`;
    const arms = await ws.db.all<ArmRow>(sql`SELECT arm, ${dbl(sql`count(*)`)} AS members,
        ${dbl(sql`sum(churned)`)} AS churned, ${dbl(sql`sum(retained_mrr)`)} AS mrr, ${dbl(sql`sum(revenue)`)} AS revenue,
        ${dbl(sql`sum(orders)`)} AS orders, ${dbl(sql`avg(pre_mrr)`)} AS pre_mrr, ${dbl(sql`avg(pre_revenue)`)} AS pre_revenue,
        ${dbl(sql`sum(${Y})`)} AS sy, ${dbl(sql`sum(${Y} * ${Y})`)} AS syy, ${dbl(sql`sum(${X})`)} AS sx,
        ${dbl(sql`sum(${X} * ${X})`)} AS sxx, ${dbl(sql`sum(${X} * ${Y})`)} AS sxy
      FROM ${t} GROUP BY arm`);
    const km = await ws.db.all<KmPattern>(sql`SELECT arm, ${dbl(sql`ceil(days)`)} AS time,
        ${dbl(sql`sum(churned)`)} AS events, ${dbl(sql`count(*)`)} AS n
      FROM ${t} GROUP BY arm, ceil(days) ORDER BY arm, time`);
    const values = (col: string) =>
      ws.db.all<{ arm: Arm; v: number; c: number }>(sql`WITH
        g AS (SELECT arm, ${sql.id(col)} AS v, ${dbl(sql`count(*)`)} AS c FROM ${t} GROUP BY arm, ${sql.id(col)}),
        r AS (SELECT arm, v, c, sum(c) OVER (PARTITION BY arm ORDER BY v ROWS UNBOUNDED PRECEDING) - c AS before,
            sum(c) OVER (PARTITION BY arm) AS total, count(*) OVER (PARTITION BY arm) AS n FROM g)
        SELECT arm, sum(v * c) / sum(c) AS v, sum(c) AS c FROM r
        GROUP BY arm, CASE WHEN n <= ${MAX_GROUPS} THEN v ELSE floor(before * ${MAX_GROUPS} / total) END
        ORDER BY arm, v`);
    const [mrr, revenue] = [await values('retained_mrr'), await values('revenue')];
    const of = (arm: Arm): ArmData => {
      const a = arms.find((r) => r.arm === arm);
      const k = km.filter((r) => r.arm === arm);
      return {
        members: a?.members ?? 0,
        churned: a?.churned ?? 0,
        retainedMrr: a?.mrr ?? 0,
        revenue: a?.revenue ?? 0,
        orders: a?.orders ?? 0,
        preMrr: a?.pre_mrr ?? 0,
        preRevenue: a?.pre_revenue ?? 0,
        moments: {
          n: a?.members ?? 0,
          sumY: a?.sy ?? 0,
          sumY2: a?.syy ?? 0,
          sumX: a?.sx ?? 0,
          sumX2: a?.sxx ?? 0,
          sumXY: a?.sxy ?? 0,
        },
        patterns: {
          time: Float64Array.from(k, (r) => r.time),
          events: Float64Array.from(k, (r) => r.events),
          count: Float64Array.from(k, (r) => r.n),
        },
        mrrValues: grouped(mrr.filter((r) => r.arm === arm)),
        revenueValues: grouped(revenue.filter((r) => r.arm === arm)),
      };
    };
    return { treatment: of('treatment'), control: of('control') };
  } finally {
    await ws.db.run(sql`DROP TABLE IF EXISTS ${t}`);
  }
}
