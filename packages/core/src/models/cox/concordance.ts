/**
 * Harrell's concordance of a Cox model (Harrell, Califf, Pryor, Lee & Rosati 1982, JAMA 247:2543–2546), as R's
 * survival package reports it for coxph: over pairs where one customer churned strictly before the other's
 * time (or at the same time as the other's censoring), the share where the earlier churner had the higher
 * risk score, ties in score counting ½; pairs tied in churn time are left out. Counted in O(n log n) with a
 * Fenwick tree over score ranks, walking from the longest time down.
 */
import type { CoxData } from './efron.ts';

/**
 * C for linear predictor X β (data sorted by time, longest first).
 *
 * @example
 * concordance(data, fit.coefficients); // 0.84: the model orders 84 % of comparable pairs correctly
 */
export function concordance(data: CoxData, beta: Float64Array): number {
  const { n, p, X, time, status, weight } = data;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) eta[i]! += X[i * p + j]! * beta[j]!;
  const sorted = Float64Array.from(eta).sort();
  const ranks = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  const rankOf = (v: number) => {
    let lo = 0;
    let hi = ranks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const tree = new Float64Array(ranks.length + 1);
  const add = (r: number, w: number) => {
    for (; r < tree.length; r += r & -r) tree[r]! += w;
  };
  const below = (r: number) => {
    let s = 0;
    for (; r > 0; r -= r & -r) s += tree[r]!;
    return s;
  };
  let total = 0;
  let concordant = 0;
  let tied = 0;
  for (let i = 0; i < n; ) {
    let end = i;
    while (end < n && time[end] === time[i]) end++;
    // Censored at this time outlast the churners at this time; churners tied with each other are not compared.
    for (let k = i; k < end; k++) if (!status[k]) add(rankOf(eta[k]!), weight[k]!);
    const inTree = below(ranks.length);
    for (let k = i; k < end; k++) {
      if (!status[k]) continue;
      const r = rankOf(eta[k]!);
      const lower = below(r - 1);
      const same = below(r) - lower;
      const w = weight[k]!;
      total += w * inTree;
      concordant += w * lower;
      tied += w * same;
    }
    for (let k = i; k < end; k++) if (status[k]) add(rankOf(eta[k]!), weight[k]!);
    i = end;
  }
  return total > 0 ? (concordant + tied / 2) / total : Number.NaN;
}
