/**
 * The log-rank test that k survival curves are equal (Mantel 1966; Peto & Peto 1972; Kalbfleisch & Prentice
 * 2002, eqs. 7.4–7.6): at each distinct churn time with n at risk and d churning, group g expects
 * d · n_g / n churns, and the hypergeometric covariance of the counts is
 *   V_gh = d (n − d) / (n − 1) · (n_g / n) (δ_gh − n_h / n).
 * The statistic (O − E)ᵀ V⁻¹ (O − E) over k − 1 groups is χ² with k − 1 degrees of freedom (R's survdiff, ρ = 0).
 */
import { inverseSpd } from '../../stats/cholesky.ts';
import { chiSquarePValue } from '../../stats/gamma.ts';
import type { SurvivalPatterns } from './kaplan-meier.ts';

export interface LogRank {
  groups: string[];
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  pValue: number;
}

/**
 * Compare the curves of two or more groups.
 *
 * @example
 * logRank([{ group: 'a', patterns: a }, { group: 'b', patterns: b }]).pValue;
 */
export function logRank(groups: readonly { group: string; patterns: SurvivalPatterns }[]): LogRank | null {
  const k = groups.length;
  if (k < 2) return null;
  // One merged timeline: (time, group, events, count) sorted by time.
  const rows = groups.flatMap(({ patterns: p }, g) =>
    Array.from(p.time, (t, i) => ({ t, g, d: p.events[i]!, c: p.count[i]! })),
  );
  rows.sort((a, b) => a.t - b.t);
  const atRisk = groups.map(({ patterns: p }) => p.count.reduce((a, b) => a + b, 0));
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const V = new Float64Array(k * k);
  for (let i = 0; i < rows.length; ) {
    const t = rows[i]!.t;
    const d = new Array<number>(k).fill(0);
    const removed = new Array<number>(k).fill(0);
    for (; i < rows.length && rows[i]!.t === t; i++) {
      d[rows[i]!.g]! += rows[i]!.d;
      removed[rows[i]!.g]! += rows[i]!.c;
    }
    const n = atRisk.reduce((a, b) => a + b, 0);
    const D = d.reduce((a, b) => a + b, 0);
    if (D > 0) {
      const f = n > 1 ? (D * (n - D)) / (n - 1) : 0;
      for (let g = 0; g < k; g++) {
        observed[g]! += d[g]!;
        expected[g]! += (D * atRisk[g]!) / n;
        for (let h = 0; h < k; h++) V[g * k + h]! += f * (atRisk[g]! / n) * ((g === h ? 1 : 0) - atRisk[h]! / n);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g]! -= removed[g]!;
  }
  // Drop the last group: the full V is singular (its rows sum to zero).
  const m = k - 1;
  const Vm = Float64Array.from({ length: m * m }, (_, x) => V[Math.floor(x / m) * k + (x % m)]!);
  const inv = inverseSpd(Vm, m);
  const diff = observed.slice(0, m).map((o, g) => o - expected[g]!);
  let chiSquare = 0;
  if (inv) for (let g = 0; g < m; g++) for (let h = 0; h < m; h++) chiSquare += diff[g]! * inv[g * m + h]! * diff[h]!;
  return {
    groups: groups.map((g) => g.group),
    observed,
    expected,
    chiSquare,
    df: m,
    pValue: chiSquarePValue(chiSquare, m),
  };
}
