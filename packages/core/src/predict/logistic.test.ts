import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference/predict/reference.ts';
import { fitPlatt, probability } from './calibrate.ts';
import type { Frame } from './frame.ts';
import { fitLogistic, logisticMargin, logisticShap } from './logistic.ts';

describe('L2 logistic regression against scikit-learn', () => {
  const r = reference.logistic;
  const frame: Frame = {
    rows: r.y.length,
    features: r.X.map((_, j) => ({ name: `x${j}`, kind: 'numeric' })),
    columns: r.X.map((col) => Float64Array.from(col)),
  };
  const y = Float64Array.from(r.y);

  it('reproduces LogisticRegression(C = 1/λ) coefficients on standardised data', () => {
    const m = fitLogistic(frame, y, { lambda: r.lambda });
    expect(m.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(r.intercept, 6);
    // Standardising already-standardised columns is the identity, so the coefficients compare directly.
    m.terms.forEach((t, j) => {
      expect(t.kind).toBe('value');
      expect(t.coef).toBeCloseTo(r.coef[j]!, 6);
    });
  });

  it('missing values get an indicator, categories one-hot terms; Shapley values add up to the margin', () => {
    const x = Float64Array.from(r.X[0]!, (v, i) => (i % 9 === 0 ? Number.NaN : v));
    const c = r.y.map((v, i) => (i % 3 === 0 ? '' : v ? 'gold' : i % 2 ? 'silver' : 'bronze'));
    const f: Frame = {
      rows: r.y.length,
      features: [
        { name: 'x', kind: 'numeric' },
        { name: 'plan', kind: 'categorical' },
      ],
      columns: [x, c],
    };
    const m = fitLogistic(f, y);
    const names = m.terms.map((t) => (t.kind === 'level' ? t.level : t.kind));
    expect(names.sort()).toEqual(['bronze', 'gold', 'missing', 'silver', 'value']);
    const margin = logisticMargin(m, f);
    const { expected, values } = logisticShap(m, f);
    for (let i = 0; i < f.rows; i++) expect(expected + values[2 * i]! + values[2 * i + 1]!).toBeCloseTo(margin[i]!, 12);
  });
});

describe('Platt scaling against scikit-learn', () => {
  it('fits the same sigmoid as sklearn.calibration._sigmoid_calibration', () => {
    const p = reference.platt;
    const c = fitPlatt(Float64Array.from(p.margin), Float64Array.from(p.y));
    expect(c.a).toBeCloseTo(p.a, 4);
    expect(c.b).toBeCloseTo(p.b, 4);
    expect(probability(c, 0)).toBeCloseTo(1 / (1 + Math.exp(-p.b)), 4);
  });
});
