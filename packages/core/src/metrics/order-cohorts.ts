import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { cohortLabels, ordersByPeriod } from './cohorts.ts';
import { moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per first-order cohort, segment and age: the cohort's order revenue in period k = cohort + age. */
export interface OrderCohortRow {
  k: number;
  /** Start date (YYYY-MM-DD) of the period of the cohort's first orders. */
  key_cohort: string;
  /** Periods since the first order: 0 is the first order's period. */
  key_age: number;
  cohort_size: number;
  /** The cohort's order revenue in period k. */
  revenue: number;
  /** The cohort's order revenue in its first period (age 0). */
  revenue0: number;
  /** Σ over members of min(their revenue in period k, their revenue in their first period). */
  capped: number;
  /** Members with an order in period k. */
  buyers: number;
  [segment: string]: unknown;
}

/**
 * Repeat revenue by first-order cohort, for shops without subscriptions. A customer's cohort is the period of
 * their first order ever (kept when it lies in the query range), whatever the activity basis; every later
 * period of the range is an age of the cohort, with or without orders. `capped` bounds each member's revenue
 * in a period by what they spent in their first period, so it measures keeping revenue without counting
 * customers who spend more than at first (the order analogue of GRR beside NRR).
 */
export function orderCohortsSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  return sql`WITH
    op AS (${ordersByPeriod(idx, moneyFrom(q.money, 'orders', d))}),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, ${segSelect(q, 'sc')}
            FROM (SELECT customer_id, min(ko) AS c FROM op GROUP BY customer_id) f
              JOIN (${segmentedCustomers(q)}) sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < ${n}),
    m AS (SELECT h.c AS c, ${segSelect(q, 'h')}, o.ko - h.c AS age, o.amount AS amount, z.amount AS amount0
          FROM coh h JOIN op o ON o.customer_id = h.customer_id JOIN op z ON z.customer_id = h.customer_id AND z.ko = h.c
          WHERE o.ko < ${n}),
    agg AS (SELECT c, ${segs}, age, sum(amount) AS revenue, sum(least(amount, amount0)) AS capped, count(*) AS buyers
            FROM m GROUP BY c, ${segs}, age),
    sz AS (SELECT c, ${segs}, count(*) AS size FROM coh GROUP BY c, ${segs}),
    cells AS (SELECT z.c AS c, ${segSelect(q, 'z')}, a.i AS age, z.size AS size FROM sz z CROSS JOIN ${d.series(sql`${n}`)} a
              WHERE z.c + a.i < ${n})
  SELECT x.c + x.age AS k, ${segSelect(q, 'x')}, CASE x.c ${cohortLabels(q)} END AS key_cohort, x.age AS key_age,
    x.size AS cohort_size, coalesce(g.revenue, 0) AS revenue, g0.revenue AS revenue0, coalesce(g.capped, 0) AS capped,
    coalesce(g.buyers, 0) AS buyers
  FROM cells x JOIN agg g0 ON g0.c = x.c AND g0.age = 0 AND ${segEquals(q, 'g0', 'x')}
    LEFT JOIN agg g ON g.c = x.c AND g.age = x.age AND ${segEquals(q, 'g', 'x')}
  ORDER BY x.c, ${segList(q, 'x')}, x.age`;
}
