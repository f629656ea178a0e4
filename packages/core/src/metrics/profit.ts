/**
 * The profit base: per period and segment, the per-customer profit relation (customer-profit.ts) summed over the
 * segment's customers, with the customer flow beside it. Monthly at heart, so its grains are month, quarter and
 * year (a period is whole months). Costs no customer carries (customer_id NULL) belong to the whole business: with
 * a breakdown they form their own segment '(unallocated)' (when no filter narrows the customers), so the
 * segments' sums add up to the whole business's.
 */
import type { Dialect } from '../engine/dialect.ts';
import { COST_CATEGORIES, type CostCategory } from '../schema/costs.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { customerProfitSql } from './customer-profit.ts';
import { flowSql } from './flow.ts';
import type { NormalQuery } from './query.ts';
import { segColumns, segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

export type ProfitRow = {
  k: number;
  new_customers: number;
  active_start: number;
  churned: number;
  /** Customers active at any time in the period. */
  active: number;
  subscription_revenue: number;
  order_revenue: number;
  cost_of_revenue: number;
  /** Of the category lines: the part no customer carries. */
  unallocated: number;
  /** Σ of the categories of `costs.retention_categories`, `costs.acquisition_categories`, `costs.crm_categories`. */
  retention_costs: number;
  acquisition_costs: number;
  crm_costs: number;
  /** 1 when any cost row of the retention or acquisition categories falls in the period (whole business), else 0. */
  retention_known: number;
  acquisition_known: number;
  /** Months in the period. */
  months: number;
  [segment: string]: unknown;
} & Record<CostCategory, number>;

/** The label of costs no customer carries, as a segment value. */
export const UNALLOCATED = '(unallocated)';

export const PROFIT_GRAINS = ['month', 'quarter', 'year'] as const;
const MONTHS_OF = { month: 1, quarter: 3, year: 12 } as const;

export function profitSql(q: NormalQuery, d: Dialect): Sql {
  const per = MONTHS_OF[q.grain as keyof typeof MONTHS_OF] ?? 1;
  const origin = (q.grid[0] as { start: string }).start;
  const ledger = customerProfitSql(q, d, { origin, months: q.grid.length * per });
  const segOf = (c: string) =>
    c === 'seg__all' ? sql`'all' AS seg__all` : sql`coalesce(sc.${sql.id(c)}, ${UNALLOCATED}) AS ${sql.id(c)}`;
  // Unallocated rows stay only when no filter narrows the customers: a filtered figure is not the whole's share.
  const keepUnallocated = q.filter.length === 0 ? sql`l.customer_id IS NULL` : sql`false`;
  const line = (name: string) => sql`sum(CASE WHEN x.line = ${name} THEN x.amount ELSE 0 END)`;
  const categories = COST_CATEGORIES.map((c) => sql`${line(c)} AS ${sql.id(c)}`);
  const cfg = q.config.costs;
  const names = (cats: readonly string[]) => sql.join(cats.map((c) => sql`${c}`));
  const group = (cats: readonly string[]) => sql`sum(CASE WHEN x.line IN (${names(cats)}) THEN x.amount ELSE 0 END)`;
  return sql`WITH
    x AS (SELECT CAST(floor(l.m / ${per}) AS BIGINT) AS k, ${sql.join(segColumns(q).map(segOf))},
        l.customer_id AS customer_id, l.line AS line, l.amount AS amount
      FROM (${ledger}) l LEFT JOIN (${segmentedCustomers(q)}) sc ON sc.customer_id = l.customer_id
      WHERE sc.customer_id IS NOT NULL OR ${keepUnallocated}),
    agg AS (SELECT x.k AS k, ${segList(q, 'x')},
        count(DISTINCT CASE WHEN x.line = 'active' THEN x.customer_id END) AS active,
        ${line('subscription_revenue')} AS subscription_revenue, ${line('order_revenue')} AS order_revenue,
        ${line('cost_of_revenue')} AS cost_of_revenue, ${sql.join(categories)},
        sum(CASE WHEN x.customer_id IS NULL THEN x.amount ELSE 0 END) AS unallocated,
        ${group(cfg.retention_categories)} AS retention_costs, ${group(cfg.acquisition_categories)} AS acquisition_costs,
        ${group(cfg.crm_categories)} AS crm_costs
      FROM x GROUP BY x.k, ${segList(q, 'x')}),
    known AS (SELECT x.k AS k, max(CASE WHEN x.line IN (${names(cfg.retention_categories)}) THEN 1 ELSE 0 END) AS rk,
        max(CASE WHEN x.line IN (${names(cfg.acquisition_categories)}) THEN 1 ELSE 0 END) AS ak FROM x GROUP BY x.k),
    f AS (${flowSql(q, d)}),
    keys AS (SELECT DISTINCT ${segSelect(q, 'y')} FROM (SELECT ${segList(q)} FROM (${segmentedCustomers(q)}) s
      UNION ALL SELECT ${segList(q)} FROM x) y),
    grid AS (SELECT i AS k FROM ${d.series(sql`${q.grid.length}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')},
    CAST(coalesce(f.new_customers, 0) AS DOUBLE) AS new_customers, CAST(coalesce(f.active_start, 0) AS DOUBLE) AS active_start,
    CAST(coalesce(f.churned, 0) AS DOUBLE) AS churned, CAST(coalesce(a.active, 0) AS DOUBLE) AS active,
    ${sql.join(
      [
        'subscription_revenue',
        'order_revenue',
        'cost_of_revenue',
        ...COST_CATEGORIES,
        'unallocated',
        'retention_costs',
        'acquisition_costs',
        'crm_costs',
      ].map((c) => sql`CAST(coalesce(a.${sql.id(c)}, 0) AS DOUBLE) AS ${sql.id(c)}`),
    )},
    CAST(coalesce(kn.rk, 0) AS DOUBLE) AS retention_known, CAST(coalesce(kn.ak, 0) AS DOUBLE) AS acquisition_known,
    ${per} AS months
  FROM grid g CROSS JOIN keys y LEFT JOIN f ON f.k = g.k AND ${segEquals(q, 'f', 'y')}
    LEFT JOIN agg a ON a.k = g.k AND ${segEquals(q, 'a', 'y')} LEFT JOIN known kn ON kn.k = g.k
  ORDER BY g.k, ${segList(q, 'y')}`;
}

/** Σ of the categories in `cats` (a config list). */
export const costOf = (r: ProfitRow, cats: readonly CostCategory[]): number => cats.reduce((s, c) => s + r[c], 0);

/** Revenue − cost of revenue − every cost category: the period's profit of the segment. */
export const profitOf = (r: ProfitRow): number =>
  r.subscription_revenue + r.order_revenue - r.cost_of_revenue - costOf(r, COST_CATEGORIES);
