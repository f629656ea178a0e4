import { type Sql, sql } from '../sql/sql.ts';

export interface CustomerSeries {
  /** MRR at the end of each month (the current one: now), from the first subscription's month to now. */
  mrr: { month: string; mrr: number }[];
  /** Activity per month and kind: the sum of quantities (a row without one counts 1). */
  usage: { month: string; kind: string; quantity: number }[];
}

const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * Per customer of `events` (timeline events as timeline-sources.ts shapes them, live or stored, of one customer
 * or of many): (customer_id, _mrr), the MRR at each month's end from their first subscription's month to now,
 * oldest first, as a JSON list of { month, mrr } (sorted by its first field: customerViews says why so).
 * Customers without a subscription have no row.
 */
export const mrrSeries = (events: Sql): Sql => sql`
  WITH subs AS (SELECT customer_id, "at" AS started_at, ended_at, amount AS mrr FROM ${events} ev
    WHERE action = 'subscription_started'),
  months AS (
    SELECT customer_id,
      unnest(generate_series(date_trunc('month', min(started_at)), date_trunc('month', ${NOW}), INTERVAL 1 MONTH)) AS m
    FROM subs GROUP BY customer_id),
  month_ends AS (
    -- Joined on the customer alone and the span tested in the sum: with the span in the join condition,
    -- DuckDB compares every month with every subscription of all customers (a nested-loop join).
    SELECT mo.customer_id, mo.m, CAST(coalesce(sum(CASE WHEN s.started_at <= least(mo.m + INTERVAL 1 MONTH, ${NOW})
        AND (s.ended_at IS NULL OR s.ended_at > least(mo.m + INTERVAL 1 MONTH, ${NOW})) THEN s.mrr END), 0) AS DOUBLE) AS mrr
    FROM months mo JOIN subs s ON s.customer_id = mo.customer_id
    GROUP BY mo.customer_id, mo.m)
  SELECT customer_id, CAST(to_json(list_sort(list({'month': strftime(m, '%Y-%m-%d'), 'mrr': mrr}))) AS VARCHAR) AS _mrr
  FROM month_ends GROUP BY customer_id`;

/**
 * Per customer of `events`: (customer_id, _usage), their activity per month and kind as a JSON list of
 * { month, kind, quantity }. Customers without activity have no row.
 */
export const usageSeries = (events: Sql): Sql => sql`
  SELECT customer_id,
    CAST(to_json(list_sort(list({'month': month, 'kind': kind, 'quantity': quantity}))) AS VARCHAR) AS _usage
  FROM (
    SELECT customer_id, strftime(date_trunc('month', "at"), '%Y-%m-%d') AS month, coalesce(subject, 'activity') AS kind,
      CAST(sum(coalesce(amount, 1)) AS DOUBLE) AS quantity
    FROM ${events} ev WHERE action = 'activity' GROUP BY ALL) u
  GROUP BY customer_id`;
