/**
 * The shared base of every maximum-likelihood fitter (lifetimes' `BaseFitter._fit`, made strict): positive
 * parameters are optimised on the log scale with BFGS from several starts, the best converged run wins (with
 * many patterns the starts run on a systematic sample and the winner is polished on all of them), and
 * standard errors come from the observed information (the Hessian of −LL, by finite differences of the
 * analytic gradient) through the delta method, se(θ) = θ · se(ln θ). A run that does not converge, drifts to
 * a boundary (a parameter → 0 or ∞) or ends where the Hessian is not positive definite raises
 * TEN_MODEL_NO_CONVERGENCE with the diagnostics attached (`details.diagnostics`: the runs and which of the three
 * it was, so a model can tell a degenerate optimum from a failed search); a fit never returns NaN parameters.
 */
import { tenureError } from '../errors.ts';
import { bfgs } from '../stats/bfgs.ts';
import { inverseSpd } from '../stats/cholesky.ts';

/** A fitted model's parameters: plain, JSON-able data. */
export interface ModelFit<P extends string = string> {
  params: Record<P, number>;
  /** Standard errors from the inverse observed information. */
  stderr: Record<P, number>;
  logLik: number;
  /** Customers (or cohort members) the likelihood covers: the sum of the pattern weights. */
  n: number;
  iterations: number;
  converged: boolean;
}

/**
 * Why a fit failed: no start converged, the best optimum lies at a boundary of the parameter space, or it is
 * flat in some direction (singular information). The last two are properties of the data, not of the search.
 */
export type FitFailure = 'no-maximum' | 'boundary' | 'singular';

/** Total weighted log-likelihood at natural-scale θ; writes ∂LL/∂θ into `grad`. */
export type LogLikelihood = (theta: Float64Array, grad: Float64Array) => number;

export interface MleSpec<P extends string> {
  /** For messages: 'bg-nbd', 'sbg', … */
  model: string;
  names: readonly P[];
  n: number;
  logLik: LogLikelihood;
  /** Starting points on the natural scale; all are tried. */
  starts: readonly (readonly number[])[];
  /** The same likelihood over a sample of the patterns, for the multi-start search when the data are large. */
  screen?: { logLik: LogLikelihood; n: number };
}

/** On the per-customer scale: at 1e-6 the log-likelihood is within ~1e-12 · n of its maximum. */
const OPTIONS = { gradientTolerance: 1e-6 };

/** |ln θ| beyond this is a parameter running off to 0 or ∞: the data do not identify the model. */
const BOUNDARY = 25;

/**
 * Maximise a log-likelihood over positive parameters.
 *
 * @example
 * // Exponential rate λ from 10 waiting times summing to 20: LL = 10 ln λ − 20 λ, so λ̂ = 0.5, se = λ̂/√10.
 * maximizeLikelihood({ model: 'exp', names: ['lambda'], n: 10, starts: [[1]],
 *   logLik: (t, g) => { g[0] = 10 / t[0]! - 20; return 10 * Math.log(t[0]!) - 20 * t[0]!; } }).params.lambda; // 0.5
 */
export function maximizeLikelihood<P extends string>(spec: MleSpec<P>): ModelFit<P> {
  const k = spec.names.length;
  const theta = new Float64Array(k);
  const grad = new Float64Array(k);
  // f(u) = −LL(e^u) / n: per-customer scale, so one gradient tolerance suits any data size.
  const objectiveOf = (logLik: LogLikelihood, n: number) => (u: Float64Array, g: Float64Array) => {
    for (let i = 0; i < k; i++) theta[i] = Math.exp(u[i]!);
    // A long line-search step can take e^u to 0 or ∞, where lnGamma throws: +∞ makes BFGS back off instead.
    if (!theta.every((t) => t > 0 && t < Number.POSITIVE_INFINITY)) return Number.POSITIVE_INFINITY;
    const ll = logLik(theta, grad);
    for (let i = 0; i < k; i++) g[i] = (-theta[i]! * grad[i]!) / n;
    return -ll / n;
  };
  const objective = objectiveOf(spec.logLik, spec.n);
  const search = spec.screen ? objectiveOf(spec.screen.logLik, spec.screen.n) : objective;
  let runs = spec.starts.map((s) => bfgs(search, s.map(Math.log), OPTIONS));
  if (spec.screen) {
    // Polish on all patterns from the sample's optimum, keeping its curvature estimate: a few iterations.
    const lead = [...runs].sort((a, b) => a.value - b.value)[0]!;
    runs = [bfgs(objective, [...lead.x], { ...OPTIONS, inverseHessian: lead.inverseHessian })];
  }
  const diagnostics = runs.map((r, i) => ({
    start: spec.screen ? 'best start on the sample' : spec.starts[i],
    logLik: -r.value * spec.n,
    params: [...r.x].map(Math.exp),
    maxGradient: Math.max(...[...r.gradient].map(Math.abs)),
    iterations: r.iterations,
    converged: r.converged,
  }));
  const fail = (reason: FitFailure, detail: string, best?: Float64Array) =>
    tenureError(
      'TEN_MODEL_NO_CONVERGENCE',
      { model: spec.model, detail },
      {},
      { diagnostics: { reason, runs: diagnostics, ...(best ? { best: [...best].map(Math.exp) } : {}) } },
    );
  const best = runs.filter((r) => r.converged && Number.isFinite(r.value)).sort((a, b) => a.value - b.value)[0];
  if (!best) throw fail('no-maximum', `none of ${runs.length} starts reached a maximum`);
  const drifting = spec.names.filter((_, i) => Math.abs(best.x[i]!) > BOUNDARY);
  if (drifting.length)
    throw fail('boundary', `${drifting.join(', ')} ran off to 0 or infinity (the data do not identify it)`, best.x);

  const cov = inverseSpd(observedInformation(objective, best.x, spec.n), k);
  if (!cov || cov.some((v) => !Number.isFinite(v)))
    throw fail('singular', 'the optimum found is not a strict maximum (the information matrix is singular)', best.x);
  const params = {} as Record<P, number>;
  const stderr = {} as Record<P, number>;
  spec.names.forEach((name, i) => {
    params[name] = Math.exp(best.x[i]!);
    stderr[name] = params[name] * Math.sqrt(cov[i * k + i]!);
  });
  return { params, stderr, logLik: -best.value * spec.n, n: spec.n, iterations: best.iterations, converged: true };
}

/**
 * −∂²LL/∂u∂uᵀ at u by forward differences of the analytic gradient, symmetrised: k extra gradient evaluations
 * (central differences would take 2k for accuracy far beyond what a standard error needs).
 */
function observedInformation(
  objective: (u: Float64Array, g: Float64Array) => number,
  u: Float64Array,
  n: number,
): Float64Array {
  const k = u.length;
  const h = 1e-6;
  const info = new Float64Array(k * k);
  const g0 = new Float64Array(k);
  const g1 = new Float64Array(k);
  objective(u, g0);
  for (let j = 0; j < k; j++) {
    const up = Float64Array.from(u);
    up[j]! += h;
    objective(up, g1);
    for (let i = 0; i < k; i++) info[i * k + j] = ((g1[i]! - g0[i]!) / h) * n;
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) info[i * k + j] = info[j * k + i] = (info[i * k + j]! + info[j * k + i]!) / 2;
  return info;
}
