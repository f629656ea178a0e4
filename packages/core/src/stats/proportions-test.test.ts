import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { chiSquareHomogeneity } from './chi-square.ts';
import { twoProportionTest } from './proportions-test.ts';

describe('twoProportionTest (pooled z)', () => {
  it.each(campaignReference.zTest)('matches statsmodels for $x1/$n1 vs $x2/$n2', ({ x1, n1, x2, n2, z, p }) => {
    const t = twoProportionTest(x1, n1, x2, n2);
    expectClose(t.z, z, 1e-12, 'z');
    expectClose(t.p, p, 1e-9, 'p');
  });

  it('agrees with the chi-square test of the same 2×2 table (z² = X²)', () => {
    const t = twoProportionTest(30, 100, 45, 100);
    const chi = chiSquareHomogeneity([
      { successes: 30, n: 100 },
      { successes: 45, n: 100 },
    ]);
    expectClose(t.z * t.z, chi.statistic as number, 1e-12, 'z²');
    expectClose(t.p, chi.pValue as number, 1e-12, 'p');
  });

  it('answers z = 0, p = 1 when both arms have no events (or only events), where statsmodels divides 0 by 0', () => {
    expect(twoProportionTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionTest(10, 10, 20, 20)).toEqual({ z: 0, p: 1 });
  });

  it('refuses an empty arm', () => {
    expect(() => twoProportionTest(0, 10, 0, 0)).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_EMPTY_ARM' }),
    );
  });
});
