/**
 * The one read of the `costs` table. A cost row covers the days period_start … period_end (inclusive); a period
 * of a figure gets the share of its amount that falls on its days, in whole cents, by cumulative rounding: the
 * slice of period k is round(T · days up to k's end ÷ D) − round(T · days up to k's start ÷ D), T the amount in
 * cents and D the row's days. The differences telescope, so a row's slices add up to its amount to the cent
 * however many periods it is cut into, and each slice is within a cent of its exact share.
 */
import type { Dialect, Grain } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';

/**
 * Periods k = 0 … n − 1 of a grain from origin, as [ps, pe): the query grid's periods (a fiscal quarter is three
 * months from the grid's first start, a week seven days), in SQL.
 * @example periodsSql(d, 'month', '2024-01-01 00:00:00', 3)
 */
export function periodsSql(d: Dialect, grain: Grain, origin: string, n: number): Sql {
  const o = d.timestamp(sql`${origin}`);
  return sql`SELECT gs.i AS k, ${d.addPeriods(grain, o, sql`gs.i`)} AS ps, ${d.addPeriods(grain, o, sql`gs.i + 1`)} AS pe
    FROM ${d.series(sql`${n}`)} gs`;
}

/**
 * One period [start, end) as a periods relation (k = 0).
 * @example onePeriodSql(d, '2025-01-01', '2026-01-01')
 */
export const onePeriodSql = (d: Dialect, start: string, end: string): Sql =>
  sql`SELECT 0 AS k, ${d.timestamp(sql`${`${start} 00:00:00`}`)} AS ps, ${d.timestamp(sql`${`${end} 00:00:00`}`)} AS pe`;

/**
 * Each cost row's slice per period of `periods` (columns k, ps, pe), in cents: columns cid (the row), k, category,
 * segment ('all' when empty) and cents. Rows outside every period give no slice. `costs`: the table as read in
 * the workspace currency (metrics/currency.ts moneyFrom), the table itself when every amount is in it.
 * @example sql`SELECT k, sum(cents) / 100 FROM (${costSlicesSql(d, periodsSql(d, 'month', origin, 12))}) s GROUP BY k`
 */
export function costSlicesSql(d: Dialect, periods: Sql, costs: Sql = sql`costs`): Sql {
  const upTo = (ts: Sql) => sql`floor(c.t * (${d.daysBetween(sql`c.cs`, ts)}) / c.dd + 0.5)`;
  return sql`SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      ${upTo(sql`least(c.ce, p.pe)`)} - ${upTo(sql`greatest(c.cs, p.ps)`)} AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        ${d.addPeriods('day', sql`period_start`, sql`0`)} AS cs, ${d.addPeriods('day', sql`period_end`, sql`1`)} AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        (${d.daysBetween(d.addPeriods('day', sql`period_start`, sql`0`), d.addPeriods('day', sql`period_end`, sql`1`))}) AS dd
      FROM ${costs}) c CROSS JOIN (${periods}) p
    WHERE c.cs < p.pe AND c.ce > p.ps`;
}
