/**
 * Point-in-time features of the account: subscriptions (what the customer pays at the snapshot and how that
 * changed), orders (recency, frequency, monetary value), campaigns and earlier churn. Every fragment is one
 * query keyed by (customer_id, t) for all snapshots t in `snaps` at once, and reads only rows dated before t:
 * a subscription's end is only ever compared with t itself ("still running at t"), never used as a value.
 */
import { type MoneyReader, storedFrom } from '../../metrics/currency.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import type { FeatureSpec } from '../frame.ts';

/** A group of features: their specs and the query giving them per (customer_id, t). */
export interface FeatureGroup {
  features: FeatureSpec[];
  query: Sql;
}

/** An interval of whole days, bound (n is a constant, or a config value such as the inactivity days). */
export const days = (n: number): Sql => sql`INTERVAL (${Math.trunc(n)}) DAY`;
export const daysSince = (at: Sql): Sql => sql`CAST(date_diff('day', ${at}, p.t) AS DOUBLE)`;
const num = (name: string): FeatureSpec => ({ name, kind: 'numeric' });
const cat = (name: string): FeatureSpec => ({ name, kind: 'categorical' });
const running = (s: string, at: Sql) =>
  sql`${sql.id(s)}.started_at < ${at} AND (${sql.id(s)}.ended_at IS NULL OR ${sql.id(s)}.ended_at >= ${at})`;

/** MRR, plan and billing at t; MRR change over 90 days; plan and price changes before t; a pending cancellation. */
export const subscriptionFeatures = (
  snaps: Sql,
  _config?: TenureConfig,
  read: MoneyReader = storedFrom,
): FeatureGroup => ({
  features: [
    num('mrr'),
    cat('plan'),
    cat('billing_period'),
    num('mrr_change_90d'),
    num('plan_changes_365d'),
    num('days_since_price_change'),
    num('cancel_requested'),
  ],
  query: sql`
    WITH hist AS (
      SELECT s.*, p.t,
        lag(s.plan) OVER (PARTITION BY s.customer_id, p.t ORDER BY s.started_at) AS prev_plan,
        lag(s.mrr) OVER (PARTITION BY s.customer_id, p.t ORDER BY s.started_at) AS prev_mrr
      FROM ${read('subscriptions', 's')} JOIN ${snaps} p ON s.started_at < p.t
    )
    SELECT customer_id, t,
      CAST(sum(CASE WHEN ${running('hist', sql`t`)} THEN mrr END) AS DOUBLE) AS mrr,
      arg_max(plan, started_at) FILTER (WHERE ${running('hist', sql`t`)}) AS plan,
      arg_max(billing_period, started_at) FILTER (WHERE ${running('hist', sql`t`)}) AS billing_period,
      CAST(sum(CASE WHEN ${running('hist', sql`t`)} THEN mrr END)
        / nullif(sum(CASE WHEN ${running('hist', sql`t - ${days(90)}`)} THEN mrr END), 0) - 1 AS DOUBLE) AS mrr_change_90d,
      CAST(count(*) FILTER (WHERE prev_plan <> plan AND started_at >= t - ${days(365)}) AS DOUBLE) AS plan_changes_365d,
      CAST(date_diff('day', max(started_at) FILTER (WHERE prev_plan = plan AND prev_mrr <> mrr), t) AS DOUBLE)
        AS days_since_price_change,
      CAST(bool_or(${running('hist', sql`t`)} AND cancel_requested_at < t) AS DOUBLE) AS cancel_requested
    FROM hist GROUP BY customer_id, t`,
});

/** Recency, frequency and spend of orders before t. */
export const orderFeatures = (snaps: Sql, _config?: TenureConfig, read: MoneyReader = storedFrom): FeatureGroup => ({
  features: [num('days_since_last_order'), num('orders_365d'), num('spend_365d')],
  query: sql`
    SELECT o.customer_id, p.t, ${daysSince(sql`max(o.ordered_at)`)} AS days_since_last_order,
      CAST(count(*) FILTER (WHERE o.ordered_at >= p.t - ${days(365)}) AS DOUBLE) AS orders_365d,
      CAST(coalesce(sum(o.amount) FILTER (WHERE o.ordered_at >= p.t - ${days(365)}), 0) AS DOUBLE) AS spend_365d
    FROM ${read('orders', 'o')} JOIN ${snaps} p ON o.ordered_at < p.t GROUP BY o.customer_id, p.t`,
});

/** Campaign treatment in the 180 days before t, and a campaign running at t; churns before t. */
export const historyFeatures = (snaps: Sql): FeatureGroup => ({
  features: [num('campaigns_180d'), num('in_campaign'), num('past_churns')],
  query: sql`
    WITH treated AS (
      SELECT m.customer_id, p.t, coalesce(m.assigned_at, c.started_at) AS at, c.started_at, c.ended_at
      FROM campaign_members m JOIN campaigns c USING (campaign_id) JOIN ${snaps} p
        ON coalesce(m.assigned_at, c.started_at) < p.t
      WHERE m.${sql.id('group')} = 'treatment'
    ), churns AS (
      SELECT e.customer_id, p.t FROM churn_events e JOIN ${snaps} p ON e.churned_at < p.t
    ), keys AS (SELECT customer_id, t FROM treated UNION SELECT customer_id, t FROM churns)
    SELECT k.customer_id, k.t,
      CAST((SELECT count(*) FROM treated x WHERE x.customer_id = k.customer_id AND x.t = k.t
        AND x.at >= k.t - ${days(180)}) AS DOUBLE) AS campaigns_180d,
      CAST(EXISTS (SELECT 1 FROM treated x WHERE x.customer_id = k.customer_id AND x.t = k.t
        AND x.started_at < k.t AND (x.ended_at IS NULL OR x.ended_at >= k.t)) AS DOUBLE) AS in_campaign,
      CAST((SELECT count(*) FROM churns x WHERE x.customer_id = k.customer_id AND x.t = k.t) AS DOUBLE) AS past_churns
    FROM keys k`,
});
