/**
 * BFGS quasi-Newton minimisation with a strong-Wolfe line search (Nocedal & Wright, "Numerical Optimization",
 * 2nd ed., 2006: Algorithm 6.1 for the update with the H₀ scaling of eq. 6.20, Algorithms 3.5–3.6 for the line
 * search). The lifetime models' likelihoods have 2–4 parameters and analytic gradients, where BFGS converges
 * superlinearly in a few dozen gradient evaluations; Nelder–Mead needs hundreds and stops less precisely.
 *
 * Non-finite values are treated as +∞, so the line search backs off from regions where a likelihood overflows.
 */

/** f(x) and its gradient, written into `grad`. */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface BfgsOptions {
  /**
   * Converged when every |∂f/∂xᵢ| ≤ this at the end. Iterations go on to a thousandth of it, or until f stops
   * decreasing in floating point (then the gradient is as small as the rounding of f allows). Default 1e-6.
   */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
  /** A starting inverse-Hessian approximation (e.g. from a run on a sample of the data); default I. */
  inverseHessian?: readonly Float64Array[];
}

export interface BfgsResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  /** The final inverse-Hessian approximation, to warm-start a related problem. */
  inverseHessian: Float64Array[];
  /** Gradient evaluations, line searches included. */
  evaluations: number;
  converged: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;

/**
 * Minimises `f` from `x0`.
 *
 * @example
 * bfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, [0]).x; // Float64Array [3]
 */
export function bfgs(f: ValueAndGradient, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const { gradientTolerance = 1e-6, maxIterations = 500 } = options;
  const target = gradientTolerance * 1e-3;
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array, g: Float64Array) => {
    evaluations++;
    const v = f(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Number.POSITIVE_INFINITY;
  };
  let x: Float64Array = Float64Array.from(x0);
  let g: Float64Array = new Float64Array(n);
  let value = evaluate(x, g);
  const H = options.inverseHessian ? options.inverseHessian.map((row) => Float64Array.from(row)) : identity(n);
  if (!Number.isFinite(value))
    return { x, value, gradient: g, iterations: 0, inverseHessian: H, evaluations, converged: false };
  const d = new Float64Array(n);
  let iterations = 0;
  while (maxAbs(g) > target && iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) d[i] = -dot(H[i]!, g);
    if (dot(d, g) >= 0) {
      // Lost descent (rounding): restart from steepest descent.
      setScaledIdentity(H, 1);
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
    }
    const step = lineSearch(evaluate, x, value, g, d);
    if (!step) break;
    const s = step.x.map((v, i) => v - x[i]!);
    const y = step.g.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 1 && !options.inverseHessian) setScaledIdentity(H, sy / dot(y, y));
      update(H, s, y, sy);
    }
    const progress = Math.abs(value - step.value);
    x = step.x;
    g = step.g;
    value = step.value;
    // A step that changes f by less than rounding cannot make further progress.
    if (progress <= 1e-15 * Math.abs(value)) break;
  }
  return {
    x,
    value,
    gradient: g,
    iterations,
    inverseHessian: H,
    evaluations,
    converged: maxAbs(g) <= gradientTolerance,
  };
}

interface Point {
  x: Float64Array;
  g: Float64Array;
  value: number;
}

/** Strong-Wolfe line search along d (N&W Algorithm 3.5) with zoom by safeguarded cubic interpolation (3.6). */
function lineSearch(
  evaluate: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
): Point | null {
  const slope0 = dot(g0, d);
  const at = (t: number): Point & { t: number; slope: number } => {
    const xt = x.map((v, i) => v + t * d[i]!);
    const g = new Float64Array(x.length);
    const value = evaluate(xt, g);
    return { t, x: xt, g, value, slope: Number.isFinite(value) ? dot(g, d) : Number.NaN };
  };
  let prev = { t: 0, x, g: g0, value: f0, slope: slope0 };
  let t = 1;
  for (let i = 0; i < 60; i++) {
    const cur = at(t);
    if (!Number.isFinite(cur.value)) {
      t = prev.t + (t - prev.t) / 10; // overflowed: come back towards the last finite point
      continue;
    }
    if (cur.value > f0 + C1 * t * slope0 || (i > 0 && cur.value >= prev.value)) return zoom(at, f0, slope0, prev, cur);
    if (Math.abs(cur.slope) <= -C2 * slope0) return cur;
    if (cur.slope >= 0) return zoom(at, f0, slope0, cur, prev);
    prev = cur;
    t *= 2;
  }
  return null;
}

type Trial = Point & { t: number; slope: number };

function zoom(at: (t: number) => Trial, f0: number, slope0: number, lo: Trial, hi: Trial): Trial | null {
  for (let i = 0; i < 60; i++) {
    const t = cubicMin(lo, hi);
    const cur = at(t);
    if (!Number.isFinite(cur.value) || cur.value > f0 + C1 * t * slope0 || cur.value >= lo.value) {
      hi = cur;
    } else {
      if (Math.abs(cur.slope) <= -C2 * slope0) return cur;
      if (cur.slope * (hi.t - lo.t) >= 0) hi = lo;
      lo = cur;
    }
    if (Math.abs(hi.t - lo.t) <= 1e-14 * Math.max(1, Math.abs(lo.t))) break;
  }
  // The interval collapsed: accept the best point if it decreased f at all.
  return lo.t > 0 && lo.value < f0 ? lo : null;
}

/** Minimiser of the cubic through (lo, hi) with their slopes, kept inside the middle 80 % of the bracket. */
function cubicMin(lo: Trial, hi: Trial): number {
  const [a, b] = lo.t < hi.t ? [lo.t, hi.t] : [hi.t, lo.t];
  let t = (lo.t + hi.t) / 2;
  if (Number.isFinite(hi.value) && Number.isFinite(hi.slope)) {
    const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.t - hi.t);
    const disc = d1 * d1 - lo.slope * hi.slope;
    if (disc >= 0) {
      const d2 = Math.sign(hi.t - lo.t) * Math.sqrt(disc);
      const c = hi.t - (hi.t - lo.t) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
      if (Number.isFinite(c)) t = c;
    }
  }
  const margin = 0.1 * (b - a);
  return Math.min(b - margin, Math.max(a + margin, t));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / yᵀs (N&W eq. 6.17). */
function update(H: Float64Array[], s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i]![j] = H[i]![j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
}

function identity(n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
/** H ← γ I. */
function setScaledIdentity(H: Float64Array[], gamma: number): void {
  for (let i = 0; i < H.length; i++) for (let j = 0; j < H.length; j++) H[i]![j] = i === j ? gamma : 0;
}
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
