/**
 * `trainChurnModel`: build the training rows of a workspace, fit the classifier and the logistic baseline on
 * the same split, and store the run (model JSON, metrics, importance) in model_runs as model `churn`, where
 * scoring, explanations and the dashboard find the latest one.
 */
import { type ModelRun, saveRun } from '../models/runs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { ClassifierName } from './classifiers.ts';
import type { Evaluation } from './evaluation.ts';
import { type FittedModel, fitChurnModel, type Importance } from './fit.ts';
import type { ChurnModel } from './model.ts';
import { type PredictOptions, parsePredictOptions } from './options.ts';
import { trainingRows } from './rows.ts';
import { readTestIds, splits } from './split.ts';

/** The run's headline figures, flat and snake_case like the CLI's JSON (null where there is no test set). */
export interface TrainMetrics {
  classifier: ClassifierName;
  mode: 'snapshots' | 'static';
  train_rows: number;
  validation_rows: number;
  test_rows: number;
  validation_auc: number;
  test_auc: number | null;
  test_pr_auc: number | null;
  test_log_loss: number | null;
  test_brier: number | null;
  baseline_test_auc: number | null;
  baseline_validation_auc: number | null;
  trees: number | null;
  seconds: number;
}

export interface TrainResult {
  metrics: TrainMetrics;
  model: ChurnModel;
  validation: Evaluation;
  test: Evaluation | null;
  baseline: { validation: Evaluation; test: Evaluation | null } | null;
  importance: Importance[];
}

/** The model name of training runs in model_runs. */
export const CHURN_RUN = 'churn';

/**
 * Train on a workspace and store the run.
 *
 * @example
 * const run = await trainChurnModel(ws, { testIds: 'test-ids.txt' }); run.result.metrics.test_auc;
 */
export async function trainChurnModel(ws: Workspace, options: unknown = {}): Promise<ModelRun<TrainResult>> {
  const started = performance.now();
  const o = parsePredictOptions(options);
  const { frame, source } = await trainingRows(ws, o);
  const testIds = o.testIds ? readTestIds(o.testIds, new Set(frame.ids)) : null;
  const split = splits(frame.ids, testIds);
  const name = o.classifier ?? 'gbdt';
  const fitted = await fitChurnModel(name, frame, split, source, classifierOptions(o));
  const baseline: FittedModel | null =
    name === 'logistic' ? null : await fitChurnModel('logistic', frame, split, source, classifierOptions(o));
  const model = fitted.model;
  const metrics: TrainMetrics = {
    classifier: name,
    mode: source.mode,
    train_rows: model.data.train.rows,
    validation_rows: model.data.validation.rows,
    test_rows: fitted.test?.rows ?? 0,
    validation_auc: fitted.validation.rocAuc,
    test_auc: fitted.test?.rocAuc ?? null,
    test_pr_auc: fitted.test?.prAuc ?? null,
    test_log_loss: fitted.test?.logLoss ?? null,
    test_brier: fitted.test?.brier ?? null,
    baseline_test_auc: baseline?.test?.rocAuc ?? null,
    baseline_validation_auc: baseline?.validation.rocAuc ?? null,
    trees: model.classifier.kind === 'gbdt' ? model.classifier.trees.length : null,
    seconds: (performance.now() - started) / 1000,
  };
  const result: TrainResult = {
    metrics,
    model,
    validation: fitted.validation,
    test: fitted.test,
    baseline: baseline && { validation: baseline.validation, test: baseline.test },
    importance: fitted.importance,
  };
  const window = { from: source.snapshots[0] ?? null, to: source.snapshots.at(-1) ?? null };
  return saveRun(ws.db, { model: CHURN_RUN, parameters: o, dataWindow: window, result });
}

/** The classifier settings among the options. */
export const classifierOptions = (o: PredictOptions) => ({ gbdt: o.gbdt, lambda: o.lambda });
