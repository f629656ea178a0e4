import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { cuped } from './cuped.ts';

describe('cuped (Deng, Xu, Kohavi & Walker 2013)', () => {
  it.each(campaignReference.cuped)('matches NumPy on the rows: $name', (ref) => {
    const r = cuped(ref.treatment, ref.control, ref.level);
    // Sums of squares lose a few digits against NumPy's two-pass variances; 1e-9 relative is far below any display.
    expectClose(r.theta, ref.theta, 1e-9, 'theta');
    expectClose(r.varianceReduction, ref.varianceReduction, 1e-9, 'variance reduction');
    for (const kind of ['unadjusted', 'adjusted'] as const) {
      for (const bound of ['estimate', 'lower', 'upper'] as const) {
        expectClose(r[kind][bound], ref[kind][bound], 1e-9, `${kind} ${bound}`);
      }
    }
  });

  it('narrows the interval when the covariate predicts the outcome', () => {
    const strong = campaignReference.cuped[0]!;
    const r = cuped(strong.treatment, strong.control);
    expect(r.adjusted.upper - r.adjusted.lower).toBeLessThan(r.unadjusted.upper - r.unadjusted.lower);
  });

  it('leaves the difference unadjusted when the covariate is constant', () => {
    const arm = (n: number, sumY: number, sumY2: number) => ({
      n,
      sumY,
      sumY2,
      sumX: 5 * n,
      sumX2: 25 * n,
      sumXY: 5 * sumY,
    });
    const r = cuped(arm(4, 10, 30), arm(3, 3, 5));
    expect(r.theta).toBe(0);
    expect(r.adjusted).toEqual(r.unadjusted);
    expect(r.varianceReduction).toBe(0);
  });

  it('refuses an arm with fewer than two members (no variance)', () => {
    const one = { n: 1, sumY: 1, sumY2: 1, sumX: 1, sumX2: 1, sumXY: 1 };
    expect(() => cuped(one, one)).toThrowError(expect.objectContaining({ code: 'TEN_EXPERIMENT_EMPTY_ARM' }));
  });
});
