import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference/predict/reference.ts';
import { evaluate, prAuc, rocAuc } from './evaluation.ts';

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
});
