/**
 * The observation window as a small table, demo_months: one row per month m (0 = first) with its bounds
 * in epoch seconds (the last month is cut at the end day) and the range of customer numbers acquired in
 * it. Acquisition follows a growing trend with a December/January bump; customer numbers rise with time,
 * as real sign-up ids do.
 */
import { type Sql, sql } from '../../sql/sql.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';

/** Start of month m in epoch seconds (an uncorrelated subquery, evaluated once). */
export const monthStart = (m: number): Sql => sql`(SELECT ms_s FROM demo_months WHERE m = ${m})`;

/** Month column `m` inside the window [from, to) of a dated event. */
export const during = (m: Sql, from: number, to: number): Sql => sql`(${m} >= ${from} AND ${m} < ${to})`;

/** Exclusive end of the window in epoch seconds: midnight after the end day. */
export const HORIZON = sql`(SELECT max(me_s) FROM demo_months)`;

/** Create demo_months. Acquisition weights are integers so the customer split is exact on every run. */
export async function createCalendar(ctx: DemoContext): Promise<void> {
  const { growth, seasonBump } = DEMO_PARAMS.acquisition;
  const end = sql`CAST(${ctx.end} AS DATE)`;
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_months AS
    WITH b AS (
      SELECT CAST(g.m AS INTEGER) AS m,
        date_trunc('month', ${end}) - to_months(CAST(${ctx.months - 1} - g.m AS INTEGER)) AS ms
      FROM range(${ctx.months}) g(m)
    ), s AS (
      SELECT m, month(ms) AS moy, CAST(epoch(ms) AS BIGINT) AS ms_s,
        CAST(epoch(ms + INTERVAL 1 MONTH) AS BIGINT) - CAST(epoch(ms) AS BIGINT) AS full_s,
        CAST(epoch(least(ms + INTERVAL 1 MONTH, ${end} + 1)) AS BIGINT) AS me_s
      FROM b
    ), w AS (
      SELECT *, (me_s - ms_s) / full_s AS frac,
        CAST(round(1000 * (1 + ${growth} * m / ${Math.max(ctx.months - 1, 1)})
          * (CASE WHEN moy IN (12, 1) THEN ${seasonBump} ELSE 1 END) * (me_s - ms_s) / full_s) AS BIGINT) AS weight
      FROM s
    )
    SELECT m, moy, ms_s, me_s, full_s, frac,
      CAST(${ctx.customers} * (sum(weight) OVER (ORDER BY m) - weight) // sum(weight) OVER () AS BIGINT) AS first_n,
      CAST(${ctx.customers} * sum(weight) OVER (ORDER BY m) // sum(weight) OVER () AS BIGINT) AS last_n
    FROM w`);
}
