/**
 * Cox proportional-hazards regression fitted by Newton–Raphson on the Efron partial likelihood (efron.ts),
 * with R coxph's control: start at β = 0, halve the step while the log-likelihood falls, stop when it changes
 * by less than 1e-9 relatively (at most 30 iterations). Standard errors from the inverse information, Wald
 * z-tests, hazard ratios e^β with 95 % intervals e^(β ± 1.96 se), and Harrell's concordance.
 */
import { tenureError } from '../../errors.ts';
import { cholesky, choleskySolve, inverseSpd } from '../../stats/cholesky.ts';
import { chiSquarePValue } from '../../stats/gamma.ts';
import { Z95 } from '../../stats/wilson.ts';
import type { ModelFit } from '../fit.ts';
import { concordance } from './concordance.ts';
import { type CoxData, efron } from './efron.ts';

export interface CoxTerm {
  term: string;
  coef: number;
  stderr: number;
  z: number;
  pValue: number;
  hazardRatio: number;
  lower: number;
  upper: number;
}

export interface CoxFit extends ModelFit {
  terms: CoxTerm[];
  /** Partial log-likelihood at β = 0. */
  nullLogLik: number;
  /** Likelihood-ratio test of all coefficients: 2 (LL − LL₀) on p degrees of freedom. */
  likelihoodRatio: { statistic: number; df: number; pValue: number };
  events: number;
  concordance: number;
}

const EPS = 1e-9;
const MAX_ITERATIONS = 30;
/**
 * After convergence a finite β has a vanishing Newton step; one still larger than √ε · |β| means the likelihood
 * keeps rising as β → ±∞ (e.g. a group with no churn). R coxph's toler.inf rule.
 */
const TOLER_INF = Math.sqrt(EPS);

/**
 * Fit β for covariates `names` (the columns of data.X, centred).
 *
 * @example
 * const fit = fitCox(data, ['contract=One year', 'monthly_charges']); // fit.terms[0].hazardRatio
 */
export function fitCox(data: CoxData, names: readonly string[]): CoxFit {
  const p = data.p;
  let events = 0;
  let n = 0;
  for (let i = 0; i < data.n; i++) {
    n += data.weight[i]!;
    if (data.status[i]) events += data.weight[i]!;
  }
  const insufficient = (detail: string) =>
    tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'cox',
      detail,
      hint: {
        en: 'Cox regression needs churned customers and at least one covariate that varies between them.',
        'zh-CN': 'Cox 回归需要已流失的客户，以及至少一个在他们之间取值不同的协变量。',
      },
    });
  if (events === 0) throw insufficient('nobody churned');
  if (p === 0) throw insufficient('no covariate varies');
  let beta = new Float64Array(p);
  let current = efron(data, beta);
  const nullLogLik = current.logLik;
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < MAX_ITERATIONS) {
    iterations++;
    const l = cholesky(current.information, p);
    if (!l) throw noConvergence('the information matrix is singular (collinear covariates?)', beta, names);
    const step = choleskySolve(l, p, current.score);
    let next = beta.map((b, j) => b + step[j]!);
    let trial = efron(data, next);
    for (let halvings = 0; !(trial.logLik >= current.logLik) && halvings < 30; halvings++) {
      next = next.map((b, j) => (b + beta[j]!) / 2);
      trial = efron(data, next);
    }
    converged = Math.abs(1 - current.logLik / trial.logLik) <= EPS;
    beta = next;
    current = trial;
  }
  const l = cholesky(current.information, p);
  const step = l ? choleskySolve(l, p, current.score) : null;
  const infinite = names.filter(
    (_, j) => step && Math.abs(step[j]!) > EPS && Math.abs(step[j]!) > TOLER_INF * Math.abs(beta[j]!),
  );
  if (!converged || infinite.length)
    throw noConvergence(
      infinite.length ? `the coefficient of ${infinite.join(', ')} grows without bound` : `${iterations} iterations`,
      beta,
      names,
    );
  const cov = inverseSpd(current.information, p);
  if (!cov) throw noConvergence('the information matrix is singular at the optimum', beta, names);
  const terms = names.map((term, j): CoxTerm => {
    const coef = beta[j]!;
    const stderr = Math.sqrt(cov[j * p + j]!);
    const z = coef / stderr;
    return {
      term,
      coef,
      stderr,
      z,
      pValue: chiSquarePValue(z * z, 1),
      hazardRatio: Math.exp(coef),
      lower: Math.exp(coef - Z95 * stderr),
      upper: Math.exp(coef + Z95 * stderr),
    };
  });
  const lr = 2 * (current.logLik - nullLogLik);
  return {
    params: Object.fromEntries(terms.map((t) => [t.term, t.coef])),
    stderr: Object.fromEntries(terms.map((t) => [t.term, t.stderr])),
    logLik: current.logLik,
    n,
    iterations,
    converged: true,
    terms,
    nullLogLik,
    likelihoodRatio: { statistic: lr, df: p, pValue: chiSquarePValue(Math.max(0, lr), p) },
    events,
    concordance: concordance(data, beta),
  };
}

function noConvergence(detail: string, beta: Float64Array, names: readonly string[]) {
  return tenureError(
    'TEN_MODEL_NO_CONVERGENCE',
    { model: 'cox', detail },
    {},
    { diagnostics: { coefficients: Object.fromEntries(names.map((n, j) => [n, beta[j]])) } },
  );
}
