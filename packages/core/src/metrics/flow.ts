import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { isBoundary } from './calendar.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { OPEN_END, segmentedCustomers, spans } from './spans.ts';

/** One row per period k and segment: the customer flow every customer-count metric is derived from. */
export interface FlowRow {
  k: number;
  active_start: number;
  active_end: number;
  new_customers: number;
  reactivated: number;
  churned: number;
  lost_same_period: number;
  /** 1 when config churn.count_same_period counts joiners who left within the period as churned. */
  count_same_period: number;
  [segment: string]: unknown;
}

/** Customers counted as churned: the start cohort's losses, plus same-period joiners when so configured. */
export const churnedOf = (r: FlowRow): number => r.churned + (r.count_same_period ? r.lost_same_period : 0);

/**
 * Period boundaries b_0 < … < b_n. A customer is active at boundary b_k when a span has a < b_k < z: a customer
 * whose span starts exactly at b_k (a date at midnight on the 1st) is new in period k, not already active, and
 * one whose span ends exactly at b_k has left in period k−1. A span therefore covers the boundary indexes
 * k1 = idx(a) + 1 … k2 = idx(z) − [z is a boundary], where idx(t) is the period containing t. Then, exactly:
 *   active_start(k) = spans covering k (difference array over [k1, k2], one running sum per segment);
 *   churned(k)      = covering spans ending at k2 = k whose customer's next covering span does not start at k+1;
 *   new(k)          = customers whose first span starts in period k;
 *   reactivated(k)  = other customers starting a span in period k while not active at b_k;
 *   lost_same_period(k) = those new or reactivated customers not active at b_{k+1};
 * so active_end(k) = active_start + new + reactivated − churned − lost_same_period, with no per-(customer ×
 * period) rows: the work is linear in spans.
 */
export function flowSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const far = d.timestamp(sql`${OPEN_END}`);
  const segs = segList(q);
  const k2 = sql`CASE WHEN ${isBoundary(d, q.grain, q.calendar, sql`z`)} THEN ${idx(sql`z`)} - 1 ELSE ${idx(sql`z`)} END`;
  // The CTEs in the terms above: customer_spans (a span with its customer's segment) → span_boundaries (its ka, k1,
  // k2 and rank rn among the customer's spans). active_start is a difference array: covered_ranges clipped to the
  // grid, +1/−1 coverage_steps, summed in steps_at_boundary and run over boundaries × segment_keys in
  // active_at_boundary. new and reactivated come from customer_starts (one row per customer and start period) and
  // starts_with_history (the furthest boundary covered before it, prev_k2, and up to it, cum_k2); churned from
  // covering_spans (each with the next span's first boundary, nk1).
  return sql`WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, ${segSelect(q, 'c')} FROM (${spans(q, far)}) s
           JOIN (${segmentedCustomers(q)}) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, ${segs}, ${idx(sql`a`)} AS ka, ${idx(sql`a`)} + 1 AS k1, ${k2} AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT ${segs}, greatest(k1, 0) AS lo, least(k2, ${n}) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, ${n})),
    coverage_steps AS (SELECT ${segs}, lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT ${segs}, hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < ${n}),
    steps_at_boundary AS (SELECT ${segs}, k, sum(dv) AS dv FROM coverage_steps GROUP BY ${segs}, k),
    segment_keys AS (SELECT DISTINCT ${segs} FROM customer_spans),
    boundaries AS (SELECT i AS k FROM ${d.series(sql`${n + 1}`)} gs),
    active_at_boundary AS (SELECT g.k AS k, ${segSelect(q, 'y')}, sum(coalesce(ds.dv, 0)) OVER (PARTITION BY ${segList(q, 'y')} ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND ${segEquals(q, 'ds', 'y')}),
    customer_starts AS (SELECT customer_id, ${segs}, ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, ${segs}, ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, ${segs}, count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < ${n} GROUP BY k, ${segs}),
    covering_spans AS (SELECT ${segs}, k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, ${segs}, count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < ${n} GROUP BY k2, ${segs})
  SELECT a.k AS k, ${segSelect(q, 'a')}, a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, ${q.config.churn.count_same_period ? 1 : 0} AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND ${segEquals(q, 'a', 'b')}
    LEFT JOIN entries_per_period e ON e.k = a.k AND ${segEquals(q, 'a', 'e')}
    LEFT JOIN churned_per_period c ON c.k = a.k AND ${segEquals(q, 'a', 'c')}
  WHERE a.k < ${n} ORDER BY a.k, ${segList(q, 'a')}`;
}
