/**
 * Gradient boosting of regression trees for the binary log loss (Friedman 2001, "Greedy function
 * approximation"; second-order form of Chen & Guestrin 2016, eq. 3). With margin m and p = σ(m), each round
 * fits a tree to g = p − y, h = p(1 − p) and adds it to the margin. The first margin is the training log-odds.
 * With a validation frame, boosting stops once its log loss has not improved for `earlyStoppingRounds` rounds
 * and keeps the best number of trees (XGBoost's early_stopping_rounds).
 */
import { availableParallelism } from 'node:os';
import { tenureError } from '../../errors.ts';
import type { FeatureSpec, Frame } from '../frame.ts';
import { applyBins, type FeatureBins, fitBins } from './bin.ts';
import { HistogramPool } from './histogram.ts';
import { compileTree, type GrowParams, growTree, leafOf, type Tree } from './tree.ts';

export interface GbdtParams extends GrowParams {
  /** Most trees to grow. */
  trees: number;
  /** Rounds without validation improvement before stopping; 0 = never stop early. */
  earlyStoppingRounds: number;
  /** Threads for histogram building, the main one included. */
  threads: number;
}

export const defaultGbdtParams = (): GbdtParams => ({
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
  /** The starting margin: log-odds of the training churn rate. */
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

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));
const logLoss = (y: number, m: number) => Math.log1p(Math.exp(-Math.abs(m))) + Math.max(m, 0) - y * m;

/**
 * Fit a gradient-boosted tree classifier.
 *
 * @example
 * const model = await fitGbdt({ frame, label }, { frame: vFrame, label: vLabel }, { maxDepth: 3 });
 * gbdtMargin(model, frame); // log-odds per row
 */
export async function fitGbdt(train: Labelled, valid: Labelled | null, opts: Partial<GbdtParams> = {}) {
  const params = { ...defaultGbdtParams(), ...opts };
  const { frame, label: y } = train;
  const n = frame.rows;
  const positives = y.reduce((a, v) => a + v, 0);
  if (positives === 0 || positives === n || y.some((v) => v !== 0 && v !== 1))
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
  const baseScore = Math.log(positives / (n - positives));
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
        const p = sigmoid(margin[r]!);
        gh[2 * r] = p - y[r]!;
        gh[2 * r + 1] = Math.max(p * (1 - p), 1e-16);
        rows[r] = r;
      }
      const { tree, leaves } = await growTree({ ...ctx, pool }, params);
      trees.push(tree);
      for (const leaf of leaves) for (let i = leaf.start; i < leaf.end; i++) margin[rows[i]!]! += leaf.value;
      if (!valid || !vb) continue;
      const c = compileTree(tree, bins);
      for (let r = 0; r < vb.rows; r++) vMargin[r]! += c.value[leafOf(c, vb.data, r * vb.F)]!;
      const loss = meanLoss(valid.label, vMargin);
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

function meanLoss(y: Float64Array, m: Float64Array): number {
  let s = 0;
  for (let r = 0; r < y.length; r++) s += logLoss(y[r]!, m[r]!);
  return s / y.length;
}
