/**
 * Subscriptions and churn events from demo_spans. A life becomes one or more back-to-back subscription
 * rows: a new row starts at a plan change and at the price rise for customers on a risen plan, so one
 * customer's rows never overlap and a row that ends where the next starts is a change, not churn.
 */
import { sql } from '../../sql/sql.ts';
import { monthStart } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { byCategory, choose, lookup, toTs, valueList } from './random.ts';

/** Write subscriptions (segments of each life) and one churn_events row per ended life. */
export async function writeSubscriptions(ctx: DemoContext): Promise<void> {
  const { r } = ctx;
  const s = DEMO_PARAMS.subscription;
  const rise = DEMO_PARAMS.churn.priceRise;
  const riseS = monthStart(ctx.cal.priceRise);
  const key = [sql`n`, sql`life`];
  // Ids number (customer, life, segment): two lives a customer and at most three segments a life.
  await ctx.db.run(sql`
    INSERT INTO subscriptions BY NAME
    SELECT printf('S%09d', (n * 2 + life - 1) * 4 + seg) AS subscription_id, customer_id, plan,
      ${toTs(sql`b`)} AS started_at,
      ${toTs(sql`CASE WHEN nxt IS NOT NULL THEN nxt WHEN churned THEN end_s END`)} AS ended_at,
      CAST(round(${lookup(sql`plan`, s.planPrice)} * seats
        * (CASE WHEN b >= ${riseS} AND plan IN (${valueList(rise.plans)}) THEN ${1 + rise.size} ELSE 1 END), 2) AS DECIMAL(18, 4)) AS mrr,
      billing AS billing_period,
      ${toTs(sql`CASE WHEN nxt IS NULL AND kind = 'voluntary'
        THEN greatest(b, end_s - 86400 * (1 + CAST(floor(${r.u('notice', ...key)} * ${s.noticeDays}) AS BIGINT))) END`)}
        AS cancel_requested_at
    FROM (
      SELECT *, CASE WHEN b >= change_s THEN plan1 ELSE plan0 END AS plan,
        lead(b) OVER (PARTITION BY n, life ORDER BY b) AS nxt,
        row_number() OVER (PARTITION BY n, life ORDER BY b) - 1 AS seg
      FROM (
        SELECT *, start_s AS b FROM demo_spans
        UNION ALL SELECT *, change_s FROM demo_spans WHERE change_s < end_s
        UNION ALL SELECT *, ${riseS} FROM demo_spans WHERE affected AND ${riseS} < end_s
      )
    )`);
  await ctx.db.run(sql`
    INSERT INTO churn_events BY NAME
    SELECT customer_id, ${toTs(sql`end_s`)} AS churned_at, kind, category,
      ${byCategory(sql`category`, sql`u_reason`, DEMO_PARAMS.churn.reasons)} AS reason,
      CASE WHEN category = 'competitive' THEN
        CASE WHEN promo THEN ${DEMO_PARAMS.churn.competitor.name}
          ELSE ${choose(sql`u_competitor`, DEMO_PARAMS.churn.competitors)} END
      END AS competitor
    FROM (
      SELECT *, ${r.u('reason', ...key)} AS u_reason, ${r.u('competitor', ...key)} AS u_competitor
      FROM demo_spans WHERE churned
    )`);
}
