import { describe, expect, it } from 'vitest';
import { synthetic } from '../../../test/fixtures/predict/synthetic.ts';
import { rocAuc } from '../evaluation.ts';
import type { Frame } from '../frame.ts';
import { applyBins, fitBins, MISSING, numericBin, OTHER } from './bin.ts';
import { fitGbdt } from './boost.ts';
import { HistogramPool } from './histogram.ts';
import { gbdtMargin } from './predict.ts';

const numeric = (...cols: number[][]): Frame => ({
  rows: cols[0]!.length,
  features: cols.map((_, i) => ({ name: `x${i}`, kind: 'numeric' })),
  columns: cols.map((c) => Float64Array.from(c)),
});
/** One tree, one split, no shrinkage or penalty: leaf values are the Newton steps −G/H. */
const stump = { trees: 1, maxDepth: 1, learningRate: 1, lambda: 0, minChildWeight: 0, threads: 1 };

describe('quantile bins', () => {
  it('bin(x) ≤ t exactly when x ≤ cuts[t − 1]; missing is bin 0', () => {
    const x = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const [b] = fitBins(numeric([...x, Number.NaN]));
    if (b?.kind !== 'numeric') throw new Error('numeric bins expected');
    expect(b.cuts.length).toBe(254);
    for (const v of [-1, 0, 3.5, 500, 998.2, 999, 2000])
      for (let t = 1; t <= b.cuts.length; t++) expect(numericBin(b.cuts, v) <= t).toBe(v <= b.cuts[t - 1]!);
    expect(numericBin(b.cuts, Number.NaN)).toBe(MISSING);
    // The column binning (branch-free search) agrees with numericBin on every value.
    const values = [...x.map((v) => v + 0.5), Number.NaN, -5, 1e9, ...b.cuts];
    const f = numeric(values);
    expect([...applyBins(f, [b]).data]).toEqual(values.map((v) => numericBin(b.cuts, v)));
  });

  it('few distinct values get one bin each; categories by frequency, others and unseen share the last bin', () => {
    const frame: Frame = {
      rows: 6,
      features: [
        { name: 'n', kind: 'numeric' },
        { name: 'c', kind: 'categorical' },
      ],
      columns: [Float64Array.of(3, 1, 3, 2, Number.NaN, 1), ['b', 'a', 'b', '', 'b', 'a']],
    };
    const bins = fitBins(frame);
    expect(bins).toEqual([
      { kind: 'numeric', cuts: [1, 2] },
      { kind: 'categorical', categories: ['b', 'a'] },
    ]);
    const unseen: Frame = { ...frame, rows: 1, columns: [Float64Array.of(2.5), ['zzz']] };
    expect([...applyBins(frame, bins).data]).toEqual([3, 1, 1, 2, 3, 1, 2, 0, 0, 1, 1, 2]);
    expect([...applyBins(unseen, bins).data]).toEqual([3, OTHER]);
  });
});

describe('splits (Chen & Guestrin 2016, eq. 5 and 7)', () => {
  it('a stump on x = 1..4, y = 0,0,1,1 cuts at 2 with leaves −G/H = ∓2', async () => {
    const m = await fitGbdt({ frame: numeric([1, 2, 3, 4]), label: Float64Array.of(0, 0, 1, 1) }, null, stump);
    // p = 0.5 everywhere: g = ±0.5, h = 0.25, so each side has |G| = 1, H = 0.5, gain = ½ (2 + 2 − 0) = 2.
    expect(m.baseScore).toBe(0);
    const t = m.trees[0]!;
    expect([t.feature[0], t.threshold[0], t.gain[0]]).toEqual([0, 2, 2]);
    expect(t.value.slice(1)).toEqual([-2, 2]);
    expect(t.cover).toEqual([4, 2, 2]);
  });

  it('missing values learn the direction that fits them: with the churners, not with the rest', async () => {
    // Missing rows churn like the high ones: they must default to the right (x > cut) child.
    const m = await fitGbdt(
      { frame: numeric([1, 2, 3, 4, Number.NaN, Number.NaN]), label: Float64Array.of(0, 0, 1, 1, 1, 1) },
      null,
      stump,
    );
    expect(m.trees[0]!.defaultLeft[0]).toBe(false);
    const margin = gbdtMargin(m, numeric([Number.NaN, 1, 4]));
    expect(margin[0]).toBe(margin[2]);
    expect(margin[0]).toBeGreaterThan(margin[1]!);
  });

  it('categories split natively: the churning ones go together, whatever their order of frequency', async () => {
    const cats = ['a', 'b', 'c', 'd', 'e'];
    const c = Array.from({ length: 500 }, (_, i) => cats[i % 5]!);
    const y = Float64Array.from(c, (v) => (v === 'b' || v === 'd' ? 1 : 0));
    const frame: Frame = { rows: 500, features: [{ name: 'c', kind: 'categorical' }], columns: [c] };
    const m = await fitGbdt({ frame, label: y }, null, stump);
    const left = m.trees[0]!.categories[0]!;
    expect(left.length === 2 ? left.sort() : cats.filter((x) => !left.includes(x))).toEqual(['b', 'd']);
  });
});

describe('histograms', () => {
  it('two threads sum to what one thread sums; the larger child is parent minus smaller', async () => {
    const { frame } = synthetic(40_000, 1);
    const b = applyBins(frame, fitBins(frame), { shared: true });
    const n = b.rows;
    const rows = new Uint32Array(new SharedArrayBuffer(4 * n)).map((_, i) => i);
    const gh = new Float64Array(new SharedArrayBuffer(16 * n)).map((_, i) => Math.sin(i));
    const one = new HistogramPool(b.data, b.F, rows, gh, 1);
    const two = new HistogramPool(b.data, b.F, rows, gh, 2);
    try {
      const ranges = [
        { start: 0, end: n },
        { start: 0, end: 25_000 },
        { start: 25_000, end: n },
      ];
      const [a, left, right] = await one.build(ranges);
      const [c] = await two.build([ranges[0]!]);
      expect(two.threads).toBe(2);
      for (let j = 0; j < a!.length; j++) {
        expect(c![j]).toBeCloseTo(a![j]!, 9);
        expect(a![j]! - left![j]!).toBeCloseTo(right![j]!, 9);
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe('boosting', () => {
  it('learns a nonlinear signal with missing values and categories (AUC on fresh rows), on two threads', async () => {
    const train = synthetic(20_000, 2);
    const test = synthetic(5_000, 3);
    const m = await fitGbdt(train, null, { trees: 60, maxDepth: 4, learningRate: 0.1, threads: 2 });
    const auc = rocAuc(gbdtMargin(m, test.frame), test.label);
    // The generating log-odds themselves reach AUC 0.808 on these rows; the model gets 0.79.
    expect(auc).toBeGreaterThan(0.78);
  });

  it('caps the leaves of every tree at maxLeaves', async () => {
    const m = await fitGbdt(synthetic(5_000, 8), null, { trees: 5, maxDepth: 8, maxLeaves: 5, threads: 1 });
    for (const t of m.trees) expect(t.feature.filter((f) => f < 0)).toHaveLength(5);
  });

  it('early stopping keeps the trees with the least validation loss; JSON round trip keeps every margin', async () => {
    const train = synthetic(3_000, 4);
    const valid = synthetic(3_000, 5);
    const m = await fitGbdt(train, valid, {
      trees: 400,
      learningRate: 0.3,
      maxDepth: 6,
      earlyStoppingRounds: 10,
      threads: 1,
    });
    const best = m.validLoss.indexOf(Math.min(...m.validLoss));
    expect(m.trees.length).toBe(best + 1);
    expect(m.validLoss.length).toBe(best + 1 + 10);
    const copy = JSON.parse(JSON.stringify(m));
    expect([...gbdtMargin(copy, valid.frame)]).toEqual([...gbdtMargin(m, valid.frame)]);
  });
});

describe('the squared objective (regression)', () => {
  it('a stump without shrinkage or penalty predicts each side’s mean; the first margin is the mean', async () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = Float64Array.of(1, 2, 3, 10, 11, 15);
    const model = await fitGbdt({ frame: numeric(x), label: y }, null, { ...stump, objective: 'squared' });
    expect(model.baseScore).toBeCloseTo(7, 12);
    expect([...gbdtMargin(model, numeric(x))].map((v) => +v.toFixed(9))).toEqual([2, 2, 2, 12, 12, 12]);
  });

  it('takes real-valued labels a classifier refuses, and stops early on the validation squared error', async () => {
    const n = 2000;
    const x = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const y = Float64Array.from(x, (v, i) => (v < n / 2 ? -3 : 5) + ((i * 104729) % 7) - 3);
    const frame = numeric(x);
    await expect(fitGbdt({ frame, label: y }, null, { trees: 1, threads: 1 })).rejects.toMatchObject({
      code: 'TEN_MODEL_INSUFFICIENT_DATA',
    });
    // The validation rows have the same step and other noise: fitting the training noise stops paying off.
    const v = Float64Array.from(x, (x, i) => (x < n / 2 ? -3 : 5) + ((i * 31) % 5) - 2);
    const model = await fitGbdt(
      { frame, label: y },
      { frame, label: v },
      {
        objective: 'squared',
        trees: 400,
        earlyStoppingRounds: 5,
        threads: 1,
      },
    );
    expect(model.trees.length).toBeLessThan(400);
    const m = gbdtMargin(model, numeric([0, n - 1]));
    expect(m[0]).toBeCloseTo(-3, 0);
    expect(m[1]).toBeCloseTo(5, 0);
  });
});
