/**
 * ln Γ(x) and the regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), from which the
 * chi-square p-value follows: P(χ²_df > x) = Q(df/2, x/2).
 *
 * Q follows Press, Teukolsky, Vetterling & Flannery, "Numerical Recipes", 3rd ed. (2007), §6.2: the series
 * P(a, x) = e^−x x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)) when x < a + 1 (then Q = 1 − P), otherwise the continued
 * fraction for Q evaluated by the modified Lentz method. Computing the small tail directly from the continued
 * fraction, never as 1 − P, keeps full relative accuracy for p-values like 1e-12. ln Γ is the Lanczos
 * approximation with the 14 coefficients of NR3 §6.1 (g = 671/128), accurate to about 1e-15.
 */
import { tenureError } from '../errors.ts';

/** NR3's coefficients, written as the doubles they round to. */
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 0.00003399464998481189,
  0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275, -0.000026190838401581408,
  0.0000036899182659531625,
];
const EPS = Number.EPSILON;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/**
 * Natural logarithm of the gamma function, for x > 0.
 *
 * @example
 * lnGamma(5); // 3.17805383034794… = ln 24
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw tenureError('TEN_INTERNAL', { detail: `lnGamma needs x > 0, got ${x}` });
  const t = x + 671 / 128;
  let series = 0.9999999999999971;
  LANCZOS.forEach((c, j) => {
    series += c / (x + 1 + j);
  });
  return (x + 0.5) * Math.log(t) - t + Math.log((2.5066282746310007 * series) / x);
}

/**
 * Regularized upper incomplete gamma function Q(a, x) for a > 0, x ≥ 0.
 *
 * @example
 * gammaQ(1, 2); // 0.1353352832366127 = e^−2
 */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw tenureError('TEN_INTERNAL', { detail: `gammaQ needs a > 0, x ≥ 0: ${a}, ${x}` });
  if (x === 0) return 1;
  const prefactor = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  return x < a + 1 ? 1 - prefactor * lowerSeries(a, x) : prefactor * upperFraction(a, x);
}

/** P(χ²_df ≥ statistic): the p-value of a chi-square test. */
export function chiSquarePValue(statistic: number, df: number): number {
  return gammaQ(df / 2, statistic / 2);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum;
  }
  throw tenureError('TEN_INTERNAL', { detail: `gammaQ series did not converge for a = ${a}, x = ${x}` });
}

function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) return h;
  }
  throw tenureError('TEN_INTERNAL', { detail: `gammaQ continued fraction did not converge for a = ${a}, x = ${x}` });
}
