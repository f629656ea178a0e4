import { type Sql, sql } from '../sql/sql.ts';

export interface CustomerSeries {
  /** MRR at the end of each month (the current one: now), from the first subscription's month to now. */
  mrr: { month: string; mrr: number }[];
  /** Activity per month and kind: the sum of quantities (a row without one counts 1). */
  usage: { month: string; kind: string; quantity: number }[];
}

const NOW = sql`current_timestamp::TIMESTAMP`;

/**
 * One customer's MRR at each month's end, from their timeline events (`events`: a relation of them as
 * timeline-sources.ts shapes them, live or stored): one row per month (month, mrr), oldest first.
 */
export const mrrSeries = (events: Sql): Sql => sql`
  WITH subs AS (SELECT "at" AS started_at, ended_at, amount AS mrr FROM ${events} ev WHERE action = 'subscription_started'),
  months AS (
    SELECT unnest(generate_series(date_trunc('month', min(started_at)), date_trunc('month', ${NOW}), INTERVAL 1 MONTH)) AS m
    FROM subs)
  SELECT strftime(m, '%Y-%m-%d') AS month, CAST(coalesce(sum(s.mrr), 0) AS DOUBLE) AS mrr
  FROM months LEFT JOIN subs s ON s.started_at <= least(m + INTERVAL 1 MONTH, ${NOW})
    AND (s.ended_at IS NULL OR s.ended_at > least(m + INTERVAL 1 MONTH, ${NOW}))
  GROUP BY m`;

/** One customer's activity per month and kind (month, kind, quantity), from their timeline events. */
export const usageSeries = (events: Sql): Sql => sql`
  SELECT strftime(date_trunc('month', "at"), '%Y-%m-%d') AS month, coalesce(subject, 'activity') AS kind,
    CAST(sum(coalesce(amount, 1)) AS DOUBLE) AS quantity
  FROM ${events} ev WHERE action = 'activity' GROUP BY ALL`;
