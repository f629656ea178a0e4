/**
 * Wilson score interval for a binomial proportion (Wilson, 1927, "Probable inference, the law of succession,
 * and statistical inference", JASA 22:209–212; recommended over the Wald interval by Agresti & Coull, 1998,
 * "Approximate is better than 'exact' for interval estimation of binomial proportions", Am. Stat. 52:119–126).
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),   half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),   p̂ = x / n
 *
 * Unlike p̂ ± z·√(p̂(1 − p̂)/n) it stays inside [0, 1] and keeps a sensible width when x = 0 or x = n, which is
 * what small segments (a plan with 7 customers, a month with no churn) need.
 */
import { tenureError } from '../errors.ts';

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number | null;
  high: number | null;
}

/**
 * Wilson score interval for `successes` out of `n` trials; `{ low: null, high: null }` when n = 0.
 *
 * @example
 * wilson(3, 40); // { low: 0.0258…, high: 0.1986… } — 3 of 40 customers churned: 2.6 % to 19.9 %
 * wilson(0, 0); // { low: null, high: null }
 */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (!Number.isFinite(n) || !Number.isFinite(successes) || n < 0 || successes < 0 || successes > n || !(z > 0)) {
    throw tenureError('TEN_INTERNAL', { detail: `wilson: need 0 ≤ successes ≤ n and z > 0, got ${successes}/${n}` });
  }
  if (n === 0) return { low: null, high: null };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); computed, it would be off by a rounding residue.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
