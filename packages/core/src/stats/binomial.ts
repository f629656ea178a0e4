/**
 * Exact binomial variates from a seeded generator, in O(1) expected time for any n, so that a bootstrap resample of
 * half a million members costs a few thousand draws (bootstrap.ts).
 *
 * - n·min(p, 1 − p) < 10: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser, 1988, "Binomial
 *   random variate generation", CACM 31:216–222, algorithm BINV), using f(x+1)/f(x) = ((n+1)/x − 1)·p/q; about
 *   n·p + 1 comparisons.
 * - otherwise BTRD, transformed rejection with decomposition (Hörmann, 1993, "The generation of binomial random
 *   variates", J. Statist. Comput. Simul. 46:101–110, §3), in the simplified form TensorFlow's and PyTorch's
 *   samplers use: accept at once inside the tight box (about 86 % of draws), else compare ln v with the exact
 *   log ratio f(k)/f(m) written with Stirling's series. Hörmann's extra squeezes only save time, not change draws'
 *   distribution.
 * Both draw with p ≤ ½ and mirror (n − X) above, as the papers do.
 */
import { lnGamma } from './gamma.ts';
import type { Random } from './random.ts';

/** One draw of Binomial(n, p), n a non-negative integer. */
export function binomial(rng: Random, n: number, p: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = p > 0.5 ? 1 - p : p;
  const x = n * q < 10 ? inversion(rng, n, q) : btrd(rng, n, q);
  return p > 0.5 ? n - x : x;
}

function inversion(rng: Random, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const start = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.uniform();
    let f = start;
    let x = 0;
    while (u > f) {
      u -= f;
      x++;
      // Rounding can leave u above the last probabilities' sum: draw again rather than return n + 1.
      if (x > n) break;
      f *= a / x - s;
    }
    if (x <= n) return x;
  }
}

function btrd(rng: Random, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k >= 0 && k <= n && accept(n, p, k, Math.log((v * (2.83 + 5.1 / b) * spq) / (a / (us * us) + b)))) return k;
  }
}

/** BTRD's exact test outside the box: ln v against ln f(k)/f(m), m the mode (set up here, on ~14 % of draws). */
function accept(n: number, p: number, k: number, lv: number): boolean {
  const r = p / (1 - p);
  const m = Math.floor((n + 1) * p);
  const bound =
    (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
    (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
    (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
    stirlingTail(m) +
    stirlingTail(n - m) -
    stirlingTail(k) -
    stirlingTail(n - k);
  return lv <= bound;
}

/** ln k! − ((k + ½) ln(k + 1) − (k + 1) + ½ ln 2π), exactly from ln Γ below 10, by Stirling's series above. */
function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_SMALL[k] as number;
  const k1 = k + 1;
  const k2 = k1 * k1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / k2) / k2) / k1;
}

const STIRLING_SMALL = Array.from(
  { length: 10 },
  (_, k) => lnGamma(k + 1) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI)),
);
