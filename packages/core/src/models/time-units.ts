/**
 * Time units of the lifetime models, and elapsed time between two timestamps in one of them, in SQL.
 *
 * Months are counted back from the later moment: the whole months m with z − m months ≥ a, plus the share of
 * the month before that is left over. Counting back makes a snapshot import exact: created_at = as-of −
 * tenure months (clamped to the month's end, e.g. 2024-12-31 − 34 months = 2022-02-28) gives back exactly
 * `tenure` months at as-of, which counting forward from 2022-02-28 would not.
 */
import { type Sql, sql } from '../sql/sql.ts';

export const timeUnits = ['day', 'week', 'month', 'year'] as const;
export type TimeUnit = (typeof timeUnits)[number];

/** The periods customers are grouped into by when their lifetime started (acquisition cohorts). */
export const cohortGrains = ['month', 'quarter', 'year'] as const;
export type CohortGrain = (typeof cohortGrains)[number];

/** Average length of a unit in days, for rates stated per year (discounting). */
export const DAYS_PER: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

/** Whole months m with z − m months ≥ a (z ≥ a). */
const wholeMonths = (a: Sql, z: Sql): Sql => {
  const k = sql`((year(${z}) - year(${a})) * 12 + month(${z}) - month(${a}))`;
  return sql`(${k} - CASE WHEN ${z} - to_months(CAST(${k} AS INTEGER)) < ${a} THEN 1 ELSE 0 END)`;
};

/** The month count between a and z, fractional: m + (z − m months − a) / (length of the month before). */
const months = (a: Sql, z: Sql): Sql => {
  const m = wholeMonths(a, z);
  const back = (n: Sql) => sql`epoch(${z} - to_months(CAST(${n} AS INTEGER)))`;
  return sql`(${m} + (${back(m)} - epoch(${a})) / (${back(m)} - ${back(sql`${m} + 1`)}))`;
};

/**
 * Elapsed time from a to z (timestamps or dates, z ≥ a) in `unit`, as a DOUBLE.
 *
 * @example
 * elapsed('week', sql`first_day`, sql`DATE '1997-09-30'`); // (days between) / 7
 */
export function elapsed(unit: TimeUnit, a: Sql, z: Sql): Sql {
  const days = sql`((epoch(${z}) - epoch(${a})) / 86400.0)`;
  switch (unit) {
    case 'day':
      return days;
    case 'week':
      return sql`(${days} / 7.0)`;
    case 'month':
      return months(sql`CAST(${a} AS TIMESTAMP)`, sql`CAST(${z} AS TIMESTAMP)`);
    case 'year':
      return sql`(${months(sql`CAST(${a} AS TIMESTAMP)`, sql`CAST(${z} AS TIMESTAMP)`)} / 12.0)`;
  }
}
