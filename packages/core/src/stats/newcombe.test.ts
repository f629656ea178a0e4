import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { newcombeDifference } from './newcombe.ts';

describe('newcombeDifference (Newcombe 1998, method 10)', () => {
  it.each(campaignReference.newcombe)(
    'matches statsmodels for $x1/$n1 − $x2/$n2 at level $level',
    ({ x1, n1, x2, n2, level, estimate, lower, upper }) => {
      const d = newcombeDifference(x1, n1, x2, n2, level);
      expectClose(d.estimate, estimate, 1e-12, 'estimate');
      // Wilson bounds agree with statsmodels to ~1e-15; 1e-9 leaves room for the normal quantile at other levels.
      expectClose(d.lower, lower, 1e-9, 'lower');
      expectClose(d.upper, upper, 1e-9, 'upper');
    },
  );

  it("reproduces Newcombe's worked example (a): 56/70 − 48/80 is 0.2000 (0.0524 to 0.3339)", () => {
    const d = newcombeDifference(56, 70, 48, 80);
    expect([d.lower, d.upper].map((v) => v.toFixed(4))).toEqual(['0.0524', '0.3339']);
  });

  it('refuses an empty arm and a level outside (0, 1) with stable codes', () => {
    expect(() => newcombeDifference(0, 0, 3, 10)).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_EMPTY_ARM' }),
    );
    expect(() => newcombeDifference(1, 10, 3, 10, 1)).toThrowError(
      expect.objectContaining({ code: 'TEN_EXPERIMENT_BAD_LEVEL' }),
    );
    expect(() => newcombeDifference(11, 10, 3, 10)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
  });
});
