/**
 * `fitUplift`: learn whom a retention campaign saves. From a finished randomised campaign (members.ts), hold out a
 * stratified part of the members (holdout.ts), fit both approaches on the rest (approaches.ts), and draw each
 * one's Qini curve on the held-out members (qini.ts) beside those of random targeting and of targeting by churn
 * risk alone (the latest churn model's score at the campaign's start; without a usable one, a churn classifier
 * fitted on both arms' training rows). The approach with the larger Qini coefficient is kept and stored with its
 * report in model_runs as `uplift`.
 */
import { tenureError } from '../../errors.ts';
import { type ModelRun, saveRun } from '../../models/runs.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { segmentsOf } from '../features/snapshot.ts';
import { type LabelledFrame, subset } from '../frame.ts';
import type { GbdtParams } from '../gbdt/boost.ts';
import { gbdtMargin } from '../gbdt/predict.ts';
import { latestChurnModel } from '../latest-model.ts';
import { type ChurnModel, churnScores } from '../model.ts';
import { fitChurnRisk, fitTransformedOutcome, fitTwoModel, predictUplift } from './approaches.ts';
import { holdoutRows } from './holdout.ts';
import { UPLIFT_RUN } from './latest.ts';
import { campaignMembers, findCampaign } from './members.ts';
import { parseUpliftFitOptions } from './options.ts';
import { qini, randomQini } from './qini.ts';
import { segmentUplift } from './segments.ts';
import type { Members, QiniOf, UpliftFitResult, UpliftModel, UpliftReport } from './types.ts';

export const DEFAULT_WINDOW_DAYS = 90;
const DEFAULT_HOLDOUT = 0.3;

const pick = (a: Uint8Array, v: number) => [...a.keys()].filter((i) => a[i] === v);
const count = (a: ArrayLike<number>, rows: number[]) => rows.reduce((s, i) => s + a[i]!, 0);

/**
 * Fit and store an uplift model.
 *
 * @example
 * const run = await fitUplift(ws, { campaignId: 'RET-01', windowDays: 90 }); run.result.report.chosen;
 */
export async function fitUplift(ws: Workspace, options: unknown = {}): Promise<ModelRun<UpliftFitResult>> {
  const started = performance.now();
  const o = parseUpliftFitOptions(options);
  const campaign = await findCampaign(ws, o.campaignId);
  const churn = await latestChurnModel(ws);
  const snapshotModel = churn?.model.data.mode === 'snapshots' ? churn.model : null;
  const extra = snapshotModel ? segmentsOf(snapshotModel.classifier.features) : [];
  const m = await campaignMembers(ws, campaign, o.windowDays ?? DEFAULT_WINDOW_DAYS, extra);
  const { frame, treated } = m;
  const held = holdoutRows(frame.ids, treated, frame.label, o.holdout ?? DEFAULT_HOLDOUT, o.seed ?? 1);
  const [trainRows, holdRows] = [pick(held, 0), pick(held, 1)];
  const part = (rows: number[]) => ({ frame: subset(frame, rows), treated: Uint8Array.from(rows, (i) => treated[i]!) });
  const train = part(trainRows);
  const hold = part(holdRows);
  enoughMembers(m, train.treated, train.frame.label);
  const gbdt = o.gbdt ?? {};
  const two = await fitTwoModel(train.frame, train.treated, gbdt);
  const regression = await fitTransformedOutcome(train.frame, train.treated, gbdt);
  const base = {
    format: 'tenure.uplift-model',
    version: 1,
    campaignId: campaign.campaignId,
    windowDays: m.windowDays,
    costPerContact: campaign.cost === null ? null : campaign.cost / campaign.treated,
  } as const;
  const models: UpliftModel[] = [
    { ...base, approach: 'two_model', ...two },
    { ...base, approach: 'transformed_outcome', regression },
  ];
  const outcomes = { treated: hold.treated, churned: hold.frame.label };
  const scored = models.map((model) => ({ model, uplift: predictUplift(model, hold.frame) }));
  const curves = scored.map(({ model, uplift }): QiniOf => ({ ranking: model.approach, ...qini(uplift, outcomes) }));
  const best = curves[0]!.coefficient >= curves[1]!.coefficient ? 0 : 1;
  const risk = await riskOrdering(snapshotModel, train.frame, hold.frame, gbdt);
  curves.push({ ranking: 'churn_risk', ...qini(risk.score, outcomes) }, { ranking: 'random', ...randomQini(outcomes) });
  const rate = (arm: number) => {
    const rows = pick(treated, arm);
    return count(frame.label, rows) / rows.length;
  };
  const report: UpliftReport = {
    campaignId: campaign.campaignId,
    asOf: m.asOf,
    windowDays: m.windowDays,
    chosen: models[best]!.approach,
    riskSource: risk.source,
    treatmentShare: count(train.treated, [...train.treated.keys()]) / train.treated.length,
    rows: {
      trainTreatment: count(train.treated, [...train.treated.keys()]),
      trainControl: pick(train.treated, 0).length,
      holdoutTreatment: count(hold.treated, [...hold.treated.keys()]),
      holdoutControl: pick(hold.treated, 0).length,
    },
    observed: { treatmentChurn: rate(1), controlChurn: rate(0) },
    qini: curves,
    segments: segmentUplift(hold.frame, hold.treated, scored[best]!.uplift, ws.config.dimensions),
    seconds: (performance.now() - started) / 1000,
  };
  return saveRun(ws.db, {
    model: UPLIFT_RUN,
    parameters: o,
    dataWindow: { from: m.asOf, to: null },
    result: { report, model: models[best]! },
  });
}

/** Each arm of the training part needs churners and stayers, or no classifier can be fitted to it. */
function enoughMembers(m: Members, treated: Uint8Array, label: Float64Array): void {
  for (const arm of [1, 0]) {
    const rows = pick(treated, arm);
    const churned = count(label, rows);
    if (churned === 0 || churned === rows.length)
      throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
        model: 'uplift',
        detail: `${churned} of the ${rows.length} ${arm ? 'treated' : 'control'} training members of ${m.campaign.campaignId} churned within ${m.windowDays} days`,
        hint: {
          en: 'An uplift model needs churners and stayers in both arms: choose a longer outcome window or a larger campaign.',
          'zh-CN': '提升模型需要两组中都有流失和留存的客户：请选择更长的结果窗口或更大的活动。',
        },
      });
  }
}

/**
 * Churn risk of the held-out members at the campaign's start: the latest churn model's margin when it can read
 * these rows, else the margin of a classifier fitted on both arms' training rows (risk alone, arm ignored).
 */
async function riskOrdering(
  model: ChurnModel | null,
  train: LabelledFrame,
  hold: LabelledFrame,
  gbdt: Partial<GbdtParams>,
): Promise<{ score: Float64Array; source: 'churn_model' | 'pooled' }> {
  if (model) return { score: churnScores(model, hold).margin, source: 'churn_model' };
  return { score: gbdtMargin(await fitChurnRisk(train, gbdt), hold), source: 'pooled' };
}
