/**
 * Derived dimensions: customer segments computed from the data rather than imported (value tier, RFM cell and
 * segment, lifecycle stage). Each is SQL composed into the query that uses it, joined only then, so it is never
 * stale and costs nothing to queries that do not name it. Metric breakdowns and filters classify customers at
 * the start of the query's first period (a figure over the periods never sorts customers by what happened in
 * them); playbook triggers and campaign targets at the end of the data.
 */
import { dataEndSql } from '../quality/freshness.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import type { DerivedContext } from './context.ts';
import { lifecycleSql } from './lifecycle.ts';
import { rfmSql } from './rfm-cells.ts';
import { valueTierSql } from './value-tiers.ts';

/** Each derived dimension: the query of `customer_id` and a column named as the dimension. */
export const derivedDimensions = {
  value_tier: valueTierSql,
  rfm_cell: rfmSql,
  rfm_segment: rfmSql,
  lifecycle_stage: lifecycleSql,
} satisfies Record<string, (ctx: DerivedContext) => Sql>;

export type DerivedDimension = keyof typeof derivedDimensions;
export const DERIVED_DIMENSIONS = Object.keys(derivedDimensions) as DerivedDimension[];

export const isDerived = (name: string): name is DerivedDimension => Object.hasOwn(derivedDimensions, name);

/**
 * The as-of time of triggers and targets: the day after the end of the data (its latest event time, at most
 * `now`), so the latest rows count, as a scoring's "now" sees every row before it (predict/rows.ts `dataEnd`).
 */
export const afterDataEnd = (now: Sql): Sql => sql`(${dataEndSql(now)} + INTERVAL (1) DAY)`;

/**
 * The context of what classifies customers as of `now` (playbook triggers, campaign targets and strata, the
 * at-risk list, customer search): the day after the end of the data.
 */
export const classifiedAt = (config: TenureConfig, now: Sql): DerivedContext => ({
  config,
  asOf: afterDataEnd(now),
  scored: true,
});

/**
 * The customers table as a FROM item (named `alias`), with the derived columns among `names` joined on. With
 * none of them it is the table itself, so the SQL of queries that name none does not change.
 *
 * @example
 * sql`SELECT customer_id FROM ${customerSource(['value_tier'], ctx, 'c')} WHERE c.value_tier = 'top'`
 */
export function customerSource(names: Iterable<string>, ctx: DerivedContext, alias = 'customers'): Sql {
  const used = [...new Set(names)].filter(isDerived);
  const as = alias === 'customers' ? sql`` : sql` ${sql.id(alias)}`;
  if (!used.length) return sql`customers${as}`;
  const d = (i: number, col?: string) => (col ? sql.id(`d${i}`, col) : sql.id(`d${i}`));
  const cols = used.map((n, i) => sql`${d(i, n)} AS ${sql.id(n)}, `);
  const joins = used.map(
    (n, i) => sql` LEFT JOIN (${derivedDimensions[n](ctx)}) ${d(i)} ON ${d(i, 'customer_id')} = c.customer_id`,
  );
  // The derived columns come first: a customer column of the same name is then hidden on both engines (DuckDB
  // reads the first of two equal names, ClickHouse the alias).
  return sql`(SELECT ${sql.join(cols, sql``)}c.* FROM customers c${sql.join(joins, sql``)}) ${sql.id(alias)}`;
}
