/**
 * Percentile bootstrap interval for a difference of two means (Efron & Tibshirani, 1993, "An Introduction to the
 * Bootstrap", ch. 13, eq. 13.5), over grouped data: each arm arrives as its distinct values and their counts (a SQL
 * GROUP BY), so a million members never reach JavaScript.
 *
 * A resample of an arm draws n members with replacement from its empirical distribution, i.e. its group counts are
 * Multinomial(n; c₁/n, …, c_G/n). That is drawn as conditional binomials (e.g. Devroye, 1986, "Non-Uniform Random
 * Variate Generation", §XI.1.5): K₁ ~ Bin(n, c₁/n), then Kᵢ ~ Bin(n − K₁ − … − Kᵢ₋₁, cᵢ / (cᵢ + … + c_G)), with
 * exact binomials (binomial.ts); a resample costs O(G) draws, not O(n). The interval is the (1 − level)/2 and
 * (1 + level)/2 quantiles of the resampled differences, interpolated linearly between order statistics (type 7 of
 * Hyndman & Fan 1996, numpy's default); the estimate is the observed difference.
 */
import { tenureError } from '../errors.ts';
import { binomial } from './binomial.ts';
import { checkArms, checkLevel } from './experiment-inputs.ts';
import type { Estimate } from './newcombe.ts';
import { Random } from './random.ts';

/** An arm's empirical distribution: its distinct values and how many members have each (counts ≥ 0, integers). */
export interface Grouped {
  values: Float64Array;
  counts: Float64Array;
}

export interface BootstrapOptions {
  resamples?: number;
  seed: number;
  level?: number;
}

/**
 * mean(a) − mean(b) with a percentile bootstrap interval; the same seed gives the same interval.
 *
 * @example
 * const churn = (stayed: number, left: number): Grouped =>
 *   ({ values: Float64Array.of(0, 1), counts: Float64Array.of(stayed, left) });
 * bootstrapMeanDifference(churn(800, 200), churn(760, 240), { seed: 1 }); // { estimate: −0.04, lower: ≈ −0.076, upper: ≈ −0.004 }
 */
export function bootstrapMeanDifference(a: Grouped, b: Grouped, o: BootstrapOptions): Estimate {
  const { resamples = 1000, seed, level = 0.95 } = o;
  checkLevel('level', level);
  if (!(Number.isInteger(resamples) && resamples >= 2))
    throw tenureError('TEN_INTERNAL', {
      detail: `bootstrap needs an integer number of resamples ≥ 2, got ${resamples}`,
    });
  const [arm1, arm2] = [prepare(a), prepare(b)];
  checkArms([arm1.n, arm2.n], 1);
  const rng = new Random(seed);
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) differences[r] = resampledMean(rng, arm1) - resampledMean(rng, arm2);
  differences.sort();
  return {
    estimate: arm1.mean - arm2.mean,
    lower: quantile(differences, (1 - level) / 2),
    upper: quantile(differences, (1 + level) / 2),
  };
}

interface Arm {
  values: Float64Array;
  /** cᵢ / (cᵢ + … + c_G): fixed for the arm, so computed once, not per resample. */
  conditional: Float64Array;
  n: number;
  mean: number;
}

function prepare({ values, counts }: Grouped): Arm {
  if (values.length !== counts.length || counts.some((c) => !(Number.isInteger(c) && c >= 0)))
    throw tenureError('TEN_INTERNAL', { detail: 'bootstrap: need one non-negative integer count per value' });
  const conditional = new Float64Array(counts.length);
  let rest = 0;
  let sum = 0;
  for (let i = counts.length - 1; i >= 0; i--) {
    const c = counts[i] as number;
    rest += c;
    sum += c * (values[i] as number);
    conditional[i] = rest > 0 ? c / rest : 0;
  }
  return { values, conditional, n: rest, mean: sum / rest };
}

function resampledMean(rng: Random, arm: Arm): number {
  const { values, conditional, n } = arm;
  let left = n;
  let sum = 0;
  for (let i = 0; i < values.length && left > 0; i++) {
    const k = binomial(rng, left, conditional[i] as number);
    sum += k * (values[i] as number);
    left -= k;
  }
  return sum / n;
}

/** The q-quantile of sorted values, interpolating linearly between order statistics (Hyndman & Fan type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const lo = sorted[i] as number;
  return i + 1 < sorted.length ? lo + (h - i) * ((sorted[i + 1] as number) - lo) : lo;
}

/**
 * At most `maxGroups` groups from many distinct values (e.g. retained MRR in cents), for a bootstrap that costs
 * O(groups): the values are sorted and cut into runs of about equal member counts, each run becoming one group at
 * its count-weighted mean. Members and the total (so the mean) are kept exactly; the resampled spread loses the
 * variance within each run, which is small next to the variance between runs when the runs are many and narrow (at
 * 4,096 runs each holds under 0.025 % of the members). Fewer distinct values than maxGroups are returned as they are.
 *
 * @example
 * quantize(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1, 1, 1), 2); // { values: [1.5, 3.5], counts: [2, 2] }
 */
export function quantize(values: Float64Array, counts: Float64Array, maxGroups: number): Grouped {
  if (values.length <= maxGroups) return { values, counts };
  const order = Array.from(values.keys()).sort((i, j) => (values[i] as number) - (values[j] as number));
  const total = counts.reduce((s, c) => s + c, 0);
  const outValues: number[] = [];
  const outCounts: number[] = [];
  let runCount = 0;
  let runSum = 0;
  let seen = 0;
  for (const i of order) {
    const c = counts[i] as number;
    runCount += c;
    runSum += c * (values[i] as number);
    seen += c;
    // Close the run when it reaches its share of the members, so runs hold about total / maxGroups each.
    if (runCount > 0 && seen >= (total * (outCounts.length + 1)) / maxGroups) {
      outValues.push(runSum / runCount);
      outCounts.push(runCount);
      runCount = 0;
      runSum = 0;
    }
  }
  if (runCount > 0) {
    outValues.push(runSum / runCount);
    outCounts.push(runCount);
  }
  return { values: Float64Array.from(outValues), counts: Float64Array.from(outCounts) };
}
