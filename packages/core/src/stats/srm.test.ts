import { describe, expect, it } from 'vitest';
import { campaignReference } from '../../test/reference/stats/campaign-reference.ts';
import { expectClose } from '../../test/reference/stats/reference.ts';
import { sampleRatioMismatch } from './srm.ts';

describe('sampleRatioMismatch', () => {
  it.each(campaignReference.srm)(
    'matches scipy for $observed against $shares',
    ({ observed, shares, chi2, p, mismatch }) => {
      const s = sampleRatioMismatch(observed, shares);
      expectClose(s.chi2, chi2, 1e-12, 'chi2');
      expectClose(s.p, p, 1e-9, 'p');
      expect(s.mismatch).toBe(mismatch);
    },
  );

  it('sees no mismatch without members, and refuses a share of 0', () => {
    expect(sampleRatioMismatch([0, 0], [0.9, 0.1])).toEqual({ chi2: 0, p: 1, mismatch: false });
    expect(() => sampleRatioMismatch([10, 10], [1, 0])).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
  });
});
