/**
 * Exact binomial variates from a seeded generator, in O(1) expected time for any n, so that a bootstrap resample of
 * half a million members costs a few thousand draws (bootstrap.ts).
 *
 * - n·min(p, 1 − p) < 10: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser, 1988, "Binomial
 *   random variate generation", CACM 31:216–222, algorithm BINV), using f(x+1)/f(x) = ((n+1)/x − 1)·p/q; about
 *   n·p + 1 comparisons.
 * - otherwise BTRD, transformed rejection with decomposition (Hörmann, 1993, "The generation of binomial random
 *   variates", J. Statist. Comput. Simul. 46:101–110, algorithm BTRD, steps 0–3.4): k from one uniform inside the
 *   box (about two thirds of draws at n·p ≈ 100, more as n·p grows), else a transformed-rejection test of v
 *   against f(k)/f(m), by the recurrence when |k − m| ≤ 15, by the squeeze, and only then exactly with Stirling's
 *   series.
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
  const npq = n * p * (1 - p);
  const spq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  for (;;) {
    // Step 1: inside the box (86 % of vr) one uniform gives k directly.
    let v = rng.uniform();
    let u: number;
    if (v <= 0.86 * vr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    // Step 2: u near the box's edges reuses v; otherwise a fresh u.
    if (v >= vr) u = rng.uniform() - 0.5;
    else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.uniform() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * (2.83 + 5.1 / b) * spq) / (a / (us * us) + b);
    if (accept(n, p, npq, k, v)) return k;
  }
}

/** Step 3 of BTRD: v against f(k)/f(m), m the mode — by the recurrence near m, else squeezes, else exactly. */
function accept(n: number, p: number, npq: number, k: number, v: number): boolean {
  const r = p / (1 - p);
  const m = Math.floor((n + 1) * p);
  const km = Math.abs(k - m);
  if (km <= 15) {
    // f(i)/f(i − 1) = (n + 1 − i)·r / i. Hörmann multiplies those ratios; comparing numerators and denominators as
    // two products instead is the same test without a division per step (terms stay far below overflow).
    let num = 1;
    let den = 1;
    for (let i = m + 1; i <= k; i++) {
      num *= (n + 1 - i) * r;
      den *= i;
    }
    for (let i = k + 1; i <= m; i++) {
      den *= (n + 1 - i) * r;
      num *= i;
    }
    return v * den <= num;
  }
  const lv = Math.log(v);
  const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
  const t = (-km * km) / (2 * npq);
  if (lv < t - rho) return true;
  if (lv > t + rho) return false;
  const nm = n - m + 1;
  const nk = n - k + 1;
  const bound =
    (m + 0.5) * Math.log((m + 1) / (r * nm)) +
    stirlingTail(m) +
    stirlingTail(n - m) +
    (n + 1) * Math.log(nm / nk) +
    (k + 0.5) * Math.log((nk * r) / (k + 1)) -
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
