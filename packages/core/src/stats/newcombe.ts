/**
 * Interval for the difference of two independent proportions p₁ − p₂: Newcombe's hybrid score interval, method 10
 * of Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of
 * eleven methods", Statistics in Medicine 17:873–890, eq. (10). With (l₁, u₁), (l₂, u₂) the Wilson intervals
 * (wilson.ts) of p̂₁ = x₁/n₁ and p̂₂ = x₂/n₂ at the same level,
 *
 *   lower = (p̂₁ − p̂₂) − √((p̂₁ − l₁)² + (u₂ − p̂₂)²),   upper = (p̂₁ − p̂₂) + √((u₁ − p̂₁)² + (p̂₂ − l₂)²)
 *
 * It keeps close to nominal coverage with small counts and zero events, where the Wald interval collapses to a
 * point; statsmodels calls it method='newcomb' of confint_proportions_2indep.
 */
import { checkArms, checkCounts, twoSidedZ } from './experiment-inputs.ts';
import { wilson } from './wilson.ts';

export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * p₁ − p₂ with its interval. An arm with no members is refused (TEN_EXPERIMENT_EMPTY_ARM) rather than answered
 * with NaN, so an empty arm cannot slip into a report as a number.
 *
 * @example
 * newcombeDifference(56, 70, 48, 80); // { estimate: 0.2, lower: 0.0524…, upper: 0.3339… } (Newcombe's example)
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): Estimate {
  checkArms([n1, n2], 1);
  checkCounts(x1, n1);
  checkCounts(x2, n2);
  const z = twoSidedZ(level);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  // n ≥ 1, so both intervals exist.
  const w1 = wilson(x1, n1, z) as { low: number; high: number };
  const w2 = wilson(x2, n2, z) as { low: number; high: number };
  const estimate = p1 - p2;
  return {
    estimate,
    lower: estimate - Math.hypot(p1 - w1.low, w2.high - p2),
    upper: estimate + Math.hypot(w1.high - p1, p2 - w2.low),
  };
}
