/**
 * How value and P(alive) spread over the customer base, as histograms: a CLV result keeps only the top
 * customers, so the shape of the rest is summarised when the fit is made.
 */
export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface ClvDistribution {
  /** 19 equal bins from 0 to the 99th percentile, then (when larger) one from there to the largest value: the long tail. */
  clv: HistogramBin[];
  /** 20 bins of 0.05 from 0 to 1. */
  pAlive: HistogramBin[];
}

/**
 * Counts of values in [edges[i], edges[i + 1]), the last bin closed; values beyond either end are counted in the
 * nearest bin, so the counts add up to the number of values.
 *
 * @example
 * histogram([0.1, 0.5, 0.5, 1], [0, 0.5, 1]); // [{ lower: 0, upper: 0.5, count: 1 }, { lower: 0.5, upper: 1, count: 3 }]
 */
export function histogram(values: Iterable<number>, edges: readonly number[]): HistogramBin[] {
  const bins = edges.slice(1).map((upper, i) => ({ lower: edges[i]!, upper, count: 0 }));
  for (const v of values) {
    // Binary search for the last edge ≤ v among the bins' lower edges.
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bins[mid]!.lower <= v) lo = mid;
      else hi = mid - 1;
    }
    bins[lo]!.count++;
  }
  return bins;
}

/**
 * The CLV and P(alive) histograms of customers sorted by value, largest first (as customerValue sorts them).
 *
 * @example
 * clvDistribution([{ clv: 90, pAlive: 0.9 }, { clv: 10, pAlive: 0.4 }]).clv.at(-1); // { lower: 85.26…, upper: 90, count: 1 }
 */
export function clvDistribution(byValue: readonly { clv: number; pAlive: number | null }[]): ClvDistribution {
  const n = byValue.length;
  const max = byValue[0]?.clv ?? 0;
  const p99 = byValue[Math.floor(0.01 * n)]?.clv ?? 0;
  // With no spread below the 99th percentile, equal bins up to the maximum instead.
  const top = p99 > 0 ? p99 : max;
  const edges = top > 0 ? Array.from({ length: 20 }, (_, i) => (top * i) / 19) : [0, 0];
  if (max > top) edges.push(max);
  return {
    clv: histogram(
      byValue.map((c) => c.clv),
      edges,
    ),
    // Buyers only: P(alive) is the purchase model's, and says nothing of a subscriber who never ordered.
    pAlive: histogram(
      byValue.flatMap((c) => (c.pAlive === null ? [] : [c.pAlive])),
      Array.from({ length: 21 }, (_, i) => i / 20),
    ),
  };
}
