/**
 * `explainCustomer`: why one customer's churn risk is what it is, now. The customer's features are computed at
 * the snapshot, scored with the latest model, and every feature's SHAP value is listed with its value in
 * words (reasons.ts), largest push towards churn first. The contributions add up to the margin minus the
 * model's expected margin, so the explanation accounts for the whole score.
 */
import { tenureError } from '../errors.ts';
import { latestRun } from '../models/runs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type Tier, tierOf } from './alerts/rules.ts';
import { classifierOf } from './classifiers.ts';
import { subset } from './frame.ts';
import { churnScores, parseChurnModel } from './model.ts';
import { parsePredictOptions } from './options.ts';
import { type Reason, reasonText, topReasons } from './reasons.ts';
import { scoringRows } from './rows.ts';
import { CHURN_RUN, type TrainResult } from './train.ts';

export interface Explanation {
  customer_id: string;
  asOf: string;
  modelRunId: number;
  probability: number;
  tier: Tier;
  /** Margin (log-odds) of this customer and of the average training customer. */
  margin: number;
  expectedMargin: number;
  /** The three features that raise the risk most. */
  reasons: Reason[];
  /** Every feature's value and contribution, largest |contribution| first. */
  contributions: Reason[];
}

/**
 * Explain one customer.
 *
 * @example
 * const e = await explainCustomer(ws, 'C0000042'); e.reasons[0].text['zh-CN']; // '近 30 天用量下降 60%'
 */
export async function explainCustomer(ws: Workspace, customerId: string, options: unknown = {}): Promise<Explanation> {
  const o = parsePredictOptions(options);
  const trained = await latestRun(ws.db, CHURN_RUN);
  if (!trained) throw tenureError('TEN_PREDICT_NO_MODEL', {});
  const model = parseChurnModel((trained.result as TrainResult).model);
  const rows = await scoringRows(ws, o, model, customerId);
  const i = rows.frame.ids.indexOf(customerId);
  if (i < 0) throw tenureError('TEN_PREDICT_UNKNOWN_CUSTOMER', { customer: customerId }, { value: customerId });
  const one = subset(rows.frame, [i]);
  const shap = classifierOf(model.classifier).shap(model.classifier, one);
  const phi = shap.values;
  const scored = churnScores(model, one);
  const margin = scored.margin[0]!;
  const p = scored.probability[0]!;
  const values = one.columns.map((c) => c[0] ?? null);
  const contributions = one.features
    .map((f, j) => {
      const v = values[j] ?? null;
      const value = typeof v === 'number' && Number.isNaN(v) ? null : v;
      return { feature: f.name, value, contribution: phi[j]!, text: reasonText(f, value) };
    })
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    customer_id: customerId,
    asOf: rows.asOf,
    modelRunId: trained.runId,
    probability: p,
    tier: tierOf(p, ws.config.prediction.tiers),
    margin,
    expectedMargin: shap.expected,
    reasons: topReasons(one.features, values, phi, 3),
    contributions,
  };
}
