/**
 * What a fitted sBG says about the future (Fader & Hardie 2007, §4–5: projecting survival and retention;
 * Fader & Hardie 2010, "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
 * Heterogeneity", Marketing Science 29(1):85–93, for the discounted lifetimes):
 *   S(t) by the forward recursion S(t) = S(t − 1) · (β + t − 1) / (α + β + t − 1),
 *   E[T] = E[1/θ] = (α + β − 1) / (α − 1) periods, finite only when α > 1,
 *   DEL(d)       = ₂F₁(1, β; α + β; 1/(1 + d))                                   (a new customer),
 *   DERL(d, n−1) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d)) (after n − 1 renewals),
 * both in payments of one period, the next payment undiscounted, as in FH 2010.
 */
import { hyp2f1 } from '../../stats/special.ts';
import type { SbgParams } from './sbg.ts';

export interface SbgPoint {
  period: number;
  /** S(t): share of the cohort still there after t periods. */
  survival: number;
  /** r_t = S(t) / S(t − 1); null for period 0. */
  retention: number | null;
}

/**
 * S(t) and r_t for t = 0 … periods.
 *
 * @example
 * projectSbg({ alpha: 0.668, beta: 3.806 }, 2)[1]; // { period: 1, survival: 0.8507…, retention: 0.8507… }
 */
export function projectSbg({ alpha, beta }: SbgParams, periods: number): SbgPoint[] {
  const out: SbgPoint[] = [{ period: 0, survival: 1, retention: null }];
  let s = 1;
  for (let t = 1; t <= periods; t++) {
    const r = (beta + t - 1) / (alpha + beta + t - 1);
    s *= r;
    out.push({ period: t, survival: s, retention: r });
  }
  return out;
}

export interface SbgLifetime {
  /** Mean lifetime in periods, E[T]; null when α ≤ 1 (the mean is infinite). */
  expected: number | null;
  /** The first period after which at most half the cohort remains; null beyond 100,000 periods. */
  median: number | null;
  /** Discounted expected lifetime of a new customer, in payments of one period. */
  del: number;
  /** Discounted expected residual lifetime after 0, 1, 2, … renewals. */
  derl: { renewals: number; value: number }[];
}

/**
 * Lifetime summaries at a discount rate per period.
 *
 * @example
 * sbgLifetime({ alpha: 0.668, beta: 3.806 }, 0.1, 4).expected; // null: α < 1, a long-tailed loyal segment
 */
export function sbgLifetime(p: SbgParams, discount: number, renewals: number): SbgLifetime {
  const { alpha, beta } = p;
  const z = 1 / (1 + discount);
  let median: number | null = null;
  let s = 1;
  for (let t = 1; t <= 100_000 && median === null; t++) {
    s *= (beta + t - 1) / (alpha + beta + t - 1);
    if (s <= 0.5) median = t;
  }
  return {
    expected: alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : null,
    median,
    del: hyp2f1(1, beta, alpha + beta, z),
    derl: Array.from({ length: renewals + 1 }, (_, k) => ({
      renewals: k,
      value: ((beta + k) / (alpha + beta + k)) * hyp2f1(1, beta + k + 1, alpha + beta + k + 1, z),
    })),
  };
}
