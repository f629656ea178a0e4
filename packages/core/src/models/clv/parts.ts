/**
 * The one customer lifetime value of Tenure: every surface that shows a CLV (the at-risk list and `model score`,
 * alerts, Customer value and `tenure clv`, GET /clv, the exports) shows this number and its two parts.
 *
 *   CLV = subscription part + purchase part, both at gross margin, over a horizon of H months (default 12)
 *   discounted at d a year (default 10 %, monthly d_m = (1 + d)^(1/12) − 1):
 * - subscription = margin × MRR running at t × Σ_{k=1..H} (1 + d_m)^−k: the current contract's value if kept;
 * - purchases = margin × E[spend | x, m̄] × DET, the BG/NBD and gamma-gamma (Fader, Hardie & Lee 2005, clv.ts),
 *   when they have been fitted (`tenure clv`); without that fit, margin × the order spend of the 365 days
 *   before t, spread evenly over the months of the horizon and discounted like the subscription.
 * t is the moment of the valuation: the scoring snapshot, or the day after a CLV run's calibration end.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { workspaceMoney } from '../../metrics/currency.ts';
import { subscriptionFeatures } from '../../predict/features/account.ts';
import { sql } from '../../sql/sql.ts';
import { readColumns } from '../columns.ts';

/** A customer's CLV and what it is made of; clv = subscription + purchases. */
export interface ClvParts {
  subscription: number;
  purchases: number;
  clv: number;
}

/** The horizon and discount every CLV part uses: a CLV run's own, or the defaults. */
export interface ClvTerms {
  horizonMonths: number;
  /** Annual discount rate. */
  discountRate: number;
  margin: number;
}

export const DEFAULT_HORIZON_MONTHS = 12;
export const DEFAULT_DISCOUNT_RATE = 0.1;

/**
 * Σ_{k=1..months} (1 + d_m)^−k: what one unit a month for `months` months is worth today.
 *
 * @example
 * discountedMonths(12, 0.1); // 11.41…
 */
export function discountedMonths(months: number, annualRate: number): number {
  const monthly = (1 + annualRate) ** (1 / 12) - 1;
  let sum = 0;
  for (let k = 1; k <= months; k++) sum += (1 + monthly) ** -k;
  return sum;
}

/**
 * The two parts and their sum. `purchases` is the models' margin × E[spend] × DET when known, else null and the
 * spend of the last 365 days stands in for it. NaN MRR or spend counts as none.
 *
 * @example
 * clvParts({ horizonMonths: 12, discountRate: 0.1, margin: 0.5 }, 100, null, 240); // { subscription: 570.6…, purchases: 114.1…, clv: 684.7… }
 */
export function clvParts(terms: ClvTerms, mrr: number, modelPurchases: number | null, spend365: number): ClvParts {
  const months = discountedMonths(terms.horizonMonths, terms.discountRate);
  const subscription = terms.margin * (Number.isFinite(mrr) ? mrr : 0) * months;
  const purchases = modelPurchases ?? terms.margin * ((Number.isFinite(spend365) ? spend365 : 0) / 12) * months;
  return { subscription, purchases, clv: subscription + purchases };
}

/**
 * MRR running at t per customer, in the workspace currency, with the scoring frame's own definition
 * (predict/features/account.ts), for the customers who pay one.
 *
 * @example
 * (await mrrAt(ws.db, '2026-01-01', ws.config.currency)).get('C42'); // 148.5
 */
export async function mrrAt(db: DuckDbConnection, t: string, currency: string): Promise<Map<string, number>> {
  const snaps = sql`(SELECT CAST(${t} AS TIMESTAMP) AS t)`;
  const money = await workspaceMoney(db, currency);
  const features = subscriptionFeatures(snaps, undefined, money.read);
  await money.check();
  const { num, text, rows } = await readColumns(
    db,
    sql`SELECT customer_id, mrr FROM (${features.query}) f WHERE mrr > 0`,
  );
  const out = new Map<string, number>();
  for (let i = 0; i < rows; i++) out.set(text.customer_id![i]!, num.mrr![i]!);
  return out;
}
