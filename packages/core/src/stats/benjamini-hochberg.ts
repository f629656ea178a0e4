/**
 * Benjamini–Hochberg false-discovery-rate adjustment (Benjamini & Hochberg, 1995, "Controlling the false discovery
 * rate: a practical and powerful approach to multiple testing", JRSS B 57:289–300), the step-up procedure:
 *
 *   with p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted,   adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m · p₍ⱼ₎ / j)
 *
 * Comparing segments one by one against the rest makes many tests; declaring those with adjusted p ≤ α keeps the
 * expected share of false "this segment is different" claims at most α (for independent or positively dependent
 * tests). Same values as statsmodels' multipletests(method='fdr_bh') and R's p.adjust(method = "BH").
 */
import { tenureError } from '../errors.ts';

/**
 * BH-adjusted p-values, in the same order as the input.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005]); // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw tenureError('TEN_INTERNAL', { detail: `p-values must be in [0, 1], got ${p}` });
  }
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (m * pValues[i]!) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}

/**
 * Which adjusted p-values are at or below the false discovery rate alpha.
 *
 * @example
 * significant(benjaminiHochberg([0.01, 0.04, 0.03, 0.5])); // [true, false, false, false]
 */
export function significant(adjusted: readonly number[], alpha = 0.05): boolean[] {
  return adjusted.map((p) => p <= alpha);
}
