import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { wilson } from '../stats/wilson.ts';
import { gridOf } from './base-sql.ts';
import { costSlicesSql, periodsSql } from './cost-slices.ts';
import { moneyFrom } from './currency.ts';
import { flowSql } from './flow.ts';
import type { NormalQuery } from './query.ts';
import { revenueSql } from './revenue.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period and segment with what the unit-economics metrics need. */
export interface ValueRow {
  k: number;
  new_customers: number;
  active_start: number;
  churned: number;
  mrr_start: number | null;
  mrr_end: number | null;
  payers_end: number | null;
  acquisition_spend: number | null;
  order_revenue: number;
  order_cogs: number;
  months: number;
  margin: number;
  [segment: string]: unknown;
}

const MONTHS: Record<NormalQuery['grain'], number> = {
  day: 12 / 365.25,
  week: (7 * 12) / 365.25,
  month: 1,
  quarter: 3,
  year: 12,
};

/**
 * Unit economics per period: customer flow and MRR (from their bases), acquisition spend and order margin.
 * Acquisition spend is the customers' own acquisition_cost, dated at created_at, when the import carried it (so
 * it splits by segment); otherwise the costs of `costs.acquisition_categories` prorated by days to the period
 * (cost-slices.ts) — with --by those are left out (null) here rather than wrongly attributed; the profit base
 * (profit.ts) allocates them to customers. Retention and service costs are the profit base's.
 */
export function valueSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const origin = (q.grid[0] as { start: string }).start;
  const acquisition = sql.join(q.config.costs.acquisition_categories.map((c) => sql`${c}`));
  const spend = q.by.length === 0 ? sql`sum(s.cents) / 100` : sql`CAST(NULL AS DOUBLE)`;
  return sql`WITH
    f AS (${flowSql(q, d)}),
    r AS (${revenueSql(q, d)}),
    sc AS (${segmentedCustomers(q)}),
    acq AS (SELECT ${idx(sql`c.created_at`)} AS k, ${segSelect(q, 'sc')}, sum(c.acquisition_cost) AS spend
            FROM customers c JOIN sc ON sc.customer_id = c.customer_id WHERE c.acquisition_cost IS NOT NULL GROUP BY 1, ${segList(q, 'sc')}),
    cst AS (SELECT s.k AS k, ${spend} AS acquisition FROM (${costSlicesSql(d, periodsSql(d, q.grain, origin, n), moneyFrom(q.money, 'costs', d))}) s
              WHERE s.category IN (${acquisition}) GROUP BY s.k),
    ord AS (SELECT ${idx(sql`o.ordered_at`)} AS k, ${segSelect(q, 'sc')}, sum(o.amount) AS revenue, sum(coalesce(o.cost, 0)) AS cogs
            FROM ${moneyFrom(q.money, 'orders', d, 'o')} JOIN sc ON sc.customer_id = o.customer_id GROUP BY 1, ${segList(q, 'sc')})
  SELECT f.k AS k, ${segSelect(q, 'f')}, f.new_customers, f.active_start, f.churned,
    r.mrr_start, r.mrr_end, r.payers_end,
    coalesce(a.spend, c.acquisition) AS acquisition_spend,
    coalesce(o.revenue, 0) AS order_revenue, coalesce(o.cogs, 0) AS order_cogs,
    ${MONTHS[q.grain]} AS months, ${q.config.gross_margin} AS margin
  FROM f LEFT JOIN r ON r.k = f.k AND ${segEquals(q, 'f', 'r')}
    LEFT JOIN acq a ON a.k = f.k AND ${segEquals(q, 'f', 'a')}
    LEFT JOIN cst c ON c.k = f.k
    LEFT JOIN ord o ON o.k = f.k AND ${segEquals(q, 'f', 'o')}
  ORDER BY f.k, ${segList(q, 'f')}`;
}

/** Monthly-equivalent churn of a period's churn rate: 1 − (1 − c)^(1 / months). */
export const monthlyChurn = (r: ValueRow): number | null =>
  r.active_start ? 1 - (1 - r.churned / r.active_start) ** (1 / r.months) : null;

/** ARPA (monthly MRR per paying customer) at the period's end. */
export const arpaOf = (r: ValueRow): number | null => (r.payers_end ? (r.mrr_end ?? 0) / r.payers_end : null);

/** CAC = acquisition spend ÷ new customers. */
export const cacOf = (r: ValueRow): number | null =>
  r.acquisition_spend !== null && r.new_customers ? r.acquisition_spend / r.new_customers : null;

/** Simple LTV = ARPA × gross margin ÷ monthly churn. */
export function ltvOf(r: ValueRow): number | null {
  const arpa = arpaOf(r);
  const churn = monthlyChurn(r);
  return arpa !== null && churn ? (arpa * r.margin) / churn : null;
}

/**
 * LTV's 95 % interval from the churn rate's: the Wilson interval of churned ÷ active at the start, each end made
 * monthly and put in LTV's place, ARPA and margin taken as known. Churn is what makes LTV swing (a quarter with 2
 * instead of 3 churned customers moves it by half), and this says by how much; a churn interval reaching 0 leaves
 * the upper end unbounded (null).
 */
export function ltvInterval(r: ValueRow): { low: number | null; high: number | null } | undefined {
  const arpa = arpaOf(r);
  if (arpa === null || !r.active_start) return undefined;
  const w = wilson(r.churned, r.active_start);
  if (w.low === null || w.high === null) return undefined;
  const monthly = (p: number) => 1 - (1 - p) ** (1 / r.months);
  const at = (p: number) => (monthly(p) > 0 ? (arpa * r.margin) / monthly(p) : null);
  return { low: at(w.high), high: at(w.low) };
}
