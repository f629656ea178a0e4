import { describe, expect, it } from 'vitest';
import { binomial } from './binomial.ts';
import { chiSquareGoodnessOfFit } from './chi-square.ts';
import { lnGamma } from './gamma.ts';
import { Random } from './random.ts';

const pmf = (n: number, p: number, k: number) =>
  Math.exp(lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));

/** χ² of the draws against the exact probabilities, cells with expected counts below 5 pooled into their neighbours. */
function fit(n: number, p: number, draws: number, seed: number) {
  const rng = new Random(seed);
  const observed = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) {
    const k = binomial(rng, n, p);
    observed[k] = (observed[k] as number) + 1;
  }
  const cellsO: number[] = [];
  const cellsE: number[] = [];
  let o = 0;
  let e = 0;
  let below = 0;
  for (let k = 0; k <= n; k++) {
    const expected = draws * pmf(n, p, k);
    o += observed[k] as number;
    e += expected;
    below += expected;
    // Close a cell once it expects 5 draws and enough remain above it for at least one more cell.
    if (e >= 5 && draws - below >= 5) {
      cellsO.push(o);
      cellsE.push(e);
      o = 0;
      e = 0;
    }
  }
  cellsO[cellsO.length - 1] = (cellsO.at(-1) as number) + o;
  cellsE[cellsE.length - 1] = (cellsE.at(-1) as number) + e;
  return chiSquareGoodnessOfFit(cellsO, cellsE);
}

describe('binomial sampler', () => {
  // Inversion (n·p < 10), BTRD (n·p ≥ 10), each mirrored above p = ½, and a large n. The seeds are fixed, so the
  // test is deterministic; a wrong sampler (e.g. a Stirling term off, the box too wide) fails it at 100,000 draws.
  it.each([
    [20, 0.2],
    [200, 0.03],
    [60, 0.95],
    [50, 0.3],
    [400, 0.5],
    [1000, 0.88],
    [100_000, 0.0004],
    [500_000, 0.02],
  ])('draws Binomial(%i, %f) with the exact probabilities (χ² p > 0.001)', (n, p) => {
    const { pValue } = fit(n, p, 100_000, 7);
    expect(pValue).toBeGreaterThan(0.001);
  });

  it('gives 0 or n at the edges and the same draws for the same seed', () => {
    const rng = new Random(3);
    expect([binomial(rng, 0, 0.3), binomial(rng, 10, 0), binomial(rng, 10, 1)]).toEqual([0, 0, 10]);
    const draws = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => binomial(r, 1000, 0.4));
    };
    expect(draws(11)).toEqual(draws(11));
    expect(draws(11)).not.toEqual(draws(12));
  });
});
