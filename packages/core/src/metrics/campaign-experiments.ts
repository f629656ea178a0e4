/**
 * The campaign base: per period (by each member's launch, t0 of campaigns/outcome.ts) and segment, the members
 * of every campaign per arm with their churn within the window, the campaigns' cost spread over their treated
 * members, the members' monthly revenue at launch (for the value of a saved customer) and, for the whole
 * business, the CRM and retention costs of the period (`costs.crm_categories` and `costs.retention_categories`,
 * prorated by days, cost-slices.ts). The outcomes are read as
 * the data stands (no as-of cut), so a window still open counts the churn known so far.
 */

import { outcomeSql } from '../campaigns/outcome.ts';
import { crmRoiCategories } from '../costs/config.ts';
import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { costSlicesSql, periodsSql } from './cost-slices.ts';
import { type MoneyReader, moneyFrom } from './currency.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { OPEN_END, segmentedCustomers } from './spans.ts';

export interface CampaignRow {
  k: number;
  treated: number;
  treated_churned: number;
  control: number;
  control_churned: number;
  /** The campaigns' cost (fixed + per contact × treated, or an imported total) spread evenly over their treated. */
  cost: number;
  /** Σ over members of MRR at launch + pre-period order revenue per 30 days. */
  monthly_revenue: number;
  /** Mean outcome window of the members, in days. */
  window_days: number | null;
  /** CRM and retention costs of the period (whole business only; null when broken down). */
  crm_cost: number | null;
  margin: number;
  [segment: string]: unknown;
}

export function campaignExperimentsSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const origin = (q.grid[0] as { start: string }).start;
  const treated = (x: Sql) => sql`sum(CASE WHEN m.arm = 'treatment' THEN ${x} ELSE 0 END)`;
  const control = (x: Sql) => sql`sum(CASE WHEN m.arm = 'control' THEN ${x} ELSE 0 END)`;
  const categories = sql.join(crmRoiCategories(q.config).map((c) => sql`${c}`));
  const crm =
    q.by.length === 0
      ? sql`(SELECT s.k AS k, CAST(sum(s.cents) / 100 AS DOUBLE) AS crm_cost
          FROM (${costSlicesSql(d, periodsSql(d, q.grain, origin, n), moneyFrom(q.money, 'costs', d))}) s WHERE s.category IN (${categories}) GROUP BY s.k)`
      : sql`(SELECT CAST(0 AS INTEGER) AS k, CAST(NULL AS DOUBLE) AS crm_cost FROM costs WHERE 1 = 0)`;
  const read: MoneyReader = (t, a) => moneyFrom(q.money, t, d, a);
  const outcomes = outcomeSql({ campaignId: null, asOf: OPEN_END, basis: q.basis, config: q.config, read }, d);
  return sql`WITH
    o AS (${outcomes}),
    sc AS (${segmentedCustomers(q)}),
    tn AS (SELECT campaign_id, count(*) AS n FROM campaign_members WHERE ${sql.id('group')} = 'treatment' GROUP BY campaign_id),
    cc AS (SELECT c.campaign_id AS campaign_id,
        CAST(coalesce(c.fixed_cost, c.cost, 0) + coalesce(c.cost_per_contact, 0) * tn.n AS DOUBLE) / tn.n AS per_treated
      FROM campaigns c JOIN tn ON tn.campaign_id = c.campaign_id),
    m AS (SELECT ${idx(sql`o.t0`)} AS k, ${segSelect(q, 'sc')}, o.arm AS arm, o.churned AS churned,
        coalesce(cc.per_treated, 0) AS per_treated, o.pre_mrr + o.pre_revenue * 30.0 / o.window_days AS monthly,
        o.window_days AS window_days
      FROM o JOIN sc ON sc.customer_id = o.customer_id LEFT JOIN cc ON cc.campaign_id = o.campaign_id),
    agg AS (SELECT m.k AS k, ${segList(q, 'm')}, ${treated(sql`1`)} AS treated, ${treated(sql`m.churned`)} AS treated_churned,
        ${control(sql`1`)} AS control, ${control(sql`m.churned`)} AS control_churned, ${treated(sql`m.per_treated`)} AS cost,
        sum(m.monthly) AS monthly_revenue, avg(m.window_days) AS window_days
      FROM m GROUP BY m.k, ${segList(q, 'm')}),
    crm AS ${crm},
    ckeys AS (SELECT DISTINCT ${segSelect(q, 'x')} FROM (${segmentedCustomers(q)}) x),
    cgrid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, CAST(coalesce(a.treated, 0) AS DOUBLE) AS treated,
    CAST(coalesce(a.treated_churned, 0) AS DOUBLE) AS treated_churned, CAST(coalesce(a.control, 0) AS DOUBLE) AS control,
    CAST(coalesce(a.control_churned, 0) AS DOUBLE) AS control_churned, CAST(coalesce(a.cost, 0) AS DOUBLE) AS cost,
    CAST(coalesce(a.monthly_revenue, 0) AS DOUBLE) AS monthly_revenue, CAST(a.window_days AS DOUBLE) AS window_days,
    ${q.by.length === 0 ? sql`CAST(coalesce(r.crm_cost, 0) AS DOUBLE)` : sql`CAST(NULL AS DOUBLE)`} AS crm_cost,
    ${q.config.gross_margin} AS margin
  FROM cgrid g CROSS JOIN ckeys y LEFT JOIN agg a ON a.k = g.k AND ${segEquals(q, 'a', 'y')} LEFT JOIN crm r ON r.k = g.k
  ORDER BY g.k, ${segList(q, 'y')}`;
}

/** The value of a saved customer in revenue: monthly revenue per member × the lifetime the control churn implies. */
const MAX_MONTHS = 120;
export function savedValue(r: CampaignRow): number | null {
  const members = r.treated + r.control;
  if (!members || !r.control || r.window_days === null) return null;
  const churn = r.control_churned / r.control;
  const months = churn > 0 ? Math.min(MAX_MONTHS, r.window_days / 30 / churn) : MAX_MONTHS;
  return (r.monthly_revenue / members) * months;
}

/** Control churn − treatment churn within the window; null without members in an arm. */
export const churnDifference = (r: CampaignRow): number | null =>
  r.treated && r.control ? r.control_churned / r.control - r.treated_churned / r.treated : null;

/** Saved customers × value × margin: the incremental gross profit before the campaigns' cost. */
export function grossProfit(r: CampaignRow): number | null {
  const diff = churnDifference(r);
  const value = savedValue(r);
  return diff === null || value === null ? null : diff * r.treated * value * r.margin;
}
