/** Churn prediction's public surface, re-exported by the package index. */
export { type AlertItem, acknowledgeAlerts, listAlerts } from './alerts/inbox.ts';
export { type AlertRule, alertRuleNames, type Tier, tierOf, tiers } from './alerts/rules.ts';
export {
  type DeliveryOptions,
  type DeliveryPass,
  deliverPending,
  deliverWebhooks,
  signature,
} from './alerts/webhook.ts';
export { BACKTEST_RUN, type BacktestResult, backtestChurnModel } from './backtest.ts';
export type { Calibration } from './calibrate.ts';
export { type ClassifierModel, type ClassifierName, classifierNames, classifiers } from './classifiers.ts';
export { type PredictionConfig, predictionConfigSchema } from './config.ts';
export { type CalibrationBin, type Evaluation, evaluate, prAuc, rocAuc } from './evaluation.ts';
export { type Explanation, explainCustomer } from './explain.ts';
export type { Importance } from './fit.ts';
export type { FeatureSpec, Frame, LabelledFrame } from './frame.ts';
export { fitGbdt, type GbdtModel, type GbdtParams } from './gbdt/boost.ts';
export { gbdtMargin } from './gbdt/predict.ts';
export { gbdtShap, type ShapValues } from './gbdt/shap.ts';
export { latestChurnModel } from './latest-model.ts';
export { fitLogistic, type LogisticModel } from './logistic.ts';
export { type ChurnModel, churnScoreSql, churnScores, parseChurnModel } from './model.ts';
export { type PredictOptions, parsePredictOptions, predictOptionsSchema } from './options.ts';
export {
  type AtRiskPage,
  type AtRiskQuery,
  type AtRiskView,
  atRisk,
  customerScore,
  type ReasonIn,
  type RiskRow,
  reasonIn,
} from './queue.ts';
export { type Reason, reasonText } from './reasons.ts';
export { type ChurnModelReport, churnModelReport } from './report.ts';
export { riskView, riskViewJson } from './risk-view.ts';
export { REASON_ROWS, SCORE_RUN, type ScoredCustomer, type ScoreSummary, scoreChurn } from './score.ts';
export { refreshServedRisk, servedChurnRisk, servedRisk } from './served-risk.ts';
export { CHURN_RUN, type TrainMetrics, type TrainResult, trainChurnModel } from './train.ts';
export * from './uplift/index.ts';
