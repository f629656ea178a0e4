/**
 * Key-driver analysis over a correlation matrix: how much of the explained variance R² of an outcome (an NPS or
 * CSAT score) each driver (the answer dimensions) carries, when the drivers are correlated with each other, as
 * survey questions always are. Two answers, both splitting R² exactly:
 *
 * Relative weights, Johnson (2000), "A heuristic method for estimating the relative weight of predictor variables
 * in multiple regression", Multivariate Behavioral Research 35(1):1–19. With Rxx = Q Λ Qᵀ the drivers'
 * correlation matrix and rxy their correlations with the outcome, the orthogonal counterparts Z of the drivers
 * are related to them by Λ* = Rxx^½ = Q Λ^½ Qᵀ; the outcome regressed on Z has β = Rxx^−½ rxy, and driver j's
 * weight is (the paper's eq. for ε_j)
 *
 *   ε_j = Σ_k (Λ*_jk)² β_k²,   Σ_j ε_j = R².
 *
 * Shapley decomposition of R², Lipovetsky & Conklin (2001), "Analysis of regression in game theory approach",
 * Applied Stochastic Models in Business and Industry 17(4):319–330: driver j's value is its mean marginal gain of
 * R² over every order of entering the drivers,
 *
 *   S_j = Σ_{M ⊆ P∖{j}} |M|! (p − |M| − 1)! / p! · (R²(M ∪ {j}) − R²(M)),   R²(M) = r_Mᵀ R_MM⁻¹ r_M.
 *
 * Shapley needs R² of all 2^p subsets, so it is computed up to MAX_SHAPLEY drivers (null beyond).
 */
import { cholesky, choleskySolve } from '../../stats/cholesky.ts';
import { symmetricEigen } from '../../stats/symmetric-eigen.ts';

/** 2^15 subsets, each a Cholesky of at most 15 × 15: well under a second. */
export const MAX_SHAPLEY = 15;

export interface KeyDriverWeights {
  rSquared: number;
  /** Standardized regression coefficients Rxx⁻¹ rxy. */
  beta: Float64Array;
  relativeWeights: Float64Array;
  shapley: Float64Array | null;
}

/**
 * Weights of p drivers from their correlation matrix `rxx` (row-major p × p) and correlations `rxy` with the
 * outcome. A singular Rxx (a driver that repeats another) gets a zero weight for the redundant direction.
 *
 * @example
 * keyDriverWeights(Float64Array.of(1, 0, 0, 1), Float64Array.of(0.6, 0.3), 2).relativeWeights; // [0.36, 0.09]
 */
export function keyDriverWeights(rxx: Float64Array, rxy: Float64Array, p: number): KeyDriverWeights {
  return { ...johnson(rxx, rxy, p), shapley: p <= MAX_SHAPLEY ? shapleyR2(rxx, rxy, p) : null };
}

/** R², β and Johnson's weights, through the eigendecomposition of Rxx. */
function johnson(rxx: Float64Array, rxy: Float64Array, p: number): Omit<KeyDriverWeights, 'shapley'> {
  const { values, vectors } = symmetricEigen(rxx, p);
  const scale = Math.max(...values, 0);
  // Eigenvalues at rounding level are a redundant driver: its direction explains nothing.
  const keep = Float64Array.from(values, (l) => (l > 1e-12 * scale ? l : 0));
  const half = reassemble(vectors, p, (l) => Math.sqrt(l), keep);
  const halfInverse = reassemble(vectors, p, (l) => (l > 0 ? 1 / Math.sqrt(l) : 0), keep);
  const inverse = reassemble(vectors, p, (l) => (l > 0 ? 1 / l : 0), keep);
  const b = multiply(halfInverse, rxy, p);
  const beta = multiply(inverse, rxy, p);
  const relativeWeights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < p; k++) relativeWeights[j]! += half[j * p + k]! ** 2 * b[k]! ** 2;
  }
  let rSquared = 0;
  for (let j = 0; j < p; j++) rSquared += beta[j]! * rxy[j]!;
  return { rSquared, beta, relativeWeights };
}

/** Q f(Λ) Qᵀ. */
function reassemble(q: Float64Array, p: number, f: (l: number) => number, values: Float64Array): Float64Array {
  const out = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const fk = f(values[k]!);
    if (fk === 0) continue;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j]! += q[i * p + k]! * fk * q[j * p + k]!;
  }
  return out;
}

function multiply(m: Float64Array, x: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i]! += m[i * p + j]! * x[j]!;
  return out;
}

/** Shapley values of R² over every subset of drivers (subsets as bit masks). */
export function shapleyR2(rxx: Float64Array, rxy: Float64Array, p: number): Float64Array {
  const r2 = new Float64Array(1 << p);
  for (let mask = 1; mask < 1 << p; mask++) r2[mask] = subsetR2(rxx, rxy, p, mask);
  const factorial = [1];
  for (let i = 1; i <= p; i++) factorial.push(factorial[i - 1]! * i);
  const out = new Float64Array(p);
  for (let mask = 0; mask < 1 << p; mask++) {
    const size = popcount(mask);
    const weight = (factorial[size]! * factorial[p - size - 1]!) / factorial[p]!;
    for (let j = 0; j < p; j++) {
      if (mask & (1 << j)) continue;
      out[j]! += weight * (r2[mask | (1 << j)]! - r2[mask]!);
    }
  }
  return out;
}

/** R² of the outcome on the drivers in `mask`: r_Mᵀ R_MM⁻¹ r_M; a singular subset through the eigendecomposition, which drops its redundant direction. */
function subsetR2(rxx: Float64Array, rxy: Float64Array, p: number, mask: number): number {
  const idx: number[] = [];
  for (let j = 0; j < p; j++) if (mask & (1 << j)) idx.push(j);
  const m = idx.length;
  const sub = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = rxx[idx[a]! * p + idx[b]!]!;
  const r = Float64Array.from(idx, (j) => rxy[j]!);
  const l = cholesky(sub, m);
  if (!l) return johnson(sub, r, m).rSquared;
  const x = choleskySolve(l, m, r);
  let s = 0;
  for (let a = 0; a < m; a++) s += x[a]! * r[a]!;
  return s;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
