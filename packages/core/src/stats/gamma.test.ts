import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../../test/reference/stats/reference.ts';
import { chiSquarePValue, gammaQ, lnGamma } from './gamma.ts';

describe('gammaQ', () => {
  it.each(reference.gammaQ)('matches scipy.special.gammaincc($a, $x)', ({ a, x, q }) => {
    expectClose(gammaQ(a, x), q, 1e-9);
  });

  it('is 1 at x = 0 and gives the textbook chi-square critical values', () => {
    expect(gammaQ(2.5, 0)).toBe(1);
    expectClose(chiSquarePValue(3.841458820694124, 1), 0.05, 1e-12);
    expectClose(chiSquarePValue(5.991464547107979, 2), 0.05, 1e-12);
  });

  it('rejects arguments outside its domain', () => {
    for (const [a, x] of [
      [0, 1],
      [1, -1],
      [Number.NaN, 1],
    ]) {
      expect(() => gammaQ(a!, x!)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});

describe('lnGamma', () => {
  it('equals ln((n − 1)!) and ln √π at ½', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expectClose(lnGamma(n), Math.log(factorial), 1e-13, `n = ${n}`);
      factorial *= n;
    }
    expectClose(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
  });
});
