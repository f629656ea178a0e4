import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference/predict/reference.ts';
import { evaluate, prAuc, rocAuc, scoreCurve } from './evaluation.ts';

describe('evaluation measures against scikit-learn', () => {
  it.each(reference.metrics)('$name scores: ROC AUC, average precision, log loss, Brier, reliability curve', (c) => {
    const e = evaluate(Float64Array.from(c.p), Float64Array.from(c.y));
    expect(e.rocAuc).toBeCloseTo(c.rocAuc, 12);
    expect(e.prAuc).toBeCloseTo(c.prAuc, 12);
    expect(e.logLoss).toBeCloseTo(c.logLoss, 12);
    expect(e.brier).toBeCloseTo(c.brier, 12);
    const used = e.calibration.filter((b) => b.count > 0);
    expect(used.map((b) => b.observedRate)).toEqual(c.calibration.observedRate.map((v) => expect.closeTo(v, 12)));
    expect(used.map((b) => b.meanPredicted)).toEqual(c.calibration.meanPredicted.map((v) => expect.closeTo(v, 12)));
  });

  it('hand-computed: ties count half, average precision steps at each distinct score', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(prAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 15);
  });

  it('lift and capture in the top decile: 20 rows, the top 2 hold 2 of the 4 churners', () => {
    const p = Float64Array.from({ length: 20 }, (_, i) => 1 - i / 20);
    const y = Float64Array.from({ length: 20 }, (_, i) => (i === 0 || i === 1 || i === 10 || i === 15 ? 1 : 0));
    const e = evaluate(p, y);
    expect(e.captureAt10).toBe(0.5);
    expect(e.liftAt10).toBe(1 / (4 / 20));
  });

  it('curve points: one per distinct score when few, at least a hundred when many, ending at everyone', () => {
    const few = scoreCurve([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1]);
    expect(few.map((c) => c.threshold)).toEqual([0.8, 0.4, 0.35, 0.1]);
    expect(few.map((c) => c.tpr)).toEqual([1 / 3, 2 / 3, 1, 1]);
    expect(few.map((c) => c.fpr)).toEqual([0, 0.5, 0.5, 1]);
    // 2,000 distinct scores: not eleven bin edges (the old curve), nor 2,000 points, but a hundred.
    const n = 2000;
    const p = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const y = Float64Array.from(p, (v, i) => (v > 0.3 && i % 3 !== 0 ? 1 : 0));
    const many = scoreCurve(p, y);
    expect(many.length).toBeGreaterThanOrEqual(100);
    expect(many.length).toBeLessThan(200);
    // Ties never bring it under a hundred: 1,000 scores in 150 tied runs keep all 150.
    const tied = Float64Array.from({ length: 1000 }, (_, i) => Math.floor(i / 7) / 150);
    expect(
      scoreCurve(
        tied,
        Float64Array.from(tied, (_, i) => i % 2),
      ),
    ).toHaveLength(new Set(tied).size);
    expect(many.at(-1)).toMatchObject({ share: 1, tpr: 1, fpr: 1 });
    // Each point is exact: recount one in the middle.
    const mid = many[50]!;
    const flagged = [...p.keys()].filter((i) => p[i]! >= mid.threshold);
    const tp = flagged.filter((i) => y[i] === 1).length;
    const positives = y.reduce((a, v) => a + v, 0);
    expect(mid.tpr).toBeCloseTo(tp / positives, 12);
    expect(mid.share).toBeCloseTo(flagged.length / n, 12);
    expect(evaluate(p, y).curve).toEqual(many);
  });
});
