import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period k and segment: the orders placed in the period and who placed them. */
export interface PurchaseRow {
  k: number;
  orders: number;
  revenue: number;
  /** Customers with at least one order in the period. */
  buyers: number;
  /** Buyers of the period whose first order ever was placed in an earlier period. */
  returning_buyers: number;
  [segment: string]: unknown;
}

/**
 * Orders belong to the period their ordered_at falls in (half-open periods: an order at 00:00 on the 1st is
 * the new month's) and to their customer's segment. "Returning" looks at all order history, not only the
 * query range, so a customer whose first order predates the range returns in its first period. Rows: every
 * period × every segment with a buyer, so a period without orders has zero counts.
 */
export function purchasesSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  return sql`WITH
    -- Aggregate the (large) orders table per customer and period first, then attach segments: the join and
    -- the wide grouping key then touch one row per customer-period instead of one per order.
    cp AS (SELECT customer_id, ${idx(sql`ordered_at`)} AS k, count(*) AS n_orders, sum(amount) AS n_revenue
           FROM orders WHERE ordered_at IS NOT NULL GROUP BY customer_id, k),
    co AS (SELECT cp.customer_id AS customer_id, ${segSelect(q, 'c')}, cp.k AS k, cp.n_orders AS n_orders, cp.n_revenue AS n_revenue
           FROM cp JOIN (${segmentedCustomers(q)}) c ON c.customer_id = cp.customer_id),
    fst AS (SELECT customer_id, min(k) AS k0 FROM co GROUP BY customer_id),
    per AS (SELECT co.k AS k, ${segSelect(q, 'co')}, count(*) AS n_buyers, count(*) FILTER (WHERE f.k0 < co.k) AS n_returning,
              sum(co.n_orders) AS n_orders, sum(co.n_revenue) AS n_revenue
            FROM co JOIN fst f ON f.customer_id = co.customer_id WHERE co.k >= 0 AND co.k < ${n} GROUP BY co.k, ${segList(q, 'co')}),
    keys AS (SELECT DISTINCT ${segs} FROM co),
    grid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, coalesce(p.n_orders, 0) AS orders, coalesce(p.n_revenue, 0) AS revenue,
    coalesce(p.n_buyers, 0) AS buyers, coalesce(p.n_returning, 0) AS returning_buyers
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND ${segEquals(q, 'p', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}
