import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { isBoundary } from './calendar.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { OPEN_END, segmentedCustomers } from './spans.ts';

/** One row per period k and segment: MRR at both boundaries and the movements between them. */
export interface RevenueRow {
  k: number;
  mrr_start: number;
  mrr_end: number;
  new_mrr: number;
  expansion_mrr: number;
  reactivation_mrr: number;
  contraction_mrr: number;
  churned_mrr: number;
  payers_start: number;
  payers_end: number;
  [segment: string]: unknown;
}

export const OPEN = 1_000_000_000;

/**
 * Each subscription with the boundary indexes lo … hi at which its MRR counts (used by revenue and cohorts, so
 * they cannot disagree). A subscription counts at b_k when started_at < b_k < ended_at, or started_at = b_k
 * when it continues a subscription of the same customer that reaches b_k (a re-pricing, upgrade or renewal
 * at that instant): a new customer is new in the period after the boundary, as in the customer flow, but a
 * continuing one never drops to 0 MRR at it.
 */
export function mrrCoverage(q: NormalQuery, d: Dialect): Sql {
  const { idx } = gridOf(q, d);
  const boundary = (t: Sql) => isBoundary(d, q.grain, q.calendar, t);
  const far = d.timestamp(sql`${OPEN_END}`);
  return sql`SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND ${boundary(sql`started_at`)} THEN ${idx(sql`started_at`)} ELSE ${idx(sql`started_at`)} + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN ${OPEN} WHEN ${boundary(sql`ended_at`)} THEN ${idx(sql`ended_at`)} - 1 ELSE ${idx(sql`ended_at`)} END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, ${far})) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM ${moneyFrom(q.money, 'subscriptions', d)} WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p`;
}

/**
 * MRR is a snapshot at period boundaries: a subscription counts at b_k when started_at < b_k < ended_at (the
 * same convention as customer flow; grace days do not extend revenue), or started_at = b_k when it continues
 * a subscription of the same customer that reaches b_k. Each subscription adds +mrr at its
 * first covered boundary and −mrr after its last, per customer; a running sum gives each customer's MRR level
 * at every boundary where it changes, and the change is classified (ChartMogul's MRR movements):
 * 0 → x new (or reactivation if the customer had MRR before), x → y expansion or contraction, x → 0 churn.
 * Sums are exact decimals, so start + new + expansion + reactivation − contraction − churn = end to the cent.
 */
export function revenueSql(q: NormalQuery, d: Dialect): Sql {
  const n = q.grid.length;
  const segs = segList(q);
  return sql`WITH
    sub AS (SELECT v.customer_id, ${segSelect(q, 'c')}, v.mrr, v.lo, v.hi FROM (${mrrCoverage(q, d)}) v
            JOIN (${segmentedCustomers(q)}) c ON c.customer_id = v.customer_id),
    ev AS (SELECT customer_id, ${segs}, lo AS k, mrr AS dv FROM sub WHERE lo <= hi
           UNION ALL SELECT customer_id, ${segs}, hi + 1 AS k, -mrr AS dv FROM sub WHERE lo <= hi AND hi < ${OPEN}),
    cev AS (SELECT customer_id, ${segs}, k, sum(dv) AS dv FROM ev GROUP BY customer_id, ${segs}, k),
    lev AS (SELECT *, sum(dv) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS lvl FROM cev),
    mv AS (SELECT *, lvl - dv AS before,
             max(lvl) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS peak FROM lev),
    moves AS (SELECT k - 1 AS k, ${segs},
        sum(CASE WHEN before = 0 AND lvl > 0 AND coalesce(peak, 0) = 0 THEN lvl ELSE 0 END) AS new_mrr,
        sum(CASE WHEN before = 0 AND lvl > 0 AND peak > 0 THEN lvl ELSE 0 END) AS reactivation_mrr,
        sum(CASE WHEN before > 0 AND lvl > before THEN lvl - before ELSE 0 END) AS expansion_mrr,
        sum(CASE WHEN before > 0 AND lvl > 0 AND lvl < before THEN before - lvl ELSE 0 END) AS contraction_mrr,
        sum(CASE WHEN before > 0 AND lvl = 0 THEN before ELSE 0 END) AS churned_mrr
      FROM mv WHERE k >= 1 AND k <= ${n} GROUP BY k, ${segs}),
    lv AS (SELECT ${segs}, greatest(k, 0) AS k, sum(dv) AS dm,
             sum(CASE WHEN before = 0 AND lvl > 0 THEN 1 WHEN before > 0 AND lvl = 0 THEN -1 ELSE 0 END) AS dp
           FROM mv WHERE k <= ${n} GROUP BY ${segs}, greatest(k, 0)),
    keys AS (SELECT DISTINCT ${segs} FROM sub),
    grid AS (SELECT i AS k FROM ${d.series(sql`${n + 1}`)} gs),
    level AS (SELECT g.k AS k, ${segSelect(q, 'y')},
        sum(coalesce(l.dm, 0)) OVER (PARTITION BY ${segList(q, 'y')} ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS mrr,
        sum(coalesce(l.dp, 0)) OVER (PARTITION BY ${segList(q, 'y')} ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS payers
      FROM grid g CROSS JOIN keys y LEFT JOIN lv l ON l.k = g.k AND ${segEquals(q, 'l', 'y')})
  SELECT a.k AS k, ${segSelect(q, 'a')}, a.mrr AS mrr_start, b.mrr AS mrr_end,
    coalesce(m.new_mrr, 0) AS new_mrr, coalesce(m.expansion_mrr, 0) AS expansion_mrr,
    coalesce(m.reactivation_mrr, 0) AS reactivation_mrr, coalesce(m.contraction_mrr, 0) AS contraction_mrr,
    coalesce(m.churned_mrr, 0) AS churned_mrr, a.payers AS payers_start, b.payers AS payers_end
  FROM level a JOIN level b ON b.k = a.k + 1 AND ${segEquals(q, 'a', 'b')}
    LEFT JOIN moves m ON m.k = a.k AND ${segEquals(q, 'a', 'm')}
  WHERE a.k < ${n} ORDER BY a.k, ${segList(q, 'a')}`;
}
