/**
 * CUPED: a difference of means with less variance, by adjusting each member's outcome Y with a covariate X measured
 * before the experiment (Deng, Xu, Kohavi & Walker, 2013, "Improving the Sensitivity of Online Controlled
 * Experiments by Utilizing Pre-Experiment Data", WSDM '13, §3.2, eqs. 3–4 and §3.3):
 *
 *   θ = cov(X, Y) / var(X)   over both arms pooled (X is pre-period, so treatment cannot have changed it)
 *   Δ_cv = (Ȳ_t − Ȳ_c) − θ(X̄_t − X̄_c)
 *   var(Δ_cv) = var_t(Y − θX)/n_t + var_c(Y − θX)/n_c,   var(Y − θX) = var(Y) − 2θ cov(X, Y) + θ² var(X)
 *
 * Both differences get a normal interval Δ ± z·√var (sample variances with n − 1). The variance reduction is
 * 1 − var(Δ_cv)/var(Δ) (≈ ρ² of X and Y, eq. 5). Everything comes from six sums per arm, which SQL returns, so no
 * member's row reaches JavaScript.
 */
import { checkArms, twoSidedZ } from './experiment-inputs.ts';
import type { Estimate } from './newcombe.ts';

/** Sufficient statistics of one arm: Y the outcome, X the pre-period covariate. */
export interface Moments {
  n: number;
  sumY: number;
  sumY2: number;
  sumX: number;
  sumX2: number;
  sumXY: number;
}

export interface Cuped {
  /** Mean of Y in treatment − mean in control. */
  unadjusted: Estimate;
  /** The same difference adjusted on X. */
  adjusted: Estimate;
  theta: number;
  /** 1 − var(adjusted)/var(unadjusted): the share of the variance the covariate removed. */
  varianceReduction: number;
}

/**
 * Unadjusted and CUPED-adjusted treatment − control difference of means.
 *
 * @example
 * cuped(treatmentMoments, controlMoments); // { unadjusted: {…}, adjusted: {…}, theta: 0.79, varianceReduction: 0.61 }
 */
export function cuped(t: Moments, c: Moments, level = 0.95): Cuped {
  checkArms([t.n, c.n], 2);
  const z = twoSidedZ(level);
  const pooled = centred({
    n: t.n + c.n,
    sumY: t.sumY + c.sumY,
    sumY2: t.sumY2 + c.sumY2,
    sumX: t.sumX + c.sumX,
    sumX2: t.sumX2 + c.sumX2,
    sumXY: t.sumXY + c.sumXY,
  });
  // A constant covariate carries no information: no adjustment rather than 0/0.
  const theta = pooled.varX > 0 ? pooled.covXY / pooled.varX : 0;
  const [ct, cc] = [centred(t), centred(c)];
  const adjustedVar = (m: Centred) => Math.max(0, m.varY - 2 * theta * m.covXY + theta * theta * m.varX);
  const varUnadjusted = ct.varY / t.n + cc.varY / c.n;
  const varAdjusted = adjustedVar(ct) / t.n + adjustedVar(cc) / c.n;
  const difference = ct.meanY - cc.meanY;
  return {
    unadjusted: around(difference, varUnadjusted, z),
    adjusted: around(difference - theta * (ct.meanX - cc.meanX), varAdjusted, z),
    theta,
    varianceReduction: varUnadjusted > 0 ? 1 - varAdjusted / varUnadjusted : 0,
  };
}

interface Centred {
  meanY: number;
  meanX: number;
  varY: number;
  varX: number;
  covXY: number;
}

/** Means, sample variances and covariance (denominator n − 1) from the sums. */
function centred(m: Moments): Centred {
  const meanY = m.sumY / m.n;
  const meanX = m.sumX / m.n;
  const d = m.n - 1;
  return {
    meanY,
    meanX,
    // Rounding can make a variance of a constant slightly negative.
    varY: Math.max(0, (m.sumY2 - m.n * meanY * meanY) / d),
    varX: Math.max(0, (m.sumX2 - m.n * meanX * meanX) / d),
    covXY: (m.sumXY - m.n * meanX * meanY) / d,
  };
}

const around = (estimate: number, variance: number, z: number): Estimate => {
  const half = z * Math.sqrt(variance);
  return { estimate, lower: estimate - half, upper: estimate + half };
};
