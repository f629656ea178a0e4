import { afterDataEnd, customerSource } from '../segments/derived.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { NormalQuery } from './query.ts';

/** Far future: the end of spans that have not ended. */
export const OPEN_END = '9999-12-31 00:00:00';

/**
 * Raw activity intervals [a, z) per customer, by basis (docs/metrics.md, "When is a customer active?"):
 * - subscriptions: started_at until ended_at + grace days, or until the cancellation request if configured;
 * - orders: each order keeps a buyer active for `inactivity_days`, so churn is dated last order + N days;
 * - customers: created_at until the first churn event after it (snapshot imports).
 */
export function intervals(q: Pick<NormalQuery, 'basis' | 'config'>, far: Sql): Sql {
  const grace = q.config.churn.grace_days;
  switch (q.basis) {
    case 'subscriptions': {
      // With recognized_at = cancellation_request, churn counts from the request even while the paid period runs on.
      const ended = sql`ended_at + INTERVAL (${grace}) DAY`;
      const end =
        q.config.churn.recognized_at === 'cancellation_request' ? sql`coalesce(cancel_requested_at, ${ended})` : ended;
      return sql`SELECT customer_id, started_at AS a, coalesce(${end}, ${far}) AS z FROM subscriptions WHERE started_at IS NOT NULL`;
    }
    case 'orders':
      return sql`SELECT customer_id, ordered_at AS a, ordered_at + INTERVAL (${q.config.churn.inactivity_days}) DAY AS z
        FROM orders`;
    case 'customers':
      return sql`SELECT c.customer_id, c.created_at AS a, coalesce(min(e.churned_at), ${far}) AS z
        FROM customers c LEFT JOIN churn_events e ON e.customer_id = c.customer_id AND e.churned_at >= c.created_at
        WHERE c.created_at IS NOT NULL GROUP BY c.customer_id, c.created_at`;
  }
}

/** The segment label of customers without a value (the literal in segmentedCustomers). */
export const NONE = '(none)';

/** Customers that pass the query's filters, with their segment columns. */
export function segmentedCustomers(q: NormalQuery): Sql {
  // Missing segment values group as '(none)', so every breakdown row has a key that joins with '='.
  const cols = q.by.map((b) => sql`, coalesce(CAST(${sql.id(b)} AS VARCHAR), '(none)') AS ${sql.id(`seg_${b}`)}`);
  const where = q.filter.map(
    ([col, values]) => sql` AND CAST(${sql.id(col)} AS VARCHAR) IN (SELECT unnest(${values}))`,
  );
  // Derived dimensions (value tier, RFM, lifecycle) classify customers at the start of the first period; a
  // query without periods (a customer's status) at the end of the data.
  const start = q.grid[0]?.start;
  const asOf = start ? sql`CAST(${start} AS TIMESTAMP)` : afterDataEnd(sql`CAST(${OPEN_END} AS TIMESTAMP)`);
  const from = customerSource([...q.by, ...q.filter.map(([col]) => col)], {
    config: q.config,
    asOf,
    scored: q.scored ?? false,
  });
  return sql`SELECT customer_id, 'all' AS seg__all${sql.join(cols, sql``)} FROM ${from} WHERE true${sql.join(where, sql``)}`;
}

/**
 * Merged activity spans: overlapping or touching intervals of one customer become one span (gaps and
 * islands), so at any instant a customer is inside at most one span. See flow.ts for how spans meet periods.
 */
export function spans(q: NormalQuery, far: Sql): Sql {
  return mergeIntervals(
    intervals(q, far),
    sql` WHERE customer_id IN (SELECT customer_id FROM (${segmentedCustomers(q)}) f)`,
  );
}

/** Intervals (customer_id, a, z) merged into spans, `where` applied to them first: the gaps-and-islands step. */
export function mergeIntervals(src: Sql, where: Sql = sql``): Sql {
  return sql`SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (${src}) i${where}) o) m) g
    GROUP BY customer_id, g`;
}
