import { describe, expect, it } from 'vitest';
import { expectClose, reference } from '../../test/reference/stats/reference.ts';
import { chiSquareHomogeneity } from './chi-square.ts';

const segments = (table: readonly (readonly [number, number])[]) =>
  table.map(([yes, no]) => ({ successes: yes, n: yes + no }));

describe('chiSquareHomogeneity', () => {
  it.each(reference.chiSquare)('matches scipy chi2_contingency: $name', (ref) => {
    const test = chiSquareHomogeneity(segments(ref.table));
    expectClose(test.statistic, ref.statistic, 1e-9, 'statistic');
    expect(test.df).toBe(ref.df);
    expectClose(test.pValue, ref.pValue, 1e-9, 'p');
    test.segments.forEach((s, i) => {
      const expected = ref.segments[i];
      if (expected) {
        expectClose(s?.statistic, expected.statistic, 1e-9, `segment ${i} statistic`);
        expectClose(s?.pValue, expected.pValue, 1e-9, `segment ${i} p`);
      } else expect(s).toBeNull();
    });
  });

  it('leaves out empty segments and says so', () => {
    const test = chiSquareHomogeneity(
      segments([
        [8, 92],
        [0, 0],
        [21, 79],
      ]),
    );
    expect(test.excluded).toEqual([1]);
    expect(test.df).toBe(1);
    expect(test.notes.join(' ')).toMatch(/1 have no observations/);
  });

  it('gives no test when fewer than two segments have observations or every outcome is the same', () => {
    for (const table of [
      [[3, 7]],
      [
        [3, 7],
        [0, 0],
      ],
      [
        [0, 10],
        [0, 25],
      ],
      [
        [4, 0],
        [9, 0],
      ],
    ] as [number, number][][]) {
      const test = chiSquareHomogeneity(segments(table));
      expect([test.statistic, test.df, test.pValue]).toEqual([null, null, null]);
      expect(test.segments.every((s) => s === null)).toBe(true);
      expect(test.notes.length).toBeGreaterThan(0);
    }
  });

  it('warns when expected counts are small', () => {
    const test = chiSquareHomogeneity(
      segments([
        [1, 9],
        [4, 6],
      ]),
    );
    expect(test.pValue).not.toBeNull();
    expect(test.notes.join(' ')).toMatch(/expected count\(s\) below 5/);
  });

  it('rejects impossible counts', () => {
    expect(() => chiSquareHomogeneity([{ successes: 5, n: 3 }])).toThrowError(
      expect.objectContaining({ code: 'TEN_INTERNAL' }),
    );
  });
});
