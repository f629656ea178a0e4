import { computeMetric } from '../metrics/compute.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { periodWindow } from './window.ts';

/**
 * The formula LTV beside the model-based CLV. LTV = ARPA × margin ÷ churn (metrics/ltv.ts) is a company figure
 * per period whose interval is the churn rate's: few churners in a quarter swing it. CLV is per customer
 * (predict/value.ts: margin × MRR over the discounted horizon plus the lifetime models' purchase value), as
 * stored by the latest scoring run; its mean and median over the scored customers are the company figures.
 */
export interface LtvBesideClv {
  /** The last four quarters, the last complete one last, each with its 95 % interval. */
  ltv: { periodStart: string; value: number | null; ciLow: number | null; ciHigh: number | null }[];
  /** Null until customers have been scored. */
  clv: { asOf: string; customers: number; mean: number; median: number; source: string | null } | null;
}

/**
 * @example const { ltv, clv } = await ltvBesideClv(ws); clv?.median // 1480.2
 */
export async function ltvBesideClv(ws: Workspace): Promise<LtvBesideClv> {
  const w = await periodWindow(ws, { period: 'quarter', periods: 4 });
  const rows = await computeMetric(ws.db, ws.config, 'ltv', { period: 'quarter', from: w.from, to: w.to });
  const ltv = rows.map((r) => ({ periodStart: r.period_start, value: r.value, ciLow: r.ci_low, ciHigh: r.ci_high }));
  const [c] = await ws.db.all<{
    as_of: string | null;
    n: number | bigint;
    mean: number;
    median: number;
    source: string | null;
  }>(
    sql`SELECT CAST(max(as_of) AS VARCHAR) AS as_of, count(*) AS n, avg(clv) AS mean,
        ${ws.db.dialect.quantile(0.5, sql`clv`)} AS median, max(clv_source) AS source
      FROM scores WHERE run_id = (SELECT max(run_id) FROM scores) AND clv IS NOT NULL`,
  );
  const clv =
    c && Number(c.n) > 0 && c.as_of
      ? { asOf: c.as_of, customers: Number(c.n), mean: Number(c.mean), median: Number(c.median), source: c.source }
      : null;
  return { ltv, clv };
}
