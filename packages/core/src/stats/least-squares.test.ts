import { describe, expect, it } from 'vitest';
import { leastSquares } from './least-squares.ts';

const near = (actual: number[], expected: number[]) =>
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, 12);
  });

describe('leastSquares', () => {
  it('solves an exactly determined line and an overdetermined regression', () => {
    near(
      leastSquares(
        [
          [1, 1, 1],
          [0, 1, 2],
        ],
        [1, 3, 5],
      ),
      [1, 2],
    );
    // 1 + 2t plus residuals (0.5, −0.5, −0.5, 0.5), which sum to zero and are orthogonal to t.
    near(
      leastSquares(
        [
          [1, 1, 1, 1],
          [0, 1, 2, 3],
        ],
        [1.5, 2.5, 4.5, 7.5],
      ),
      [1, 2],
    );
  });

  it('gives a dependent column coefficient 0 and still fits', () => {
    const x = leastSquares(
      [
        [1, 1, 1],
        [2, 2, 2],
        [0, 1, 2],
      ],
      [1, 3, 5],
    );
    near(x, [1, 0, 2]);
  });
});
