/**
 * `churnModelReport`: what the dashboard's model page shows, read from the stored runs (nothing is refitted):
 * the latest training run's headline figures and feature importance, and every evaluation it and the latest
 * backtest hold, each beside the logistic baseline on the same rows.
 *
 * Runs keep each evaluation's curve points (evaluation.ts: every distinct score, or 100 score quantiles), so the
 * ROC, precision–recall and lift/capture curves are smooth. Runs stored before that keep only the reliability bins
 * (ten equal-width bins of predicted probability with their counts and churn rates); their curves are read at
 * the bins' edges: at threshold t every customer with p ≥ t is flagged, which is exactly the bins from t up.
 * AUCs are the stored exact ones, not areas under these points.
 */
import { latestRun } from '../models/runs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { BACKTEST_RUN, type BacktestResult } from './backtest.ts';
import type { CalibrationBin, CurvePoint, Evaluation } from './evaluation.ts';
import type { Importance } from './fit.ts';
import { CHURN_RUN, type TrainMetrics, type TrainResult } from './train.ts';

export type { CurvePoint };
export type ReportEvaluation = Evaluation & { curve: CurvePoint[] };

export interface ModelEvaluation {
  /** Which rows: the time-based backtest at its test date, the named test customers, or the validation split. */
  set: 'backtest' | 'test' | 'validation';
  runId: number;
  model: ReportEvaluation;
  baseline: ReportEvaluation | null;
}

export interface ChurnModelReport {
  runId: number;
  createdAt: string;
  parameters: Record<string, unknown>;
  dataWindow: { from: string | null; to: string | null };
  metrics: TrainMetrics;
  importance: Importance[];
  /** Backtest first (the most honest), then test, then validation. */
  evaluations: ModelEvaluation[];
}

/**
 * Curve points at the reliability bins' lower edges, from the highest threshold down.
 *
 * @example
 * curveOf(evaluation.calibration).at(-1); // { threshold: 0, share: 1, tpr: 1, fpr: 1, … }
 */
export function curveOf(bins: CalibrationBin[]): CurvePoint[] {
  const churned = bins.map((b) => Math.round(b.count * b.observedRate));
  const total = bins.reduce((a, b) => a + b.count, 0);
  const positives = churned.reduce((a, v) => a + v, 0);
  const negatives = total - positives;
  const rate = positives / total;
  let flagged = 0;
  let tp = 0;
  return bins
    .map((b, i) => ({ b, i }))
    .reverse()
    .map(({ b, i }) => {
      flagged += b.count;
      tp += churned[i]!;
      const precision = flagged ? tp / flagged : null;
      return {
        threshold: b.from,
        share: flagged / total,
        tpr: positives ? tp / positives : 0,
        fpr: negatives ? (flagged - tp) / negatives : 0,
        precision,
        lift: precision === null || !rate ? null : precision / rate,
      };
    });
}

const withCurve = (e: Evaluation): ReportEvaluation => ({ ...e, curve: e.curve ?? curveOf(e.calibration) });

/**
 * The report of the latest trained churn model, or null before the first training.
 *
 * @example
 * const report = await churnModelReport(ws); report?.evaluations[0]?.model.rocAuc;
 */
export async function churnModelReport(ws: Workspace): Promise<ChurnModelReport | null> {
  const run = await latestRun(ws.db, CHURN_RUN);
  if (!run) return null;
  const r = run.result as TrainResult;
  const evaluations: ModelEvaluation[] = [];
  const backtest = await latestRun(ws.db, BACKTEST_RUN);
  if (backtest) {
    const b = backtest.result as BacktestResult;
    evaluations.push({
      set: 'backtest',
      runId: backtest.runId,
      model: withCurve(b.model),
      baseline: withCurve(b.baseline),
    });
  }
  if (r.test)
    evaluations.push({
      set: 'test',
      runId: run.runId,
      model: withCurve(r.test),
      baseline: r.baseline?.test ? withCurve(r.baseline.test) : null,
    });
  evaluations.push({
    set: 'validation',
    runId: run.runId,
    model: withCurve(r.validation),
    baseline: r.baseline ? withCurve(r.baseline.validation) : null,
  });
  return {
    runId: run.runId,
    createdAt: run.createdAt,
    parameters: run.parameters,
    dataWindow: run.dataWindow,
    metrics: r.metrics,
    importance: r.importance,
    evaluations,
  };
}
