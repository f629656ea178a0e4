/**
 * `explainCustomer`: why one customer's churn risk is what it is, now. The customer's features are computed at
 * the snapshot, scored with the latest model, and every feature's SHAP value is listed with its value in
 * words (reasons.ts), largest push towards churn first. The contributions add up to the margin minus the
 * model's expected margin, so the explanation accounts for the whole score. For the customers a scoring
 * explained (score.ts: the riskiest REASON_ROWS), the explanation at that scoring's date is read back from
 * their score row instead of computed again: the same numbers, without scanning every table for one customer.
 */
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type Tier, tierOf } from './alerts/rules.ts';
import { classifierOf } from './classifiers.ts';
import { type FeatureSpec, frameOfValues, subset } from './frame.ts';
import { latestChurnModel } from './latest-model.ts';
import { type ChurnModel, churnScores } from './model.ts';
import { parsePredictOptions } from './options.ts';
import { type Reason, reasonText, topReasons } from './reasons.ts';
import { scoringRows } from './rows.ts';

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
 * What a scoring keeps of one customer (scores.explained): feature values and model run, and for the customers
 * it explained, their SHAP values and the expected margin.
 */
export interface StoredExplanation {
  v: (number | string | null)[];
  c?: number[];
  e?: number;
  m: number;
}

/** A feature value as stored and shown: NaN (missing) is null. */
export const featureValue = (v: number | string | null | undefined): number | string | null =>
  v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;

interface Parts {
  id: string;
  asOf: string;
  modelRunId: number;
  features: FeatureSpec[];
  values: (number | string | null)[];
  phi: ArrayLike<number>;
  expected: number;
  margin: number;
  probability: number;
}

function explanation(ws: Workspace, p: Parts): Explanation {
  const contributions = p.features
    .map((f, j) => ({
      feature: f.name,
      value: p.values[j] ?? null,
      contribution: p.phi[j]!,
      text: reasonText(f, p.values[j] ?? null),
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    customer_id: p.id,
    asOf: p.asOf,
    modelRunId: p.modelRunId,
    probability: p.probability,
    tier: tierOf(p.probability, ws.config.prediction.tiers),
    margin: p.margin,
    expectedMargin: p.expected,
    reasons: topReasons(p.features, p.values, p.phi, 3),
    contributions,
  };
}

/** The explanation the latest scoring stored for the customer at `asOf` with this model, if it stored one. */
async function stored(
  ws: Workspace,
  id: string,
  asOf: string,
  runId: number,
): Promise<{ kept: StoredExplanation; margin: number; probability: number } | null> {
  const [r] = await ws.db.all<{ explained: string; margin: number; probability: number }>(sql`
    SELECT explained, margin, probability FROM scores
    WHERE run_id = (SELECT max(run_id) FROM scores) AND k = hash(${id}) AND customer_id = ${id}
      AND as_of = CAST(${asOf} AS DATE) AND explained IS NOT NULL`);
  const kept = r ? (JSON.parse(r.explained) as StoredExplanation) : null;
  return r && kept?.m === runId ? { kept, margin: r.margin, probability: r.probability } : null;
}

/** A scored customer and what the scoring kept of them (scores.explained, margin and probability). */
export interface KeptScore {
  id: string;
  asOf: string;
  kept: StoredExplanation;
  margin: number;
  probability: number;
}

/**
 * The explanations of customers' scores from what the scoring kept of them: their SHAP values when it explained
 * them, else computed from the kept feature values (all such customers in one pass), which the model scored, so
 * they add up to the same margin.
 */
export function explainKept(ws: Workspace, model: ChurnModel, runId: number, found: KeptScore[]): Explanation[] {
  const features = model.classifier.features;
  const explained = (k: StoredExplanation) => k.c !== undefined && k.e !== undefined;
  const unexplained = found.flatMap((f, i) => (explained(f.kept) ? [] : [i]));
  const values = () =>
    frameOfValues(
      features,
      unexplained.map((i) => found[i]!.kept.v),
    );
  const computed = unexplained.length ? classifierOf(model.classifier).shap(model.classifier, values()) : null;
  const rowOf = new Map(unexplained.map((i, r) => [i, r]));
  return found.map(({ id, asOf, kept, margin, probability }, i) => {
    const r = rowOf.get(i);
    const shap =
      r === undefined || !computed
        ? { phi: kept.c!, expected: kept.e! }
        : { phi: computed.values.subarray(r * computed.F, (r + 1) * computed.F), expected: computed.expected };
    return explanation(ws, {
      id,
      asOf,
      modelRunId: runId,
      features,
      values: kept.v,
      phi: shap.phi,
      expected: shap.expected,
      margin,
      probability,
    });
  });
}

/**
 * Explain one customer.
 *
 * @example
 * const e = await explainCustomer(ws, 'C0000042'); e.reasons[0].text['zh-CN']; // '近 30 天用量下降 60%'
 */
export async function explainCustomer(ws: Workspace, customerId: string, options: unknown = {}): Promise<Explanation> {
  const o = parsePredictOptions(options);
  const trained = await latestChurnModel(ws);
  if (!trained) throw tenureError('TEN_PREDICT_NO_MODEL', {});
  const { model, runId } = trained;
  const found = o.asOf ? await stored(ws, customerId, o.asOf, runId) : null;
  if (found && o.asOf) return explainKept(ws, model, runId, [{ id: customerId, asOf: o.asOf, ...found }])[0]!;
  const rows = await scoringRows(ws, o, model, customerId);
  const i = rows.frame.ids.indexOf(customerId);
  if (i < 0) throw tenureError('TEN_PREDICT_UNKNOWN_CUSTOMER', { customer: customerId }, { value: customerId });
  const one = subset(rows.frame, [i]);
  const shap = classifierOf(model.classifier).shap(model.classifier, one);
  const scored = churnScores(model, one);
  return explanation(ws, {
    id: customerId,
    asOf: rows.asOf,
    modelRunId: runId,
    features: one.features,
    values: one.columns.map((c) => featureValue(c[0])),
    phi: shap.values,
    expected: shap.expected,
    margin: scored.margin[0]!,
    probability: scored.probability[0]!,
  });
}
