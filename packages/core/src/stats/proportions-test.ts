/**
 * Two-sided z test of p₁ = p₂ with the pooled variance (Agresti, "Categorical Data Analysis", 3rd ed., 2013,
 * §2.1.4, eq. 2.4; statsmodels proportions_ztest with prop_var=False):
 *
 *   z = (p̂₁ − p̂₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),   p̂ = (x₁ + x₂)/(n₁ + n₂),   p = 2·P(Z > |z|)
 *
 * z² equals Pearson's X² of the 2×2 table without continuity correction, so this agrees with chi-square.ts.
 */
import { checkArms, checkCounts } from './experiment-inputs.ts';
import { normalUpperTail } from './normal.ts';

/**
 * z and its two-sided p-value. When no member or every member of both arms has the event, the arms are identical
 * and the variance is 0: that is reported as z = 0, p = 1 (no evidence of a difference) instead of 0/0.
 *
 * @example
 * twoProportionTest(30, 100, 45, 100); // { z: −2.1909, p: 0.02846 }
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  checkArms([n1, n2], 1);
  checkCounts(x1, n1);
  checkCounts(x2, n2);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}
