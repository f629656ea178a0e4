/**
 * Linear least squares min ‖A x − b‖₂ by Householder QR (Golub & Van Loan, "Matrix Computations", 4th ed., 2013,
 * §5.2 and §5.3.3), which avoids squaring the condition number as the normal equations AᵀA x = Aᵀb would.
 *
 * A column that is (numerically) a combination of the columns before it gets coefficient 0 and no reflection, so
 * rank-deficient problems still return a least-squares solution instead of dividing by a near-zero pivot.
 */

/** Relative size below which a column's remaining part counts as zero. */
const NEGLIGIBLE = 1e-10;

/**
 * Solves min ‖Σⱼ x[j]·columns[j] − target‖₂; every column has target.length rows.
 *
 * @example
 * leastSquares([[1, 1, 1], [0, 1, 2]], [1, 3, 5]); // ≈ [1, 2]: the line 1 + 2t through (0, 1), (1, 3), (2, 5)
 */
export function leastSquares(columns: readonly (readonly number[])[], target: readonly number[]): number[] {
  const a = columns.map((c) => [...c]);
  const b = [...target];
  const rows = b.length;
  const pivots: { column: number; row: number; diagonal: number }[] = [];
  let row = 0;
  for (let k = 0; k < a.length && row < rows; k++) {
    const v = a[k]!;
    const norm = Math.sqrt(sumOfSquares(v, row));
    if (norm <= NEGLIGIBLE * Math.max(Math.sqrt(sumOfSquares(columns[k]!, 0)), Number.MIN_VALUE)) continue;
    const diagonal = v[row]! > 0 ? -norm : norm;
    v[row]! -= diagonal;
    const vv = norm * (norm + Math.abs(v[row]! + diagonal));
    for (const t of [...a.slice(k + 1), b]) {
      let dot = 0;
      for (let i = row; i < rows; i++) dot += v[i]! * t[i]!;
      for (let i = row; i < rows; i++) t[i]! -= (dot / vv) * v[i]!;
    }
    pivots.push({ column: k, row, diagonal });
    row++;
  }
  const x = new Array<number>(a.length).fill(0);
  for (const { column, row: r, diagonal } of pivots.reverse()) {
    let rhs = b[r]!;
    for (const other of pivots) if (other.column > column) rhs -= a[other.column]![r]! * x[other.column]!;
    x[column] = rhs / diagonal;
  }
  return x;
}

function sumOfSquares(v: readonly number[], from: number): number {
  let sum = 0;
  for (let i = from; i < v.length; i++) sum += v[i]! * v[i]!;
  return sum;
}
