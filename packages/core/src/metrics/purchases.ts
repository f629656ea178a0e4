import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import type { Period } from './calendar.ts';
import { moneyFrom } from './currency.ts';
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
 * Each customer's first order ever (customer_id, first_at). A rollup keeps it as a table between refreshes
 * (rollups/first-orders.ts) and passes that to purchasesSql instead, so a refresh of some months does not
 * aggregate every order again.
 */
export const firstOrdersSql = sql`SELECT customer_id, min(ordered_at) AS first_at FROM orders WHERE ordered_at IS NOT NULL GROUP BY customer_id`;

/**
 * Each customer's orders per period of the query's range (customer_id, k, n_orders, n_revenue). A rollup build
 * keeps which customer bought in which month (rollups/buyer-months.ts) from this very relation, so that an update
 * after new orders tells new buyers of a month from returning ones without reading the months' orders again.
 */
export function customerMonthsSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const from = d.timestamp(sql`${(q.grid[0] as Period).start}`);
  const to = d.timestamp(sql`${(q.grid[n - 1] as Period).end}`);
  return sql`SELECT customer_id, ${idx(sql`ordered_at`)} AS k, count(*) AS n_orders, sum(amount) AS n_revenue
           FROM ${moneyFrom(q.money, 'orders', d)} WHERE ordered_at >= ${from} AND ordered_at < ${to} GROUP BY customer_id, k`;
}

/**
 * Orders belong to the period their ordered_at falls in (half-open periods: an order at 00:00 on the 1st is
 * the new month's) and to their customer's segment. "Returning" looks at all order history, not only the
 * query range, so a customer whose first order predates the range returns in its first period. Rows: every
 * period × every segment with a buyer, so a period without orders has zero counts.
 */
export function purchasesSql(
  q: NormalQuery,
  d: Dialect,
  firstOrders: Sql = firstOrdersSql,
  customerMonths: Sql = customerMonthsSql(q, d),
): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  return sql`WITH
    -- Two passes over the (large) orders table, each cheaper than one grouping of all history by customer and
    -- period (100M orders: 17 s → 9.5 s): each customer's first order ever, and customer-periods inside the range.
    fo AS (${firstOrders}),
    cp AS (${customerMonths}),
    -- Buyers ever, with their segment and the period of their first order (before the range: negative).
    b AS (SELECT fo.customer_id AS customer_id, ${segSelect(q, 'c')}, ${idx(sql`fo.first_at`)} AS k0
          FROM fo JOIN (${segmentedCustomers(q)}) c ON c.customer_id = fo.customer_id),
    per AS (SELECT cp.k AS k, ${segSelect(q, 'b')}, count(*) AS n_buyers, count(*) FILTER (WHERE b.k0 < cp.k) AS n_returning,
              sum(cp.n_orders) AS n_orders, sum(cp.n_revenue) AS n_revenue
            FROM cp JOIN b ON b.customer_id = cp.customer_id GROUP BY cp.k, ${segList(q, 'b')}),
    keys AS (SELECT DISTINCT ${segs} FROM b),
    grid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, coalesce(p.n_orders, 0) AS orders, coalesce(p.n_revenue, 0) AS revenue,
    coalesce(p.n_buyers, 0) AS buyers, coalesce(p.n_returning, 0) AS returning_buyers
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND ${segEquals(q, 'p', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}
