/**
 * `scoreUplift`: score the current customers with the latest uplift fit. Each customer active at the latest churn
 * scoring's day (else the day after the data ends) gets the predicted churn prevented by contact (features as of
 * that day, approaches.ts), and
 *
 *   expected saved value = uplift × CLV − cost per contact
 *
 * with the CLV of the churn scoring (value.ts, the one CLV) and the cost per contact given, else the campaign's
 * cost ÷ its treated members. Customers whose uplift is negative are "sleeping dogs": contact makes them likelier
 * to leave (Radcliffe 2007, §2). The rows go to `uplift_scores` under a run stored as `uplift-score`.
 */
import { type ModelRun, saveRun } from '../../models/runs.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { segmentsOf, snapshotFeatures } from '../features/snapshot.ts';
import { readFrame } from '../frame.ts';
import { latestScoring } from '../queue.ts';
import { dataEnd } from '../rows.ts';
import { customerValues } from '../value.ts';
import { predictUplift } from './approaches.ts';
import { latestUplift } from './latest.ts';
import { parseUpliftScoreOptions } from './options.ts';
import type { UpliftModel } from './types.ts';

export const UPLIFT_SCORE_RUN = 'uplift-score';

export interface UpliftScoreSummary {
  modelRunId: number;
  campaignId: string;
  asOf: string;
  customers: number;
  costPerContact: number;
  /** Customers whose contact is expected to pay: expected saved value > 0. */
  persuadable: number;
  /** Customers whose predicted uplift is negative. */
  sleepingDogs: number;
  /** The sum of the positive expected saved values: what contacting exactly the persuadable customers should save. */
  expectedSavedValue: number | null;
}

const featuresOf = (m: UpliftModel) => (m.approach === 'two_model' ? m.treatment.features : m.regression.features);

/**
 * Score the workspace's customers and store the uplift scores.
 *
 * @example
 * const run = await scoreUplift(ws, { costPerContact: 20 }); run.result.sleepingDogs;
 */
export async function scoreUplift(ws: Workspace, options: unknown = {}): Promise<ModelRun<UpliftScoreSummary>> {
  const o = parseUpliftScoreOptions(options);
  const fitted = await latestUplift(ws);
  const { model } = fitted.result;
  const asOf = (await latestScoring(ws))?.asOf ?? (await dataEnd(ws)) ?? new Date().toISOString().slice(0, 10);
  const { features, query } = await snapshotFeatures(ws, [asOf], null, segmentsOf(featuresOf(model)));
  const frame = await readFrame(ws.db, query, features);
  const uplift = predictUplift(model, frame);
  const { clv } = await customerValues(ws, frame, frame.ids);
  const cost = o.costPerContact ?? model.costPerContact ?? 0;
  const saved = uplift.map((u, i) => u * clv[i]! - cost);
  const summary: UpliftScoreSummary = {
    modelRunId: fitted.runId,
    campaignId: model.campaignId,
    asOf,
    customers: frame.rows,
    costPerContact: cost,
    persuadable: saved.filter((v) => v > 0).length,
    sleepingDogs: uplift.filter((u) => u < 0).length,
    expectedSavedValue: clv.some((v) => !Number.isNaN(v)) ? saved.reduce((s, v) => (v > 0 ? s + v : s), 0) : null,
  };
  return ws.db.transaction(async () => {
    const run = await saveRun(ws.db, {
      model: UPLIFT_SCORE_RUN,
      parameters: o,
      dataWindow: { from: null, to: asOf },
      result: summary,
    });
    const num = (values: Float64Array) => sql`TRY_CAST(nullif(unnest(${[...values].map(String)}), 'NaN') AS DOUBLE)`;
    await ws.db.run(sql`INSERT INTO uplift_scores (run_id, customer_id, as_of, uplift, clv, cost_per_contact,
        expected_saved_value, sleeping_dog)
      SELECT run_id, customer_id, as_of, uplift, clv, cost, uplift * clv - cost, uplift < 0
      FROM (SELECT ${run.runId} AS run_id, unnest(${frame.ids}) AS customer_id, CAST(${asOf} AS DATE) AS as_of,
        ${num(uplift)} AS uplift, ${num(clv)} AS clv, CAST(${cost} AS DOUBLE) AS cost)`);
    return run;
  });
}
