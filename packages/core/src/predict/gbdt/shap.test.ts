import { describe, expect, it } from 'vitest';
import { synthetic } from '../../../test/fixtures/predict/synthetic.ts';
import { fitGbdt } from './boost.ts';
import { gbdtMargin } from './predict.ts';
import { expectedValue, gbdtShap, treeShap } from './shap.ts';
import type { Tree } from './tree.ts';

/**
 * A hand-made tree over features 0, 1, 2 in which feature 0 splits twice on one path (the case UNWIND exists
 * for) and covers are uneven:
 *            0: x0 ≤ 0.5 (cover 10)
 *       1: x1 ≤ 0.5 (6)        2: x0 ≤ 1.5 (4)
 *     3: x2 ≤ 0.5 (4)  4 (2)   5 (1)  6 (3)
 *     7 (3)  8 (1)
 */
const tree: Tree = {
  feature: [0, 1, 0, 2, -1, -1, -1, -1, -1],
  threshold: [0.5, 0.5, 1.5, 0.5, null, null, null, null, null],
  categories: [null, null, null, null, null, null, null, null, null],
  defaultLeft: [true, true, true, true, false, false, false, false, false],
  left: [1, 3, 5, 7, -1, -1, -1, -1, -1],
  right: [2, 4, 6, 8, -1, -1, -1, -1, -1],
  value: [0, 0, 0, 0, 2.5, -1, 4, 0.5, -3],
  cover: [10, 6, 4, 4, 2, 1, 3, 3, 1],
  gain: [1, 1, 1, 1, 0, 0, 0, 0, 0],
};

const goes = (x: number[]) => (k: number) => x[tree.feature[k]!]! <= tree.threshold[k]!;

/** Algorithm 1 of Lundberg et al. 2018: E[f(x) | x_S], following x where S fixes the feature, else weighting by cover. */
function expValue(x: number[], S: Set<number>, k = 0): number {
  const f = tree.feature[k]!;
  if (f < 0) return tree.value[k]!;
  const [l, r] = [tree.left[k]!, tree.right[k]!];
  if (S.has(f)) return expValue(x, S, goes(x)(k) ? l : r);
  return (tree.cover[l]! * expValue(x, S, l) + tree.cover[r]! * expValue(x, S, r)) / tree.cover[k]!;
}

/** Shapley values by enumerating every subset: φ_i = Σ_S |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)). */
function bruteForce(x: number[], M: number): number[] {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  return Array.from({ length: M }, (_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << M; mask++) {
      if (mask & (1 << i)) continue;
      const S = new Set(Array.from({ length: M }, (_, j) => j).filter((j) => mask & (1 << j)));
      const w = (fact(S.size) * fact(M - S.size - 1)) / fact(M);
      phi += w * (expValue(x, new Set([...S, i])) - expValue(x, S));
    }
    return phi;
  });
}

describe('TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2)', () => {
  const rows = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 0],
    [2, 1, 1],
    [0, 0, 1],
    [1, 1, 0],
  ];
  it.each(rows)('matches brute-force Shapley values on a small tree at x = (%d, %d, %d)', (...x) => {
    const phi = new Float64Array(3);
    treeShap(tree, goes(x), phi);
    const exact = bruteForce(x, 3);
    phi.forEach((v, i) => {
      expect(v).toBeCloseTo(exact[i]!, 12);
    });
    // Local accuracy: the values share out f(x) − E[f(x)].
    const sum = phi.reduce((a, v) => a + v, 0);
    expect(sum).toBeCloseTo(expValue(x, new Set([0, 1, 2])) - expectedValue(tree), 12);
  });

  it('sum to the margin minus the expected value for every row of a fitted ensemble', async () => {
    const train = synthetic(4_000, 6);
    const model = await fitGbdt(train, null, { trees: 30, maxDepth: 5, learningRate: 0.2, threads: 1 });
    const test = synthetic(300, 7);
    const margin = gbdtMargin(model, test.frame);
    const { expected, values, F } = gbdtShap(model, test.frame);
    for (let r = 0; r < test.frame.rows; r++) {
      let s = expected;
      for (let f = 0; f < F; f++) s += values[r * F + f]!;
      expect(s).toBeCloseTo(margin[r]!, 10);
    }
    // The noise feature x5 gets far less than the signal features x0 and x2.
    const meanAbs = (f: number) => values.filter((_, i) => i % F === f).reduce((a, v) => a + Math.abs(v), 0);
    expect(meanAbs(5)).toBeLessThan(meanAbs(0) / 4);
    expect(meanAbs(5)).toBeLessThan(meanAbs(2) / 4);
  });

  it("gives a row the same values to the last bit, however many rows shared a tree's walk before it", async () => {
    const train = synthetic(4_000, 6);
    const model = await fitGbdt(train, null, { trees: 30, maxDepth: 5, learningRate: 0.2, threads: 1 });
    const test = synthetic(300, 8);
    const all = gbdtShap(model, test.frame);
    // A copy of the model keeps no values of its own yet: every row alone, walked or found, in another order.
    const fresh = structuredClone(model);
    for (const r of [299, 0, 150, 7]) {
      const one = { ...test.frame, rows: 1, columns: test.frame.columns.map((c) => c.slice(r, r + 1)) };
      const F = all.F;
      expect(gbdtShap(fresh, one as typeof test.frame).values).toEqual(all.values.slice(r * F, (r + 1) * F));
    }
  });
});
