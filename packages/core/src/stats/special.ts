/**
 * Special functions the lifetime models need beyond ln Γ (gamma.ts): the digamma function ψ = (ln Γ)′ for
 * analytic likelihood gradients, ln B, and the Gauss hypergeometric function ₂F₁ for BG/NBD conditional
 * expectations and sBG discounted lifetimes.
 */
import { tenureError } from '../errors.ts';
import { lnGamma } from './gamma.ts';

/**
 * ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ψ(x) ≈ ln x − 1/2x − Σ B₂ₖ / (2k x²ᵏ) (Abramowitz & Stegun 6.3.5 and 6.3.18), good to about 1e-15.
 *
 * @example
 * digamma(1); // −0.5772156649015329 (−γ, the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw tenureError('TEN_INTERNAL', { detail: `digamma needs x > 0, got ${x}` });
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  // B₂/2, B₄/4, … B₁₄/14 as the series' coefficients.
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 *
 * @example
 * lnBeta(2, 3); // ln(1/12)
 */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const MAX_TERMS = 1_000_000;

/**
 * ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c not 0, −1, −2, …, by its power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ
 * (A&S 15.1.1), summed until a term is below 1e-17 of the sum. The terms keep one sign once n exceeds −a, −b and
 * −c, so no cancellation builds up in the tail; the series needs about ln ε / ln z terms, i.e. thousands only
 * when z is within 1 % of 1. Callers keep the terms from growing first (see bg-nbd/predict.ts).
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5); // −ln(1 − 0.5) / 0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || (c <= 0 && Number.isInteger(c)) || !Number.isFinite(a + b + c))
    throw tenureError('TEN_INTERNAL', { detail: `hyp2f1 needs 0 ≤ z < 1 and c ∉ {0, −1, …}: ${a}, ${b}, ${c}, ${z}` });
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) return sum;
  }
  throw tenureError('TEN_INTERNAL', { detail: `hyp2f1 did not converge for ${a}, ${b}, ${c}, ${z}` });
}
