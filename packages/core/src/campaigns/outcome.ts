/**
 * The one definition of a member's outcome in a campaign, used by the measurement, the campaign metrics and the
 * uplift model's labels, so they cannot disagree.
 *
 * A member's clock starts at t0 = the campaign's launch (launched_at), else the member's assigned_at, else the
 * campaign's started_at (an imported campaign), and runs for the window w = the campaign's outcome_window_days,
 * else the config's `campaigns.outcome_window_days`, to t1 = t0 + w days; it is read up to tc = min(t1, as_of).
 * Churn is the repo's churn (metrics/spans.ts, docs/metrics.md): a member whose activity span covering t0
 * (a ≤ t0 < z) ends at z ≤ tc has churned, at z − t0 days; one with no span covering t0 was already gone and
 * churned at day 0 (kept, as intention-to-treat keeps everyone assigned); everyone else is censored at tc − t0
 * days. Retained MRR is the MRR of subscriptions running at tc, revenue and orders those ordered in [t0, tc), and
 * the pre-period covariates the same measured before t0 (MRR at t0; revenue and orders in [t0 − w, t0)) for CUPED.
 */
import type { Dialect } from '../engine/dialect.ts';
import { calendarOf } from '../metrics/calendar.ts';
import { homePlan, type MoneyReader, storedFrom } from '../metrics/currency.ts';
import type { Basis } from '../metrics/query.ts';
import { OPEN_END, spans } from '../metrics/spans.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';

/** The merged activity spans [a, z) of every customer on `basis` (metrics/spans.ts): what churn means here. */
export const activitySpans = (basis: Basis, config: TenureConfig, far: Sql): Sql =>
  spans(
    {
      grain: 'month',
      grid: [],
      calendar: calendarOf(config),
      by: [],
      filter: [],
      basis,
      config,
      money: homePlan(config.currency),
    },
    far,
  );

export interface OutcomeQuery {
  /** The campaign; null for the members of every campaign (the campaign metrics). */
  campaignId: string | null;
  /** The instant measured as of, 'YYYY-MM-DD HH:MM:SS' (UTC): outcomes after it are not yet known. */
  asOf: string;
  /** Where activity comes from (a resolved basis: metrics/query.ts pickBasis). */
  basis: Basis;
  config: TenureConfig;
  /** A window other than the campaign's, in days (uplift models may learn from a shorter one). */
  windowDays?: number;
  /** Where MRR and order amounts are read from (metrics/currency.ts): as stored when not given. */
  read?: MoneyReader;
}

/**
 * One row per member of the campaign: campaign_id, customer_id, arm ('treatment' | 'control'), stratum, delivered (1 when
 * delivered_at is recorded), t0, t1, tc, window_days, churned (0/1), days (to churn or censoring, ≥ 0),
 * retained_mrr, revenue, orders (double, 0 when none), pre_mrr, pre_revenue, pre_orders.
 * @example db.all(sql`SELECT arm, avg(churned) FROM (${outcomeSql(q, duckdbDialect)}) o GROUP BY arm`)
 */
export function outcomeSql(q: OutcomeQuery, d: Dialect): Sql {
  const far = d.timestamp(sql`${OPEN_END}`);
  const asOf = d.timestamp(sql`${q.asOf}`);
  const days = (a: Sql, b: Sql) => sql`greatest(${d.daysBetween(a, b)}, 0)`;
  const read = q.read ?? storedFrom;
  return sql`WITH
    members AS (SELECT m.campaign_id AS campaign_id, m.customer_id AS customer_id, m.${sql.id('group')} AS arm,
        coalesce(m.stratum, '(none)') AS stratum, CASE WHEN m.delivered_at IS NULL THEN 0 ELSE 1 END AS delivered,
        coalesce(c.launched_at, m.assigned_at, c.started_at) AS t0,
        ${q.windowDays ?? sql`coalesce(c.outcome_window_days, ${q.config.campaigns.outcome_window_days})`} AS window_days
      FROM campaign_members m JOIN campaigns c ON c.campaign_id = m.campaign_id
      ${q.campaignId === null ? sql`` : sql`WHERE m.campaign_id = ${q.campaignId}`}),
    clocks AS (SELECT campaign_id, customer_id, arm, stratum, delivered, t0, window_days,
        ${d.addPeriods('day', sql`t0`, sql`window_days`)} AS t1,
        least(${d.addPeriods('day', sql`t0`, sql`window_days`)}, ${asOf}) AS tc,
        ${d.addPeriods('day', sql`t0`, sql`-window_days`)} AS tp
      FROM members),
    covering AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id, max(s.z) AS z
      FROM clocks k JOIN (${activitySpans(q.basis, q.config, far)}) s ON s.customer_id = k.customer_id AND s.a <= k.t0 AND s.z > k.t0
      GROUP BY k.campaign_id, k.customer_id),
    mrr AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id,
        sum(CASE WHEN s.started_at <= k.tc AND coalesce(s.ended_at, ${far}) > k.tc THEN s.mrr ELSE 0 END) AS retained_mrr,
        sum(CASE WHEN s.started_at <= k.t0 AND coalesce(s.ended_at, ${far}) > k.t0 THEN s.mrr ELSE 0 END) AS pre_mrr
      FROM clocks k JOIN ${read('subscriptions', 's')} ON s.customer_id = k.customer_id WHERE s.mrr IS NOT NULL GROUP BY k.campaign_id, k.customer_id),
    bought AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id,
        sum(CASE WHEN o.ordered_at >= k.t0 AND o.ordered_at < k.tc THEN coalesce(o.amount, 0) ELSE 0 END) AS revenue,
        sum(CASE WHEN o.ordered_at >= k.t0 AND o.ordered_at < k.tc THEN 1 ELSE 0 END) AS orders,
        sum(CASE WHEN o.ordered_at >= k.tp AND o.ordered_at < k.t0 THEN coalesce(o.amount, 0) ELSE 0 END) AS pre_revenue,
        sum(CASE WHEN o.ordered_at >= k.tp AND o.ordered_at < k.t0 THEN 1 ELSE 0 END) AS pre_orders
      FROM clocks k JOIN ${read('orders', 'o')} ON o.customer_id = k.customer_id
      WHERE o.ordered_at >= k.tp AND o.ordered_at < k.tc GROUP BY k.campaign_id, k.customer_id)
    SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id, k.arm AS arm, k.stratum AS stratum, k.delivered AS delivered,
      k.t0 AS t0, k.t1 AS t1, k.tc AS tc, k.window_days AS window_days,
      CASE WHEN v.z IS NULL OR v.z <= k.tc THEN 1 ELSE 0 END AS churned,
      CASE WHEN v.z IS NULL THEN 0 WHEN v.z <= k.tc THEN ${days(sql`k.t0`, sql`v.z`)} ELSE ${days(sql`k.t0`, sql`k.tc`)} END AS days,
      CAST(coalesce(r.retained_mrr, 0) AS DOUBLE) AS retained_mrr, CAST(coalesce(b.revenue, 0) AS DOUBLE) AS revenue,
      CAST(coalesce(b.orders, 0) AS DOUBLE) AS orders, CAST(coalesce(r.pre_mrr, 0) AS DOUBLE) AS pre_mrr,
      CAST(coalesce(b.pre_revenue, 0) AS DOUBLE) AS pre_revenue, CAST(coalesce(b.pre_orders, 0) AS DOUBLE) AS pre_orders
    FROM clocks k LEFT JOIN covering v ON v.campaign_id = k.campaign_id AND v.customer_id = k.customer_id
      LEFT JOIN mrr r ON r.campaign_id = k.campaign_id AND r.customer_id = k.customer_id
      LEFT JOIN bought b ON b.campaign_id = k.campaign_id AND b.customer_id = k.customer_id`;
}
