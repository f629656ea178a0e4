/**
 * Shifted-beta-geometric (sBG) model of contract duration: Fader & Hardie (2007), "How to Project Customer
 * Retention", Journal of Interactive Marketing 21(1):76–90.
 *
 * Each customer renews each period with probability 1 − θ, θ ~ Beta(α, β) across customers (§3 of the paper:
 * a shifted geometric lifetime mixed over a beta distribution), so the lifetime T (the period in which the customer
 * churns, 1, 2, …) has
 *   P(T = t) = B(α + 1, β + t − 1) / B(α, β),   S(t) = B(α, β + t) / B(α, β),
 *   r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)   (the retention rate of period t, rising with t),
 * and a cohort observed for n periods has LL = Σₜ (churned in t) ln P(T = t) + (still there after n) ln S(n)
 * (the Appendix's spreadsheet objective). Here every customer is a pattern (periods, churned?, count), so one
 * likelihood covers a survivor list (one cohort, no censoring before n) and customer-level workspace data
 * (many cohorts, each censored at its own age).
 */

import { type Surface, TenureError, tenureError } from '../../errors.ts';
import { badOption } from '../../options.ts';
import { lnGamma } from '../../stats/gamma.ts';
import { digamma, lnBeta } from '../../stats/special.ts';
import { type FitFailure, type ModelFit, maximizeLikelihood } from '../fit.ts';

export type SbgParams = { alpha: number; beta: number };
export type SbgFit = ModelFit<keyof SbgParams>;

/** Lifetimes in whole periods: churned in period `periods[i]` (≥ 1), or still there after it; `weight` customers each. */
export interface SbgPatterns {
  periods: Float64Array;
  churned: Float64Array;
  weight: Float64Array;
}

/** ∂/∂(α, β) of ln B(α + a, β + b) − ln B(α, β). */
const dLnBetaRatio = (alpha: number, beta: number, a: number, b: number): [number, number] => {
  const common = digamma(alpha + beta) - digamma(alpha + beta + a + b);
  return [digamma(alpha + a) - digamma(alpha) + common, digamma(beta + b) - digamma(beta) + common];
};

/** The sBG log-likelihood over patterns, with its gradient. */
export function sbgLogLik(p: SbgPatterns) {
  return (theta: Float64Array, grad: Float64Array): number => {
    const [alpha, beta] = [theta[0]!, theta[1]!];
    const lnB = lnBeta(alpha, beta);
    let ll = 0;
    grad.fill(0);
    for (let i = 0; i < p.periods.length; i++) {
      const t = p.periods[i]!;
      const w = p.weight[i]!;
      // Churned in t: B(α + 1, β + t − 1); still there after t: B(α, β + t).
      const [a, b] = p.churned[i] ? [1, t - 1] : [0, t];
      if (!p.churned[i] && t === 0) continue;
      ll += w * (lnGamma(alpha + a) + lnGamma(beta + b) - lnGamma(alpha + beta + a + b) - lnB);
      const [da, db] = dLnBetaRatio(alpha, beta, a, b);
      grad[0]! += w * da;
      grad[1]! += w * db;
    }
    return ll;
  };
}

/**
 * Fit α, β by maximum likelihood. Needs churn in at least two distinct periods, or churn and survival beyond
 * the churn periods: with one period only, any (α, β) with the same α / (α + β) fits equally well. A degenerate
 * optimum (constant churn, a boundary, a flat likelihood) raises TEN_MODEL_DEGENERATE rather than returning
 * parameters that would be plotted as a projection.
 *
 * @example
 * fitSbg(patternsFromSurvivors([1000, 869, 743, 653, 593, 551, 517, 491])).params; // { alpha: 0.668, beta: 3.806 }
 */
export function fitSbg(p: SbgPatterns): SbgFit {
  const periods = new Set<number>();
  let churned = 0;
  let n = 0;
  for (let i = 0; i < p.periods.length; i++) {
    n += p.weight[i]!;
    if (p.weight[i]! > 0 && p.periods[i]! > 0) periods.add(p.periods[i]!);
    if (p.churned[i]) churned += p.weight[i]!;
  }
  if (periods.size < 2 || churned === 0)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'sbg',
      detail: churned === 0 ? 'nobody churned' : 'everything happened in one period',
      hint: {
        en: 'The sBG needs at least two periods of renewals (three survivor counts: start, after period 1, after period 2).',
        'zh-CN': 'sBG 至少需要两期续订（三个存续人数：期初、第 1 期后、第 2 期后）。',
      },
    });
  let fit: SbgFit;
  try {
    fit = maximizeLikelihood({
      model: 'sbg',
      names: ['alpha', 'beta'] as const,
      n,
      logLik: sbgLogLik(p),
      starts: [
        [1, 1],
        [0.1, 1],
        [1, 10],
        [10, 10],
      ],
    });
  } catch (e) {
    const d = e instanceof TenureError ? (e.details.diagnostics as { reason: FitFailure; best?: number[] }) : null;
    if (!d?.best) throw e;
    throw degenerateSbg({ alpha: d.best[0]!, beta: d.best[1]! }, d.reason, d);
  }
  if (spreadOfChurn(fit.params) < MIN_SPREAD)
    throw degenerateSbg(fit.params, 'homogeneous', { reason: 'homogeneous', params: fit.params, stderr: fit.stderr });
  return fit;
}

/**
 * Below this coefficient of variation of θ across customers the fitted beta distribution is all but a point
 * mass: every customer churns with the same probability, so S(t) is a geometric decay and α, β only grow
 * together along the ridge α / (α + β) = θ (Fader & Hardie's model has nothing to add to a constant rate).
 */
const MIN_SPREAD = 0.05;

/** sd(θ) / E[θ] under Beta(α, β): √(β / (α (α + β + 1))). */
export const spreadOfChurn = ({ alpha, beta }: SbgParams): number => Math.sqrt(beta / (alpha * (alpha + beta + 1)));

/** Where the observed curve is, in the words of the surface that shows the hint. */
const survivalEn = (on: Surface) =>
  on === 'web'
    ? 'Open the Survival page for the observed curve instead'
    : 'Read the survival curve (Kaplan–Meier) instead';
const survivalZh = (on: Surface) => (on === 'web' ? '请改看“生存分析”页的实际曲线' : '请改看生存曲线（Kaplan–Meier）');

/**
 * A fit whose optimum says the data do not identify the sBG: α and β huge together (constant churn), at a
 * boundary, or flat. TEN_MODEL_DEGENERATE with the churn rate the data do support, and the diagnostics.
 */
function degenerateSbg(
  params: SbgParams,
  reason: FitFailure | 'homogeneous',
  diagnostics: Record<string, unknown>,
): TenureError {
  const churn = params.alpha / (params.alpha + params.beta);
  const pct = `${(100 * churn).toFixed(1)} %`;
  const geometric = reason === 'homogeneous' || spreadOfChurn(params) < MIN_SPREAD;
  return tenureError(
    'TEN_MODEL_DEGENERATE',
    {
      model: 'sbg',
      detail: geometric
        ? `α and β grow without bound together (α ≈ ${params.alpha.toPrecision(3)}, β ≈ ${params.beta.toPrecision(3)}): churn is about ${pct} a period for every customer, a constant-churn (geometric) decay, not an sBG projection`
        : `the best fit lies at the edge of the parameters (α ≈ ${params.alpha.toPrecision(3)}, β ≈ ${params.beta.toPrecision(3)}), so the data do not identify α and β`,
      hint: geometric
        ? {
            en: (on) =>
              `Retention in these data does not rise with tenure, which is what the sBG projects: expect about ${pct} churn each period. ${survivalEn(on)}, or fit a cohort or segment whose churn falls with tenure.`,
            'zh-CN': (on) =>
              `这些数据中的留存率并不随客户在网时长上升，而这正是 sBG 所预测的：预计每期流失约 ${pct}。${survivalZh(on)}，或对流失随时长下降的同期群或细分拟合。`,
          }
        : {
            en: (on) => `Fit more periods of data (a longer history or a shorter period). ${survivalEn(on)}.`,
            'zh-CN': (on) => `请用更多期的数据拟合（更长的历史或更短的周期）。${survivalZh(on)}。`,
          },
    },
    {},
    { diagnostics: { ...diagnostics, churnPerPeriod: churn, spread: spreadOfChurn(params) } },
  );
}

/**
 * Survivor counts n₀ ≥ n₁ ≥ … (customers still there at the start and after each period) as patterns:
 * n_{t−1} − n_t churned in period t, and n_last censored after the last period.
 *
 * @example
 * patternsFromSurvivors([100, 60, 45]); // churned 40 in period 1, 15 in period 2, 45 still there after 2
 */
export function patternsFromSurvivors(survivors: readonly number[]): SbgPatterns {
  const ok =
    survivors.length >= 3 &&
    survivors.every((v, i) => Number.isFinite(v) && v >= 0 && (i === 0 ? v > 0 : v <= survivors[i - 1]!));
  if (!ok)
    throw badOption('survivors', survivors.join(','), {
      en: 'at least three counts, the first positive and none larger than the one before (e.g. 1000,869,743,653)',
      'zh-CN': '至少三个人数，第一个为正数，且每个都不大于前一个（例如 1000,869,743,653）',
    });
  const n = survivors.length - 1;
  const periods = new Float64Array(n + 1);
  const churned = new Float64Array(n + 1);
  const weight = new Float64Array(n + 1);
  for (let t = 1; t <= n; t++) {
    periods[t - 1] = t;
    churned[t - 1] = 1;
    weight[t - 1] = survivors[t - 1]! - survivors[t]!;
  }
  periods[n] = n;
  weight[n] = survivors[n]!;
  return { periods, churned, weight };
}
