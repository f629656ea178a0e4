/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix, and what the models build on it:
 * solving A x = b (Newton steps of Cox regression) and A⁻¹ (covariances from an information matrix). Golub &
 * Van Loan, "Matrix Computations", 4th ed. (2013), Algorithm 4.2.1. Matrices are row-major Float64Arrays of n × n.
 */

/**
 * L with A = L Lᵀ, or null when A is not (numerically) positive definite: then the point is not a strict
 * maximum of the likelihood, which callers report rather than invert.
 *
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 3), 2); // Float64Array [2, 0, 1, √2]
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 1e-14 * Math.abs(a[j * n + j]!)) || !(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** x with L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) y[i]! -= l[i * n + k]! * y[k]!;
    y[i]! /= l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) y[i]! -= l[k * n + i]! * y[k]!;
    y[i]! /= l[i * n + i]!;
  }
  return y;
}

/**
 * A⁻¹ of a symmetric positive-definite A, or null if it is not positive definite.
 *
 * @example
 * inverseSpd(Float64Array.of(2, 0, 0, 4), 2); // Float64Array [0.5, 0, 0, 0.25]
 */
export function inverseSpd(a: Float64Array, n: number): Float64Array | null {
  const l = cholesky(a, n);
  if (!l) return null;
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const col = choleskySolve(
      l,
      n,
      Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
    );
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}
