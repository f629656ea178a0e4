/**
 * What a fitted BG/NBD predicts for a customer with history (x, t_x, T); pure functions of the parameters.
 *
 * P(alive) (Fader, Hardie & Lee 2008, "Computing P(alive) Using the BG/NBD Model", brucehardie.com note 021):
 *   P(τ > T) = 1 / (1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x)).
 * Expected repeat purchases in the next t (FHL 2005 eq. 10), with z = t/(α + T + t):
 *   E[Y(t)] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r+x) ₂F₁(r + x, b + x; a + b + x − 1; z)]
 *             / (1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x)).
 * Euler's transformation ₂F₁(A, B; C; z) = (1 − z)^(C−A−B) ₂F₁(C − A, C − B; C; z) (A&S 15.3.3) turns the bracket into
 *   1 − (1 − z)^(a−1) ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z),
 * whose series stays small for large x, where the original's terms grow like (r + x)(b + x)/(a + b + x) · z.
 * At x = t_x = T = 0 this is the population's E[X(t)] (FHL eq. 9).
 */
import { hyp2f1 } from '../../stats/special.ts';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

/**
 * Probability that a customer with this history is still alive at T.
 *
 * @example
 * pAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); // ≈ 0.91
 */
export function pAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  return x > 0 ? 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)) : 1;
}

/**
 * Expected number of repeat purchases in (T, T + t] for a customer with history (x, t_x, T).
 *
 * @example
 * expectedPurchases(params, 39, 2, 30.43, 38.86); // expected purchases in the next 39 weeks
 */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const euler = 1 - (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  // With very large a and b (a dropout probability that hardly varies across customers) Euler's form is 0 · ∞;
  // the original series then converges fast, its terms shrinking like (r + x) · b/(a + b) · z.
  const bracket = Number.isFinite(euler)
    ? euler
    : 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * bracket * pAlive(p, x, tx, T);
}
