/**
 * Gradient boosting of regression trees for the binary log loss (Friedman 2001, "Greedy function
 * approximation"; second-order form of Chen & Guestrin 2016, eq. 3). With margin m and p = σ(m), each round
 * fits a tree to g = p − y, h = p(1 − p) and adds it to the margin. The first margin is the training log-odds.
 * With a validation frame, boosting stops once its log loss has not improved for `earlyStoppingRounds` rounds
 * and keeps the best number of trees (XGBoost's early_stopping_rounds).
 *
 * The `squared` objective fits a regression instead (Friedman 2001, §4.1, least squares): g = m − y, h = 1, the
 * first margin is the training mean and the margin is the prediction itself. Uplift's transformed outcome
 * (predict/uplift/) is regressed this way.
 */
import { availableParallelism } from 'node:os';
import { tenureError } from '../../errors.ts';
import type { FeatureSpec, Frame } from '../frame.ts';
import { applyBins, type FeatureBins, fitBins } from './bin.ts';
import { HistogramPool } from './histogram.ts';
import { compileTree, type GrowParams, growTree, leafOf, type Tree } from './tree.ts';

/**
 * What boosting minimises: the log loss of a 0/1 label (margins are log-odds), or half the squared error of a
 * real-valued one (margins are predictions). Each gives its first margin, gradient and hessian, and loss.
 */
const objectives = {
  logistic: {
    valid: (y: Float64Array) => y.every((v) => v === 0 || v === 1),
    base: (y: Float64Array) => {
      const positives = y.reduce((a, v) => a + v, 0);
      return Math.log(positives / (y.length - positives));
    },
    gradient: (y: number, m: number, gh: Float64Array, at: number) => {
      const p = 1 / (1 + Math.exp(-m));
      gh[at] = p - y;
      gh[at + 1] = Math.max(p * (1 - p), 1e-16);
    },
    loss: (y: number, m: number) => Math.log1p(Math.exp(-Math.abs(m))) + Math.max(m, 0) - y * m,
  },
  squared: {
    valid: (y: Float64Array) => y.every(Number.isFinite),
    base: (y: Float64Array) => y.reduce((a, v) => a + v, 0) / y.length,
    gradient: (y: number, m: number, gh: Float64Array, at: number) => {
      gh[at] = m - y;
      gh[at + 1] = 1;
    },
    loss: (y: number, m: number) => 0.5 * (y - m) ** 2,
  },
};
export type GbdtObjective = keyof typeof objectives;

export interface GbdtParams extends GrowParams {
  /** The loss boosting minimises (default logistic: churn classifiers). */
  objective: GbdtObjective;
  /** Most trees to grow. */
  trees: number;
  /** Rounds without validation improvement before stopping; 0 = never stop early. */
  earlyStoppingRounds: number;
  /** Threads for histogram building, the main one included. */
  threads: number;
}

export const defaultGbdtParams = (): GbdtParams => ({
  objective: 'logistic',
  trees: 500,
  learningRate: 0.05,
  maxDepth: 4,
  maxLeaves: 0,
  minChildWeight: 1,
  lambda: 1,
  gamma: 0,
  catSmooth: 10,
  earlyStoppingRounds: 50,
  threads: availableParallelism(),
});

/** A fitted ensemble: plain, JSON-able data. */
export interface GbdtModel {
  kind: 'gbdt';
  features: FeatureSpec[];
  bins: FeatureBins[];
  /** The starting margin: log-odds of the training churn rate (the mean label for the squared objective). */
  baseScore: number;
  trees: Tree[];
  params: GbdtParams;
  /** Validation log loss after each tree (empty without a validation frame). */
  validLoss: number[];
}

/** Labelled rows for fitting. */
export interface Labelled {
  frame: Frame;
  label: Float64Array;
}

/**
 * Fit a gradient-boosted tree classifier.
 *
 * @example
 * const model = await fitGbdt({ frame, label }, { frame: vFrame, label: vLabel }, { maxDepth: 3 });
 * gbdtMargin(model, frame); // log-odds per row
 */
export async function fitGbdt(train: Labelled, valid: Labelled | null, opts: Partial<GbdtParams> = {}) {
  const params = { ...defaultGbdtParams(), ...opts };
  const objective = objectives[params.objective];
  const { frame, label: y } = train;
  const n = frame.rows;
  const positives = y.reduce((a, v) => a + v, 0);
  const degenerate = params.objective === 'logistic' ? positives === 0 || positives === n : n === 0;
  if (degenerate || !objective.valid(y))
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'gbdt',
      detail: `${positives} of ${n} training rows churned`,
      hint: {
        en: 'Training needs both churned and retained customers: widen the snapshots or the horizon.',
        'zh-CN': '训练需要既有流失客户也有留存客户：请扩大快照范围或预测期。',
      },
    });
  const bins = fitBins(frame);
  const tb = applyBins(frame, bins, { shared: true, columns: true });
  const vb = valid ? applyBins(valid.frame, bins) : null;
  const baseScore = objective.base(y);
  const margin = new Float64Array(n).fill(baseScore);
  const vMargin = new Float64Array(valid?.frame.rows ?? 0).fill(baseScore);
  const gh = new Float64Array(new SharedArrayBuffer(16 * n));
  const rows = new Uint32Array(new SharedArrayBuffer(4 * n));
  const ctx = { columns: tb.columns!, F: tb.F, rows, scratch: new Uint32Array(n), bins, n };
  const pool = new HistogramPool(tb.data, tb.F, rows, gh, params.threads);
  const trees: Tree[] = [];
  const validLoss: number[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, trees: 0 };
  try {
    for (let t = 0; t < params.trees; t++) {
      for (let r = 0; r < n; r++) {
        objective.gradient(y[r]!, margin[r]!, gh, 2 * r);
        rows[r] = r;
      }
      const { tree, leaves } = await growTree({ ...ctx, pool }, params);
      trees.push(tree);
      for (const leaf of leaves) for (let i = leaf.start; i < leaf.end; i++) margin[rows[i]!]! += leaf.value;
      if (!valid || !vb) continue;
      const c = compileTree(tree, bins);
      for (let r = 0; r < vb.rows; r++) vMargin[r]! += c.value[leafOf(c, vb.data, r * vb.F)]!;
      const loss = meanLoss(objective.loss, valid.label, vMargin);
      validLoss.push(loss);
      if (loss < best.loss) best = { loss, trees: t + 1 };
      else if (params.earlyStoppingRounds > 0 && t + 1 - best.trees >= params.earlyStoppingRounds) break;
    }
  } finally {
    await pool.close();
  }
  const kept = valid ? best.trees : trees.length;
  return {
    kind: 'gbdt',
    features: frame.features,
    bins,
    baseScore,
    trees: trees.slice(0, kept),
    params,
    validLoss,
  } satisfies GbdtModel as GbdtModel;
}

function meanLoss(loss: (y: number, m: number) => number, y: Float64Array, m: Float64Array): number {
  let s = 0;
  for (let r = 0; r < y.length; r++) s += loss(y[r]!, m[r]!);
  return s / y.length;
}
