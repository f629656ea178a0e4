import type { Dialect } from '../../engine/dialect.ts';
import type { SummableUnit } from '../../present/units.ts';
import type { Sql } from '../../sql/sql.ts';
import { cohortsSql } from '../cohorts.ts';
import type { BaseName } from '../define.ts';
import { flowSql } from '../flow.ts';
import { purchasesSql } from '../purchases.ts';
import type { Basis, NormalQuery } from '../query.ts';
import { revenueSql } from '../revenue.ts';

/**
 * A rollup ("cube") of one base measure: the base's own SQL run once at month grain over the workspace's
 * whole history, broken down by every declared segment dimension at once. It can stand in for the base
 * because every measure is a count or sum over disjoint sets of customers (each customer sits in exactly one
 * combination of segment values), so a breakdown by fewer dimensions, or a filter on them, is a sum of cube
 * rows; and because the base's value for a month never depends on the queried range (boundaries are
 * absolute, and history before the range is read whatever the range). The equality is tested against the
 * base on every fixture (rollups.test.ts). Distinct counts over several months are not sums of months, so
 * cubes serve month queries only.
 */
export interface Cube {
  sql: (q: NormalQuery, d: Dialect) => Sql;
  /** Entity tables the base reads, for the given activity basis: a change to any of them makes the cube stale. */
  sources: (basis: Basis) => readonly string[];
  /** Whether the base's rows depend on the activity basis (customer flow does; revenue reads subscriptions only). */
  byBasis: boolean;
  /**
   * Additive measures, summed over the dimensions a query does not break down by, by unit. Only a summable
   * unit (present/units.ts) type-checks here: a rate or a mean summed over segments would be wrong.
   */
  sums: Record<string, SummableUnit>;
  /** Columns equal on every row (configuration flags): carried through. */
  constants?: readonly string[];
  /** Per-row keys the base adds (cohort and age): kept as they are, and the range limits cohorts to the query's. */
  cohort?: true;
  /**
   * The base's SQL reading each customer's first order and its per-customer months from given relations rather
   * than from all orders (the purchases base): an update of some months then reads the first orders kept for it
   * (first-orders.ts), and a build or update keeps the buyer months from the very relation it computed
   * (buyer-months.ts).
   */
  withKept?: (q: NormalQuery, d: Dialect, firstOrders: Sql, customerMonths: Sql) => Sql;
}

/**
 * How a cube stores a summed measure: counts as BIGINT and money as DECIMAL(18,4), both 8 bytes (a base's
 * window sums come out as 16-byte HUGEINT / DECIMAL(38,4), which made reading a cube 40× slower).
 */
export const STORED: Record<SummableUnit, string> = { count: 'BIGINT', money: 'DECIMAL(18,4)' };

const counts = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, 'count' as const]));
const money = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, 'money' as const]));

const activitySources = (basis: Basis) =>
  basis === 'subscriptions'
    ? ['customers', 'subscriptions']
    : basis === 'orders'
      ? ['customers', 'orders']
      : ['customers', 'churn_events'];

/** The bases with a rollup. A base missing here always runs against the entity tables. */
export const cubes: Partial<Record<BaseName, Cube>> = {
  flow: {
    sql: flowSql,
    sources: activitySources,
    byBasis: true,
    sums: counts('active_start', 'active_end', 'new_customers', 'reactivated', 'churned', 'lost_same_period'),
    constants: ['count_same_period'],
  },
  revenue: {
    sql: revenueSql,
    sources: () => ['customers', 'subscriptions'],
    byBasis: false,
    sums: {
      ...money(
        'mrr_start',
        'mrr_end',
        'new_mrr',
        'expansion_mrr',
        'reactivation_mrr',
        'contraction_mrr',
        'churned_mrr',
      ),
      ...counts('payers_start', 'payers_end'),
    },
  },
  purchases: {
    sql: (q, d) => purchasesSql(q, d),
    withKept: purchasesSql,
    sources: () => ['customers', 'orders'],
    byBasis: false,
    sums: { ...counts('orders', 'buyers', 'returning_buyers'), ...money('revenue') },
  },
  cohorts: {
    sql: cohortsSql,
    // The customers basis takes money from subscriptions (MRR), not from the spans' source.
    sources: (basis) => (basis === 'customers' ? [...activitySources(basis), 'subscriptions'] : activitySources(basis)),
    byBasis: true,
    sums: { ...counts('cohort_size', 'active', 'returned'), ...money('money', 'money0') },
    cohort: true,
  },
};
