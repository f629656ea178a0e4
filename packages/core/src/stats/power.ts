/**
 * Sample size and minimum detectable effect for a retention experiment whose outcome is churn within the window.
 *
 * The two-sided pooled z test of twoProportionTest at level α, its power approximated by the normal distribution
 * without continuity correction (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed.,
 * 2003, eq. 4.14 without the correction term, generalised to a control arm k times the treatment arm as in their
 * §4.4). With p₂ the baseline (control) churn, p₁ = p₂ − δ the treatment churn, k = n_control / n_treatment,
 *
 *   n_treatment = (z_{1−α/2}·σ₀ + z_{power}·σ₁)² / δ²,
 *   σ₀ = √(p̄(1 − p̄)(1 + 1/k)),  p̄ = (p₁ + k·p₂)/(1 + k)   (the standard deviation under the null, pooled)
 *   σ₁ = √(p₁(1 − p₁) + p₂(1 − p₂)/k)                        (and under the alternative)
 *
 * the formula of statsmodels' samplesize_proportions_2indep_onetail(diff = −δ, prop2 = p₂, ratio = k). It ignores
 * the far tail of a two-sided test (below 1e-5 of power at usual levels). The minimum detectable effect inverts it:
 * the δ at which the arms as given reach the power.
 */
import { tenureError } from '../errors.ts';
import { checkArms, checkLevel } from './experiment-inputs.ts';
import { normalQuantile } from './normal.ts';

export interface SampleSizeInput {
  /** Churn within the window expected without the campaign (the control arm's), in (0, 1). */
  baseline: number;
  /** The smallest absolute reduction of churn worth detecting: treatment churn = baseline − effect. */
  effect: number;
  alpha?: number;
  power?: number;
  /** The holdout: the share of the target kept as control, in (0, 1). */
  controlShare?: number;
}

export interface SampleSize {
  treatment: number;
  control: number;
  total: number;
  /** The treatment arm before rounding up (statsmodels' nobs1), for comparisons. */
  treatmentExact: number;
}

/**
 * Members needed in each arm, each rounded up.
 *
 * @example
 * sampleSizeTwoProportions({ baseline: 0.2, effect: 0.05 }); // { treatment: 906, control: 906, total: 1812, treatmentExact: 905.37 }
 */
export function sampleSizeTwoProportions(input: SampleSizeInput): SampleSize {
  const { baseline, effect, alpha = 0.05, power = 0.8, controlShare = 0.5 } = input;
  checkDesign(baseline, alpha, power);
  if (!(effect > 0 && effect < baseline)) throw tenureError('TEN_POWER_BAD_EFFECT', { effect, baseline });
  if (!(controlShare > 0 && controlShare < 1)) throw tenureError('TEN_EXPERIMENT_BAD_HOLDOUT', { share: controlShare });
  const k = controlShare / (1 - controlShare);
  const treatmentExact = (spread(effect, baseline, k, alpha, power) / effect) ** 2;
  // Rounding residue must not add a member: 1094.0000000001 is 1094.
  const up = (x: number) => Math.ceil(x - 1e-9);
  const treatment = up(treatmentExact);
  const control = up(treatmentExact * k);
  return { treatment, control, total: treatment + control, treatmentExact };
}

export interface DetectableEffectInput {
  baseline: number;
  treatment: number;
  control: number;
  alpha?: number;
  power?: number;
}

/**
 * The smallest absolute churn reduction the planned arms detect with the given power, found by bisection (the
 * sample-size equation has no closed form in δ because σ₀ and σ₁ depend on it). TEN_POWER_UNDETECTABLE when not
 * even a reduction to zero churn would be detected.
 *
 * @example
 * minimumDetectableEffect({ baseline: 0.2, treatment: 906, control: 906 }); // 0.04998…
 */
export function minimumDetectableEffect(input: DetectableEffectInput): number {
  const { baseline, treatment, control, alpha = 0.05, power = 0.8 } = input;
  checkDesign(baseline, alpha, power);
  checkArms([treatment, control], 1);
  const k = control / treatment;
  const root = Math.sqrt(treatment);
  // δ·√n₁ − (z_{1−α/2}·σ₀ + z_power·σ₁): negative below the MDE, positive above it.
  const gap = (d: number) => d * root - spread(d, baseline, k, alpha, power);
  if (gap(baseline) < 0) throw tenureError('TEN_POWER_UNDETECTABLE', { treatment, control, baseline });
  let lo = 0;
  let hi = baseline;
  while (hi - lo > 1e-15 * baseline) {
    const mid = (lo + hi) / 2;
    if (gap(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** z_{1−α/2}·σ₀ + z_power·σ₁ at the reduction d, clipped at 0 as statsmodels does (a power below α needs no one). */
function spread(d: number, p2: number, k: number, alpha: number, power: number): number {
  const p1 = p2 - d;
  const pooled = (p1 + k * p2) / (1 + k);
  const sd0 = Math.sqrt(pooled * (1 - pooled) * (1 + 1 / k));
  const sd1 = Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / k);
  return Math.max(0, normalQuantile(1 - alpha / 2) * sd0 + normalQuantile(power) * sd1);
}

function checkDesign(baseline: number, alpha: number, power: number): void {
  if (!(baseline > 0 && baseline < 1)) throw tenureError('TEN_POWER_BAD_BASELINE', { baseline });
  checkLevel('alpha', alpha);
  checkLevel('power', power);
}
