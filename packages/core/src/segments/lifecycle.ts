/**
 * Lifecycle stage per customer at the as-of time t, from activity spans: subscriptions and orders together, each
 * with the churn definition of metrics/spans.ts (a subscription until its end + grace days, or the cancellation
 * request when churn is recognised then; an order keeps a buyer active for `inactivity_days`). The first rule that
 * holds names the stage (thresholds in `segments.lifecycle`):
 * 1. churned: no span covers t (the customer was active before t);
 * 2. dormant: no subscription runs at t and the last order is `dormant_days` or more before t;
 * 3. at_risk: with a churn scoring dated on or before t, the customer's tier in the latest such scoring is one of
 *    `at_risk_tiers`; without one, a running subscription has a pending cancellation request, or (no subscription)
 *    the last order is `at_risk_days` or more before t;
 * 4. reactivated: the span covering t is not the customer's first and began less than `reactivated_days` before t;
 * 5. new: the first activity is less than `new_days` before t;
 * 6. active: the rest.
 * Customers with no activity before t have no stage.
 */
import { intervals, mergeIntervals } from '../metrics/spans.ts';
import { lifecycleStageLabels } from '../present/segment-labels.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { DerivedContext } from './context.ts';

export type LifecycleStage = keyof typeof lifecycleStageLabels;
/** The stages in the order lists show them: the keys of their labels (present/segment-labels.ts). */
export const LIFECYCLE_STAGES = Object.keys(lifecycleStageLabels) as LifecycleStage[];

/**
 * customer_id, lifecycle_stage of every customer with activity before `ctx.asOf`.
 *
 * @example
 * sql`SELECT lifecycle_stage, count(*) AS n FROM (${lifecycleSql(ctx)}) l GROUP BY lifecycle_stage`
 */
export function lifecycleSql(ctx: DerivedContext): Sql {
  const { asOf: t, config } = ctx;
  const rules = config.segments.lifecycle;
  // Nothing after t matters: an open end a day past t says "still running at t".
  const far = sql`${t} + INTERVAL (1) DAY`;
  const before = (basis: 'subscriptions' | 'orders') =>
    sql`SELECT customer_id, a, z FROM (${intervals({ basis, config }, far)}) i WHERE a < ${t}`;
  const subs = before('subscriptions');
  const daysTo = (x: Sql) => sql`date_diff('day', ${x}, ${t})`;
  const scoring = ctx.scored ? sql`(SELECT max(run_id) FROM scores WHERE as_of <= ${t})` : sql`CAST(NULL AS BIGINT)`;
  return sql`WITH sp AS (${mergeIntervals(sql`${subs} UNION ALL ${before('orders')}`)}),
    per AS (SELECT customer_id, min(a) AS first_a, max(CASE WHEN z > ${t} THEN a END) AS cur_a FROM sp GROUP BY customer_id),
    sub AS (SELECT DISTINCT customer_id FROM (${subs}) s WHERE z > ${t}),
    cancel AS (SELECT DISTINCT customer_id FROM subscriptions
      WHERE cancel_requested_at <= ${t} AND started_at < ${t} AND (ended_at IS NULL OR ended_at >= ${t})),
    ord AS (SELECT customer_id, max(ordered_at) AS last_order FROM orders WHERE ordered_at < ${t} GROUP BY customer_id),
    risk AS (${ctx.scored ? sql`SELECT customer_id FROM scores WHERE run_id = ${scoring} AND tier IN (SELECT unnest(${rules.at_risk_tiers}))` : sql`SELECT customer_id FROM customers WHERE false`})
    SELECT per.customer_id AS customer_id, CASE
        WHEN per.cur_a IS NULL THEN 'churned'
        WHEN sub.customer_id IS NULL AND ${daysTo(sql`ord.last_order`)} >= ${rules.dormant_days} THEN 'dormant'
        WHEN (${scoring} IS NOT NULL AND risk.customer_id IS NOT NULL) OR (${scoring} IS NULL AND (cancel.customer_id IS NOT NULL
          OR (sub.customer_id IS NULL AND ${daysTo(sql`ord.last_order`)} >= ${rules.at_risk_days}))) THEN 'at_risk'
        WHEN per.cur_a > per.first_a AND ${daysTo(sql`per.cur_a`)} < ${rules.reactivated_days} THEN 'reactivated'
        WHEN ${daysTo(sql`per.first_a`)} < ${rules.new_days} THEN 'new'
        ELSE 'active' END AS lifecycle_stage
    FROM per LEFT JOIN sub ON sub.customer_id = per.customer_id LEFT JOIN cancel ON cancel.customer_id = per.customer_id
      LEFT JOIN ord ON ord.customer_id = per.customer_id LEFT JOIN risk ON risk.customer_id = per.customer_id`;
}
