import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../../test/reference/stats/reference.ts';
import { benjaminiHochberg, significant } from './benjamini-hochberg.ts';

describe('benjaminiHochberg', () => {
  it.each(reference.benjaminiHochberg)('matches statsmodels fdr_bh for $p', ({ p, adjusted, significant: reject }) => {
    const ours = benjaminiHochberg(p);
    ours.forEach((value, i) => {
      expectClose(value, adjusted[i]!, 1e-9, `p[${i}]`);
    });
    expect(significant(ours)).toEqual(reject);
  });

  it('keeps the order of the p-values, never lowers one and caps at 1', () => {
    const p = [0.8, 0.01, 0.3, 0.02, 0.99];
    const adjusted = benjaminiHochberg(p);
    adjusted.forEach((a, i) => {
      expect(a).toBeGreaterThanOrEqual(p[i]!);
      expect(a).toBeLessThanOrEqual(1);
    });
    const byP = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
    for (let r = 1; r < byP.length; r++) expect(adjusted[byP[r]!]).toBeGreaterThanOrEqual(adjusted[byP[r - 1]!]!);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('uses the given false discovery rate', () => {
    expect(significant([0.04, 0.08, 0.2], 0.1)).toEqual([true, true, false]);
  });

  it('rejects values that are not probabilities', () => {
    for (const p of [-0.1, 1.5, Number.NaN]) {
      expect(() => benjaminiHochberg([0.1, p])).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });
});
