import { describe, expect, it } from 'vitest';
import { adjustedRand } from './adjusted-rand.ts';

describe('adjustedRand', () => {
  it('is 1 for the same partition under other labels', () => {
    expect(adjustedRand(['a', 'a', 'b', 'b', 'c'], [2, 2, 0, 0, 1])).toBe(1);
  });

  it('matches a contingency table worked by hand', () => {
    // x: {0,1,2} {3,4,5}; y: {0,1} {2,3} {4,5}. Cells 1,1,1,1 (sizes 2,1,1,2): Σ C(n_ij,2) = 1 + 0 + 0 + 1 = 2.
    // Rows 3,3: Σ C = 6. Columns 2,2,2: Σ C = 3. E = 6 × 3 / C(6,2) = 18 / 15 = 1.2; max = 4.5.
    // ARI = (2 − 1.2) / (4.5 − 1.2) = 0.8 / 3.3 = 0.242424…
    expect(adjustedRand([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
  });

  it('is near 0 for unrelated partitions and can be negative', () => {
    expect(adjustedRand([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('refuses partitions of different lengths', () => {
    expect(() => adjustedRand([0, 1], [0])).toThrow(RangeError);
  });
});
