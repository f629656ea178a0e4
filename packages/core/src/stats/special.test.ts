import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { lnGamma } from './gamma.ts';
import { digamma, hyp2f1, lnBeta } from './special.ts';

const EULER = 0.5772156649015329;

describe('digamma', () => {
  it('takes its known values at 1, ½ and 1/4', () => {
    expectClose(digamma(1), -EULER, 1e-14);
    expectClose(digamma(0.5), -EULER - 2 * Math.LN2, 1e-14);
    expectClose(digamma(0.25), -EULER - Math.PI / 2 - 3 * Math.LN2, 1e-14);
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x and is the derivative of ln Γ', () => {
    for (const x of [0.01, 0.3, 1.7, 9.99, 10, 42.5, 1e4]) {
      expectClose(digamma(x + 1), digamma(x) + 1 / x, 1e-13, `x = ${x}`);
      const h = 1e-5 * x;
      expectClose(digamma(x), (lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 1e-7, `x = ${x}`);
    }
  });
});

describe('lnBeta', () => {
  it('is ln((a − 1)! (b − 1)! / (a + b − 1)!) for whole numbers', () => {
    expectClose(lnBeta(2, 3), Math.log(1 / 12), 1e-14);
    expectClose(lnBeta(3, 4), Math.log(1 / 60), 1e-14);
  });
});

describe('hyp2f1', () => {
  it('reduces to elementary functions', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      if (z > 0) expectClose(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-13, `ln, z = ${z}`);
      expectClose(hyp2f1(0.7, 2.3, 2.3, z), (1 - z) ** -0.7, 1e-13, `power, z = ${z}`);
      const s = Math.sqrt(z);
      if (z > 0) expectClose(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(s) / s, 1e-13, `asin, z = ${z}`);
    }
  });

  it('takes negative parameters as long as c is not 0, −1, −2, …', () => {
    for (const z of [0.2, 0.95]) expectClose(hyp2f1(0.7, -2.3, -2.3, z), (1 - z) ** -0.7, 1e-12, `z = ${z}`);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
  });

  it('refuses z outside [0, 1)', () => {
    for (const z of [-0.1, 1, Number.NaN])
      expect(() => hyp2f1(1, 1, 2, z)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
  });
});
