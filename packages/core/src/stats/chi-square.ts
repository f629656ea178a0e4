/**
 * Pearson's chi-square test of homogeneity for k segments × 2 outcomes (e.g. churned / stayed): do the segments
 * share one rate? (Pearson, 1900; Agresti, "Categorical Data Analysis", 3rd ed., 2013, §3.2.1.)
 *
 *   X² = Σ_cells (O − E)² / E,   E = row total × column total / N,   df = k − 1,   p = Q(df/2, X²/2)
 *
 * Each segment is also tested against the rest pooled (a 2×2 table, df = 1, no Yates continuity correction, as
 * scipy.stats.chi2_contingency(correction=False)); adjust those k p-values with benjaminiHochberg before calling any
 * segment different. The approximation is poor when expected counts are small (the usual rule is E ≥ 5): the result
 * says when that happens rather than switching silently to another test.
 */
import { tenureError } from '../errors.ts';
import { chiSquarePValue } from './gamma.ts';

export interface SegmentCounts {
  /** Observations with the outcome of interest (e.g. churned customers). */
  successes: number;
  /** All observations in the segment. */
  n: number;
}

export interface SegmentTest {
  statistic: number;
  pValue: number;
}

export interface HomogeneityTest {
  /** X² over the segments that have observations; null when no test is possible (see notes). */
  statistic: number | null;
  df: number | null;
  pValue: number | null;
  /** "This segment vs the rest" (df = 1), in input order; null for excluded segments or when no test is possible. */
  segments: (SegmentTest | null)[];
  /** Input indices of segments with n = 0: their expected counts are zero, so they are left out. */
  excluded: number[];
  /** Plain-language reasons for exclusions, missing tests and small expected counts. */
  notes: string[];
}

/**
 * Chi-square test of homogeneity of a rate across segments, with per-segment "vs the rest" tests.
 *
 * @example
 * const t = chiSquareHomogeneity([{ successes: 30, n: 100 }, { successes: 45, n: 100 }]);
 * t.statistic; // 4.8
 * t.pValue; // 0.02846
 * t.segments[0]?.pValue; // 0.02846 (with two segments, each one against the rest is the overall test)
 */
export function chiSquareHomogeneity(counts: readonly SegmentCounts[]): HomogeneityTest {
  for (const { successes, n } of counts) {
    if (!Number.isFinite(n) || !Number.isFinite(successes) || successes < 0 || successes > n) {
      throw tenureError('TEN_INTERNAL', { detail: `chi-square: need 0 ≤ successes ≤ n, got ${successes}/${n}` });
    }
  }
  const excluded = counts.flatMap((c, i) => (c.n === 0 ? [i] : []));
  const kept = counts.filter((c) => c.n > 0);
  const notes = excluded.length > 0 ? [`segment(s) ${excluded.join(', ')} have no observations and are left out`] : [];
  const none = { statistic: null, df: null, pValue: null, segments: counts.map(() => null), excluded, notes };
  if (kept.length < 2) return { ...none, notes: [...notes, 'fewer than two segments have observations'] };
  const successes = sum(kept.map((c) => c.successes));
  const total = sum(kept.map((c) => c.n));
  if (successes === 0 || successes === total) {
    return { ...none, notes: [...notes, 'every observation has the same outcome, so the rates cannot differ'] };
  }
  const overall = pearson(kept, successes, total);
  const small = overall.smallExpected;
  if (small > 0) notes.push(`${small} expected count(s) below 5: the chi-square p-value is only approximate`);
  return {
    statistic: overall.statistic,
    df: kept.length - 1,
    pValue: chiSquarePValue(overall.statistic, kept.length - 1),
    segments: counts.map((c) => {
      if (c.n === 0) return null;
      const rest = { successes: successes - c.successes, n: total - c.n };
      const statistic = pearson([c, rest], successes, total).statistic;
      return { statistic, pValue: chiSquarePValue(statistic, 1) };
    }),
    excluded,
    notes,
  };
}

/** X² for rows that all have n > 0, given the table's totals (which make every expected count positive). */
function pearson(rows: readonly SegmentCounts[], successes: number, total: number) {
  let statistic = 0;
  let smallExpected = 0;
  for (const { successes: x, n } of rows) {
    for (const [observed, expected] of [
      [x, (n * successes) / total],
      [n - x, (n * (total - successes)) / total],
    ] as const) {
      statistic += (observed - expected) ** 2 / expected;
      if (expected < 5) smallExpected++;
    }
  }
  return { statistic, smallExpected };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Pearson's goodness-of-fit test of observed counts against expected counts (Agresti 2013, §1.5.2):
 * X² = Σ (O − E)² / E, df = k − 1, as scipy.stats.chisquare. Every expected count must be positive.
 *
 * @example
 * chiSquareGoodnessOfFit([480, 520], [500, 500]); // { statistic: 1.6, df: 1, pValue: 0.2059 }
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expected: readonly number[]) {
  if (observed.length !== expected.length || observed.length < 2 || expected.some((e) => !(e > 0))) {
    throw tenureError('TEN_INTERNAL', { detail: 'goodness of fit: need ≥ 2 cells with positive expected counts' });
  }
  const statistic = sum(observed.map((o, i) => (o - (expected[i] as number)) ** 2 / (expected[i] as number)));
  const df = observed.length - 1;
  return { statistic, df, pValue: chiSquarePValue(statistic, df) };
}
