import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { normalQuantile, normalUpperTail } from './normal.ts';

describe('normal distribution', () => {
  it.each(campaignReference.normal.quantile)('quantile matches scipy at p = $p', ({ p, z }) => {
    // AS 241 is good to about 1e-16; the absolute slack covers z = 0 at p = 0.5.
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
  });

  it.each(campaignReference.normal.upperTail)('upper tail matches scipy at z = $z', ({ z, p }) => {
    expectClose(normalUpperTail(z), p, 1e-12, 'tail');
  });

  it('refuses p outside (0, 1)', () => {
    for (const p of [0, 1, Number.NaN]) {
      expect(() => normalQuantile(p)).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});
