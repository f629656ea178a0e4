/**
 * `backtestChurnModel`: the time-based evaluation. Train on snapshots whose labels are known before T, test on
 * every customer active at T (Hyndman & Athanasopoulos, "Forecasting: principles and practice", §5.10, evaluation
 * on a rolling origin, one origin). The classifier and the logistic baseline learn on the same rows and are
 * scored on the same test rows: ROC and PR AUC, log loss, Brier, lift and capture at 10 %, calibration curve.
 * Stored in model_runs as `churn-backtest` for the dashboard's model report.
 */
import { type ModelRun, saveRun } from '../models/runs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Evaluation } from './evaluation.ts';
import { fitChurnModel, type Importance } from './fit.ts';
import { concat } from './frame.ts';
import { parsePredictOptions } from './options.ts';
import { backtestRows } from './rows.ts';
import { splits } from './split.ts';
import { classifierOptions } from './train.ts';

export interface BacktestResult {
  /** The test snapshot T. */
  testDate: string;
  horizonDays: number;
  trainSnapshots: string[];
  rows: { train: number; validation: number; test: number };
  /** Flat headline figures, as the CLI prints them. */
  metrics: {
    test_auc: number;
    test_pr_auc: number;
    test_log_loss: number;
    test_brier: number;
    test_lift_at_10: number;
    test_capture_at_10: number;
    baseline_test_auc: number;
    baseline_test_pr_auc: number;
  };
  model: Evaluation;
  baseline: Evaluation;
  importance: Importance[];
}

export const BACKTEST_RUN = 'churn-backtest';

/**
 * Run a backtest and store it.
 *
 * @example
 * const run = await backtestChurnModel(ws, { horizonDays: 90, snapshots: 6 }); run.result.metrics.test_auc;
 */
export async function backtestChurnModel(ws: Workspace, options: unknown = {}): Promise<ModelRun<BacktestResult>> {
  const o = parsePredictOptions(options);
  const { train, test, testDate } = await backtestRows(ws, o);
  const frame = concat([train.frame, test]);
  const split = [...splits(train.frame.ids, null), ...test.ids.map(() => 'test' as const)];
  const fit = (name: 'gbdt' | 'logistic') => fitChurnModel(name, frame, split, train.source, classifierOptions(o));
  const model = await fit(o.classifier ?? 'gbdt');
  const baseline = await fit('logistic');
  const t = model.test!;
  const result: BacktestResult = {
    testDate,
    horizonDays: train.source.horizonDays!,
    trainSnapshots: train.source.snapshots,
    rows: { train: model.model.data.train.rows, validation: model.model.data.validation.rows, test: t.rows },
    metrics: {
      test_auc: t.rocAuc,
      test_pr_auc: t.prAuc,
      test_log_loss: t.logLoss,
      test_brier: t.brier,
      test_lift_at_10: t.liftAt10,
      test_capture_at_10: t.captureAt10,
      baseline_test_auc: baseline.test!.rocAuc,
      baseline_test_pr_auc: baseline.test!.prAuc,
    },
    model: t,
    baseline: baseline.test!,
    importance: model.importance,
  };
  const window = { from: train.source.snapshots[0] ?? null, to: testDate };
  return saveRun(ws.db, { model: BACKTEST_RUN, parameters: o, dataWindow: window, result });
}
