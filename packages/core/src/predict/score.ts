/**
 * `scoreChurn`: score every active customer with the latest trained model, at a snapshot (default: the day
 * after the data ends). Each customer gets a calibrated churn probability, a risk tier, a CLV and the
 * expected loss P(churn) × CLV, whether they are worth retaining, and (for the riskiest, by expected loss, up to
 * REASON_ROWS) the three reasons that raise their risk most. The rows go to the `scores` table under a run
 * stored in model_runs as `churn-score`; the early-warning rules then raise alerts for customers worth
 * retaining, queued for the webhooks, all in one transaction.
 */
import { tenureError } from '../errors.ts';
import { type ModelRun, saveRun } from '../models/runs.ts';
import { runPlaybooksOn } from '../playbooks/run.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { openAlerts, raiseAlerts, storeAlerts } from './alerts/raise.ts';
import { type Scored, type Tier, tierOf, tiers } from './alerts/rules.ts';
import { classifierOf } from './classifiers.ts';
import { featureValue, type StoredExplanation } from './explain.ts';
import { subset } from './frame.ts';
import { latestChurnModel } from './latest-model.ts';
import { churnScores } from './model.ts';
import { parsePredictOptions } from './options.ts';
import { type Reason, topReasons } from './reasons.ts';
import { scoringRows } from './rows.ts';
import { type ClvSource, customerValues, type NotWorth, notWorthRetaining } from './value.ts';

export const SCORE_RUN = 'churn-score';
/** Customers whose reasons are computed at each scoring (TreeSHAP per customer is the slow part at scale). */
export const REASON_ROWS = 50_000;

export interface ScoredCustomer {
  customer_id: string;
  probability: number;
  tier: Tier;
  /** clv_subscription + clv_purchases (models/clv/parts.ts); null when unknown. */
  clv: number | null;
  clv_subscription: number | null;
  clv_purchases: number | null;
  expected_loss: number | null;
  retain: boolean;
  flag: NotWorth | null;
  reasons: Reason[];
}

export interface ScoreSummary {
  modelRunId: number;
  asOf: string;
  customers: number;
  tiers: Record<Tier, number>;
  notWorthRetaining: number;
  expectedLoss: number | null;
  clvSource: ClvSource;
  alerts: number;
  /** The ten largest expected losses (probabilities when CLV is unknown) among customers worth retaining. */
  top: ScoredCustomer[];
}

/**
 * Score the workspace and store the scores and alerts.
 *
 * @example
 * const run = await scoreChurn(ws); run.result.tiers.critical; // customers in the top tier
 */
export async function scoreChurn(ws: Workspace, options: unknown = {}): Promise<ModelRun<ScoreSummary>> {
  const o = parsePredictOptions(options);
  const trained = await latestChurnModel(ws);
  if (!trained) throw tenureError('TEN_PREDICT_NO_MODEL', {});
  const { model } = trained;
  const rows = await scoringRows(ws, o, model);
  // A static table lists churned customers too: only those still here are scored.
  const frame = subset(
    rows.frame,
    [...rows.frame.label.keys()].filter((i) => rows.frame.label[i] !== 1),
  );
  const { margin, probability } = churnScores(model, frame);
  const { clv, subscription, purchases, source } = await customerValues(ws, frame, frame.ids);
  const flags = await notWorthRetaining(ws, rows.asOf);
  const config = ws.config.prediction;
  const n = frame.rows;
  const tier = [...probability].map((p) => tierOf(p, config.tiers));
  const loss = probability.map((p, i) => p * clv[i]!);
  const rank = (i: number) => (Number.isNaN(loss[i]!) ? probability[i]! : loss[i]!);
  const retained = [...Array(n).keys()].filter((i) => !flags.has(frame.ids[i]!)).sort((a, b) => rank(b) - rank(a));
  const explained = retained.slice(0, REASON_ROWS);
  const shap = classifierOf(model.classifier).shap(model.classifier, subset(frame, explained));
  const reasons = new Map<number, Reason[]>();
  // Every customer's feature values are kept with their score, and the explained ones' SHAP values too:
  // explain.ts reads them back rather than computing one customer's features from every table (seconds on
  // 1M customers), and computes the SHAP values of the others from the kept values.
  const values = (i: number) => frame.columns.map((c) => featureValue(c[i]));
  const kept = new Map<number, string>();
  explained.forEach((i, r) => {
    const v = values(i);
    const phi = shap.values.subarray(r * shap.F, (r + 1) * shap.F);
    reasons.set(i, topReasons(frame.features, v, phi, 3));
    const e: StoredExplanation = { v, c: [...phi], e: shap.expected, m: trained.runId };
    kept.set(i, JSON.stringify(e));
  });
  const previous = await previousTiers(ws);
  const scored: Scored[] = retained.map((i) => ({
    customerId: frame.ids[i]!,
    tier: tier[i]!,
    previousTier: previous.get(frame.ids[i]!) ?? null,
    probability: probability[i]!,
    expectedLoss: Number.isNaN(loss[i]!) ? null : loss[i]!,
    feature: (name) => {
      const j = frame.features.findIndex((f) => f.name === name && f.kind === 'numeric');
      return j < 0 ? Number.NaN : (frame.columns[j] as Float64Array)[i]!;
    },
  }));
  const alerts = raiseAlerts(ws, scored, await openAlerts(ws));
  const customer = (i: number): ScoredCustomer => ({
    customer_id: frame.ids[i]!,
    probability: probability[i]!,
    tier: tier[i]!,
    clv: Number.isNaN(clv[i]!) ? null : clv[i]!,
    clv_subscription: Number.isNaN(subscription[i]!) ? null : subscription[i]!,
    clv_purchases: Number.isNaN(purchases[i]!) ? null : purchases[i]!,
    expected_loss: Number.isNaN(loss[i]!) ? null : loss[i]!,
    retain: !flags.has(frame.ids[i]!),
    flag: flags.get(frame.ids[i]!) ?? null,
    reasons: reasons.get(i) ?? [],
  });
  const total = loss.reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0);
  const summary: ScoreSummary = {
    modelRunId: trained.runId,
    asOf: rows.asOf,
    customers: n,
    tiers: Object.fromEntries(tiers.map((t) => [t, tier.filter((x) => x === t).length])) as Record<Tier, number>,
    notWorthRetaining: n - retained.length,
    expectedLoss: clv.some((v) => !Number.isNaN(v)) ? total : null,
    clvSource: source,
    alerts: alerts.length,
    top: retained.slice(0, 10).map(customer),
  };
  const stored = await ws.db.transaction(async () => {
    const run = await saveRun(ws.db, {
      model: SCORE_RUN,
      parameters: o,
      dataWindow: { from: null, to: rows.asOf },
      result: summary,
    });
    const all = [...Array(n).keys()].map(customer);
    const explanations = [...Array(n).keys()].map(
      (i) => kept.get(i) ?? JSON.stringify({ v: values(i), m: trained.runId } satisfies StoredExplanation),
    );
    await insertScores(ws, run.runId, rows.asOf, all, margin, source, explanations);
    // Only the latest scoring's explanations are ever read: older ones would only take room.
    await ws.db.run(sql`UPDATE scores SET explained = NULL WHERE run_id < ${run.runId} AND explained IS NOT NULL`);
    await storeAlerts(ws, run.runId, rows.asOf, alerts);
    return run;
  });
  // After the commit: the playbooks read the scores and alerts just written, and their cases never hold the
  // scores back (a failing playbook is recorded with its error, playbooks/run.ts).
  await runPlaybooksOn(ws, { kind: 'score', ref: String(stored.runId) });
  return stored;
}

/** Each customer's tier at the latest earlier scoring. */
async function previousTiers(ws: Workspace): Promise<Map<string, Tier>> {
  const rows = await ws.db.all<{ customer_id: string; tier: Tier }>(sql`SELECT customer_id, tier FROM scores
    WHERE run_id = (SELECT max(run_id) FROM scores)`);
  return new Map(rows.map((r) => [r.customer_id, r.tier]));
}

async function insertScores(
  ws: Workspace,
  runId: number,
  asOf: string,
  all: ScoredCustomer[],
  margin: Float64Array,
  source: ClvSource,
  explanations: string[],
): Promise<void> {
  const text = (v: number | null) => (v === null ? '' : String(v));
  const num = (values: string[]) => sql`TRY_CAST(nullif(unnest(${values}), '') AS DOUBLE)`;
  // In the order of k (migration 0005): one customer's score is then found in one row group of the run.
  await ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, clv, clv_source,
      expected_loss, retain, flag, reasons, clv_subscription, clv_purchases, explained, k)
    SELECT *, hash(customer_id) AS k FROM (SELECT ${runId}, unnest(${all.map((c) => c.customer_id)}) AS customer_id,
      CAST(${asOf} AS DATE),
      ${num(all.map((c) => String(c.probability)))}, ${num([...margin].map(String))}, unnest(${all.map((c) => c.tier)}),
      ${num(all.map((c) => text(c.clv)))}, CASE WHEN ${all.some((c) => c.clv !== null)} THEN ${source} END,
      ${num(all.map((c) => text(c.expected_loss)))}, unnest(${all.map((c) => String(c.retain))}) = 'true',
      nullif(unnest(${all.map((c) => c.flag ?? '')}), ''),
      nullif(unnest(${all.map((c) => (c.reasons.length ? JSON.stringify(c.reasons) : ''))}), ''),
      ${num(all.map((c) => text(c.clv_subscription)))}, ${num(all.map((c) => text(c.clv_purchases)))},
      nullif(unnest(${explanations}), '')) ORDER BY k`);
}
