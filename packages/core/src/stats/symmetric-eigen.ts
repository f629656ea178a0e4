/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * "Matrix Computations", 4th ed., 2013, §8.5.2, Algorithm 8.5.3). Slower than QR for large n, but the
 * matrices here are correlation matrices of a few survey questions, and Jacobi is accurate to the last digits
 * on small eigenvalues, which the square root of a near-singular correlation matrix depends on.
 * Matrices are row-major Float64Arrays of n × n.
 */

export interface SymmetricEigen {
  /** Eigenvalues, in the order of the columns of `vectors`. */
  values: Float64Array;
  /** Eigenvectors as columns (row-major n × n): A = V diag(values) Vᵀ. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values; // [1, 3] (in some order)
 */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off === 0 || Math.sqrt(off) < 1e-15 * frobenius(m)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        // The rotation that zeroes m[p][q] (Golub & Van Loan, Algorithm 8.5.1, symSchur2).
        const tau = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => m[i * n + i]!), vectors: v };
}

function frobenius(m: Float64Array): number {
  let s = 0;
  for (const x of m) s += x * x;
  return Math.sqrt(s);
}
