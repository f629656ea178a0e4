/**
 * Value tiers: the customers with a value at the as-of time, ranked by CLV, cut into the configured tiers (top
 * 20 % / next 30 % / rest by default: the customer pyramid).
 *
 * CLV is the one definition of models/clv/parts.ts in its fallback form, the one predict/value.ts uses when no
 * lifetime-model run is stored: margin × (MRR running at t + order spend of the 365 days before t ÷ 12) × the
 * discounted months of the default horizon (12 months at 10 % a year). It is computed here in SQL so that it is
 * never stale and composes into any query; the model-based purchase part needs a fit in JavaScript and is
 * left out (so a tier may differ from the order of `tenure clv` after a model run). Customers without MRR
 * at t and without an order in the 365 days before it have no value and no tier.
 *
 * Ranks are by CLV, highest first, ties broken by customer id, so every customer has one place: the customer
 * ranked rn of n is in the first tier whose cumulative share c has rn ≤ c × n (the last tier takes the rest).
 */
import { DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON_MONTHS, discountedMonths } from '../models/clv/parts.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { DerivedContext } from './context.ts';

/**
 * customer_id, clv, value_tier of every customer with a value at `ctx.asOf`.
 *
 * @example
 * sql`SELECT value_tier, count(*) AS n FROM (${valueTierSql(ctx)}) v GROUP BY value_tier`
 */
export function valueTierSql(ctx: DerivedContext): Sql {
  const t = ctx.asOf;
  const factor = ctx.config.gross_margin * discountedMonths(DEFAULT_HORIZON_MONTHS, DEFAULT_DISCOUNT_RATE);
  const tiers = ctx.config.segments.value_tiers;
  let cum = 0;
  const cases = tiers.slice(0, -1).map((tier) => {
    cum += tier.share;
    return sql` WHEN rn <= ${cum} * n THEN ${tier.id}`;
  });
  const last = (tiers[tiers.length - 1] as { id: string }).id;
  return sql`SELECT customer_id, clv, CASE${sql.join(cases, sql``)} ELSE ${last} END AS value_tier FROM (
      SELECT customer_id, clv, row_number() OVER (ORDER BY clv DESC, customer_id) AS rn, count(*) OVER () AS n FROM (
        SELECT customer_id, ${factor} * (sum(mrr) + sum(spend) / 12) AS clv FROM (
          SELECT customer_id, CAST(mrr AS DOUBLE) AS mrr, 0.0 AS spend FROM subscriptions
          WHERE started_at < ${t} AND (ended_at IS NULL OR ended_at >= ${t}) AND mrr > 0
          UNION ALL
          SELECT customer_id, 0.0 AS mrr, CAST(amount AS DOUBLE) AS spend FROM orders
          WHERE ordered_at < ${t} AND ordered_at >= ${t} - INTERVAL (365) DAY) x
        GROUP BY customer_id) v
      WHERE clv > 0) r`;
}
