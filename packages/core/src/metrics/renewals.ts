import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { OPEN_END, segmentedCustomers } from './spans.ts';

/** One row per period k and segment: subscription terms that ended in the period and how many were renewed. */
export interface RenewalRow {
  k: number;
  term_ends: number;
  renewed: number;
  [segment: string]: unknown;
}

/**
 * A term ends at T when a subscription ends (ended_at = T), or, for billing_period 'year', at an anniversary
 * T of started_at strictly before its end (or while it has none). The term end belongs to the period T falls
 * in. It is renewed when the same customer has a subscription (this one included) active at T + grace days
 * (started_at ≤ T + g < ended_at), or another one starting within [T, T + g]: a contiguous upgrade or plan
 * switch renews, a comeback after the grace does not, and a parallel subscription that carries on does.
 * Anniversaries are generated only for the years the grid spans, so the work is linear in subscriptions.
 */
export function renewalsSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  const far = d.timestamp(sql`${OPEN_END}`);
  const first = (q.grid[0] as { start: string }).start;
  const years = Number((q.grid[n - 1] as { end: string }).end.slice(0, 4)) - Number(first.slice(0, 4)) + 3;
  const until = sql`e.t + INTERVAL (${q.config.churn.grace_days}) DAY`;
  return sql`WITH
    sub AS (SELECT s.subscription_id AS sid, s.customer_id AS customer_id, ${segSelect(q, 'c')}, s.started_at AS started_at,
              s.ended_at AS ended_at, s.billing_period AS billing_period
            FROM subscriptions s JOIN (${segmentedCustomers(q)}) c ON c.customer_id = s.customer_id WHERE s.started_at IS NOT NULL),
    yj AS (SELECT sid, customer_id, ${segs}, ended_at, started_at,
             ${d.periodsBetween('year', sql`started_at`, d.timestamp(sql`${first}`))} + yr.i - 1 AS j
           FROM sub CROSS JOIN ${d.series(sql`${years}`)} yr WHERE billing_period = 'year'),
    ann AS (SELECT sid, customer_id, ${segs}, ended_at, ${d.addPeriods('year', sql`started_at`, sql`j`)} AS t FROM yj WHERE j >= 1),
    te AS (SELECT sid, customer_id, ${segs}, ended_at AS t FROM sub WHERE ended_at IS NOT NULL
           UNION ALL SELECT sid, customer_id, ${segs}, t FROM ann WHERE t < coalesce(ended_at, ${far})),
    tk AS (SELECT sid, customer_id, ${segs}, t, ${idx(sql`t`)} AS k FROM te),
    rn AS (SELECT e.k AS k, ${segSelect(q, 'e')}, e.sid AS sid, e.t AS t,
             max(CASE WHEN (s.started_at <= ${until} AND coalesce(s.ended_at, ${far}) > ${until})
                   OR (s.sid <> e.sid AND s.started_at >= e.t AND s.started_at <= ${until}) THEN 1 ELSE 0 END) AS is_renewed
           FROM tk e JOIN sub s ON s.customer_id = e.customer_id WHERE e.k >= 0 AND e.k < ${n}
           GROUP BY e.k, ${segList(q, 'e')}, e.sid, e.t),
    per AS (SELECT k, ${segs}, count(*) AS n_ends, sum(is_renewed) AS n_renewed FROM rn GROUP BY k, ${segs}),
    keys AS (SELECT DISTINCT ${segs} FROM sub),
    grid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, coalesce(p.n_ends, 0) AS term_ends, coalesce(p.n_renewed, 0) AS renewed
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND ${segEquals(q, 'p', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}
