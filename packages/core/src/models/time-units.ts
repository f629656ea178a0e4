/**
 * Time units of the lifetime models, and elapsed time between two moments in one of them, in SQL.
 *
 * Time elapses between calendar dates: from a's date to z's. Imported timestamps carry seconds, but nothing a
 * lifetime or a purchase history is made of means anything below a day (grace and inactivity are whole days,
 * purchases on one day are one transaction, churn is reported per day or coarser, snapshots carry dates), and
 * seconds made nearly every lifetime distinct: a Kaplan–Meier table had a row per customer (180 MB for the
 * 1M demo's stored run). Between dates the distinct times are bounded by the data's span in days. Dates rather
 * than whole 24-hour periods, so a customer who starts at 23:00 and leaves the next morning has lived a day,
 * as the daily churn metrics count it.
 *
 * Months are counted back from the later date: the whole months m with z − m months ≥ a, plus the days left
 * over in average months (365.25 / 12 days). Counting back makes a snapshot import exact: created_at = as-of −
 * tenure months (clamped to the month's end, e.g. 2024-12-31 − 34 months = 2022-02-28) gives back exactly
 * `tenure` months at as-of, which counting forward from 2022-02-28 would not. The left-over days (0 to 30) are
 * not a share of the calendar month they fall in, so m months and k days is one time whatever the calendar:
 * about one time per day of the span, where shares of 28- to 31-day months made three times as many.
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

/** The month count between a and z, fractional: m + (z − m months − a) / (an average month). */
const months = (a: Sql, z: Sql): Sql => {
  const m = wholeMonths(a, z);
  return sql`(${m} + (epoch(${z} - to_months(CAST(${m} AS INTEGER))) - epoch(${a})) / ${DAYS_PER.month * 86400})`;
};

/**
 * Elapsed time from a's date to z's (timestamps or dates, z ≥ a) in `unit`, as a DOUBLE.
 *
 * @example
 * elapsed('week', sql`first_day`, sql`DATE '1997-09-30'`); // (days between) / 7
 */
export function elapsed(unit: TimeUnit, a: Sql, z: Sql): Sql {
  const [from, to] = [a, z].map((t) => sql`CAST(CAST(${t} AS DATE) AS TIMESTAMP)`) as [Sql, Sql];
  const days = sql`((epoch(${to}) - epoch(${from})) / 86400.0)`;
  switch (unit) {
    case 'day':
      return days;
    case 'week':
      return sql`(${days} / 7.0)`;
    case 'month':
      return months(from, to);
    case 'year':
      return sql`(${months(from, to)} / 12.0)`;
  }
}
