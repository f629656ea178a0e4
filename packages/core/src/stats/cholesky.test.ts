import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, inverseSpd } from './cholesky.ts';

// A = MᵀM + I for a fixed M: symmetric positive definite.
const M = [
  [2, -1, 0.5],
  [0.3, 1, 4],
  [1, 1, 1],
];
const A = Float64Array.from({ length: 9 }, (_, k) => {
  const [i, j] = [Math.floor(k / 3), k % 3];
  return M.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 1 : 0);
});
const times = (a: Float64Array, x: ArrayLike<number>) =>
  [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + a[i * 3 + j]! * x[j]!, 0));

describe('cholesky', () => {
  it('factors A = L Lᵀ with L lower triangular', () => {
    const l = cholesky(A, 3)!;
    expect([l[1], l[2], l[5]]).toEqual([0, 0, 0]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const llt = [0, 1, 2].reduce((s, k) => s + l[i * 3 + k]! * l[j * 3 + k]!, 0);
        expect(llt).toBeCloseTo(A[i * 3 + j]!, 12);
      }
  });

  it('solves A x = b and inverts A', () => {
    const x = choleskySolve(cholesky(A, 3)!, 3, [1, -2, 3]);
    times(A, x).forEach((v, i) => {
      expect(v).toBeCloseTo([1, -2, 3][i]!, 12);
    });
    const inv = inverseSpd(A, 3)!;
    for (let j = 0; j < 3; j++) {
      const col = [0, 1, 2].map((i) => inv[i * 3 + j]!);
      times(A, col).forEach((v, i) => {
        expect(v).toBeCloseTo(i === j ? 1 : 0, 12);
      });
    }
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(inverseSpd(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(Number.NaN), 1)).toBeNull();
  });
});
