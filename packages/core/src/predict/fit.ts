/**
 * Fit a churn model on labelled rows that carry their splits: the classifier learns on the training rows
 * (boosting stops early on the validation rows), Platt scaling is fitted on the validation margins, and the
 * validation and test rows are scored with calibrated probabilities. The logistic baseline goes through the
 * same steps, so the two are compared on the same rows. Importance is the mean |SHAP value| of each feature
 * over the validation rows, at most IMPORTANCE_ROWS of them, evenly spaced (Lundberg et al. 2020, "global
 * understanding from local explanations").
 */
import { fitPlatt, probability } from './calibrate.ts';
import { type ClassifierName, type ClassifierOptions, classifierOf, classifiers } from './classifiers.ts';
import { type Evaluation, evaluate } from './evaluation.ts';
import { type LabelledFrame, subset } from './frame.ts';
import { type ChurnModel, MODEL_FORMAT, MODEL_VERSION, type TrainingData } from './model.ts';
import type { Split } from './split.ts';

export interface Importance {
  feature: string;
  /** Mean |SHAP value| on the margin (log-odds) scale. */
  meanAbsShap: number;
  /** Its share of the total. */
  share: number;
}

export interface FittedModel {
  model: ChurnModel;
  validation: Evaluation;
  test: Evaluation | null;
  importance: Importance[];
}

type Source = Omit<TrainingData, 'train' | 'validation'>;

/** Enough rows for importances stable to a percent or so; TreeSHAP costs O(trees · leaves · depth²) a row. */
const IMPORTANCE_ROWS = 2_000;

const rowsOf = (splits: Split[], r: Split) => splits.flatMap((x, i) => (x === r ? [i] : []));
const count = (f: LabelledFrame) => ({ rows: f.rows, churned: f.label.reduce((a, v) => a + v, 0) });

/**
 * Fit one classifier and evaluate it.
 *
 * @example
 * const { model, test } = await fitChurnModel('gbdt', frame, splits(frame.ids, testIds), source, {});
 */
export async function fitChurnModel(
  name: ClassifierName,
  frame: LabelledFrame,
  splits: Split[],
  source: Source,
  options: ClassifierOptions,
): Promise<FittedModel> {
  const [train, valid, test] = (['train', 'validation', 'test'] as const).map((r) => subset(frame, rowsOf(splits, r)));
  const labelled = (f: LabelledFrame) => ({ frame: f, label: f.label });
  const classifier = await classifiers[name].fit(labelled(train!), labelled(valid!), options);
  const impl = classifierOf(classifier);
  const calibration = fitPlatt(impl.margin(classifier, valid!), valid!.label);
  const model: ChurnModel = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    classifier,
    calibration,
    data: { ...source, train: count(train!), validation: count(valid!) },
  };
  const score = (f: LabelledFrame) =>
    evaluate(
      impl.margin(classifier, f).map((m) => probability(calibration, m)),
      f.label,
    );
  const step = Math.max(1, Math.ceil(valid!.rows / IMPORTANCE_ROWS));
  const sample = subset(
    valid!,
    Array.from({ length: Math.ceil(valid!.rows / step) }, (_, i) => i * step),
  );
  const shap = impl.shap(classifier, sample);
  const totals = frame.features.map((_, j) => {
    let s = 0;
    for (let r = 0; r < sample.rows; r++) s += Math.abs(shap.values[r * shap.F + j]!);
    return s / Math.max(sample.rows, 1);
  });
  const sum = totals.reduce((a, v) => a + v, 0) || 1;
  const importance = frame.features
    .map((f, j) => ({ feature: f.name, meanAbsShap: totals[j]!, share: totals[j]! / sum }))
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap);
  return { model, validation: score(valid!), test: test!.rows ? score(test!) : null, importance };
}
