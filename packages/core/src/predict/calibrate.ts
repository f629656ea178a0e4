/**
 * Probability calibration by Platt scaling (Platt 1999, "Probabilistic outputs for support vector machines"):
 * P(churn | m) = σ(a·m + b), fitted on held-out margins by Newton's method on the log loss with Platt's
 * smoothed targets t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2), following the numerically careful form of Lin,
 * Lin & Weng 2007 ("A note on Platt's probabilistic outputs", Algorithm 1: Newton with backtracking and a
 * small ridge on the Hessian). Boosted trees tend to push margins too far; two parameters fix the scale and
 * the base rate without changing the order of customers (so AUC is unchanged).
 */

export interface Calibration {
  method: 'platt';
  a: number;
  b: number;
}

/** The identity calibration: probability = σ(margin). */
export const uncalibrated: Calibration = { method: 'platt', a: 1, b: 0 };

/** Calibrated probability of a margin. */
export const probability = (c: Calibration, m: number): number => 1 / (1 + Math.exp(-(c.a * m + c.b)));

/** Log loss of σ(a m + b) against targets t, computed without overflow. */
function loss(m: Float64Array, t: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) {
    const z = a * m[i]! + b;
    s += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - t[i]! * z;
  }
  return s;
}

/**
 * Fit a, b on margins and 0/1 labels.
 *
 * @example
 * fitPlatt(Float64Array.of(-2, -1, 1, 2), Float64Array.of(0, 1, 0, 1)); // { method: 'platt', a: …, b: … }
 */
export function fitPlatt(margin: Float64Array, y: Float64Array): Calibration {
  const pos = y.reduce((s, v) => s + v, 0);
  const neg = y.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = y.map((v) => (v ? hi : lo));
  let a = 1;
  let b = 0;
  let f = loss(margin, t, a, b);
  for (let it = 0; it < 100; it++) {
    // Gradient and Hessian of the log loss in (a, b); σ'(z) = p(1 − p).
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < margin.length; i++) {
      const m = margin[i]!;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const d = p - t[i]!;
      const w = p * (1 - p);
      ga += d * m;
      gb += d;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    // Backtrack until the loss decreases enough (Armijo, as Lin, Lin & Weng).
    let step = 1;
    while (step > 1e-10) {
      const fNew = loss(margin, t, a + step * da, b + step * db);
      if (fNew < f + 1e-4 * step * (ga * da + gb * db)) {
        a += step * da;
        b += step * db;
        f = fNew;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { method: 'platt', a, b };
}
