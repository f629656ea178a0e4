/** Churn prediction's public surface, re-exported by the package index. */
export { BACKTEST_RUN, type BacktestResult, backtestChurnModel } from './backtest.ts';
export type { Calibration } from './calibrate.ts';
export { type ClassifierModel, type ClassifierName, classifierNames, classifiers } from './classifiers.ts';
export { type CalibrationBin, type Evaluation, evaluate, prAuc, rocAuc } from './evaluation.ts';
export type { Importance } from './fit.ts';
export type { FeatureSpec, Frame, LabelledFrame } from './frame.ts';
export { fitGbdt, type GbdtModel, type GbdtParams } from './gbdt/boost.ts';
export { gbdtShap, type ShapValues } from './gbdt/shap.ts';
export { fitLogistic, type LogisticModel } from './logistic.ts';
export { type ChurnModel, churnScoreSql, churnScores, parseChurnModel } from './model.ts';
export { type PredictOptions, parsePredictOptions, predictOptionsSchema } from './options.ts';
export { CHURN_RUN, type TrainMetrics, type TrainResult, trainChurnModel } from './train.ts';
