/**
 * Uplift targeting on the demo business, whose campaign effect is planted by product line (workspace/demo/
 * params.ts `campaign.effect`: mobile responds, broadband does not, tv is hurt; ground-truth.json
 * campaign.plantedEffect): on held-out members the chosen model's Qini coefficient beats targeting by churn risk
 * alone (the trained churn model's score), its per-segment predicted uplift has the planted signs, and the
 * scoring feeds the at-risk list's persuadable view with sleeping dogs flagged.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelRun } from '../../models/runs.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import type { PlantedEffect } from '../../workspace/demo/planted-effect.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { atRisk } from '../queue.ts';
import { scoreChurn } from '../score.ts';
import { trainChurnModel } from '../train.ts';
import { fitUplift } from './fit.ts';
import { scoreUplift } from './score.ts';
import { upliftScores } from './scores.ts';
import type { UpliftFitResult } from './types.ts';

let root: string;
let ws: Workspace;
let run: ModelRun<UpliftFitResult>;
let planted: PlantedEffect;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-uplift-'));
  ws = await initWorkspace(join(root, 'ws'));
  await generateDemo(ws, { customers: 20_000, months: 36, seed: 1 });
  planted = JSON.parse(readFileSync(join(ws.dir, 'ground-truth.json'), 'utf8')).campaign.plantedEffect;
  // A small churn model: the comparison needs its ordering, not its last point of AUC.
  await trainChurnModel(ws, { horizonDays: 90, snapshots: 2, gbdt: { trees: 100 } });
  run = await fitUplift(ws, { windowDays: planted.windowDays, seed: 1 });
}, 120_000);
afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('uplift targeting on the demo campaign (held-out members)', () => {
  it("beats targeting by churn risk alone on the Qini coefficient, and random targeting's 0", () => {
    const r = run.result.report;
    expect(r.campaignId).toBe('RET-01');
    expect(r.riskSource).toBe('churn_model');
    const coefficient = (ranking: string) => r.qini.find((q) => q.ranking === ranking)!.coefficient;
    const chosen = coefficient(r.chosen);
    expect(chosen).toBeGreaterThanOrEqual(Math.max(coefficient('two_model'), coefficient('transformed_outcome')));
    expect(chosen).toBeGreaterThan(coefficient('churn_risk'));
    expect(chosen).toBeGreaterThan(0);
    expect(coefficient('random')).toBe(0);
    // Held out: about 30 % of each arm, every member on one side only.
    const { trainTreatment, trainControl, holdoutTreatment, holdoutControl } = r.rows;
    expect(holdoutTreatment / (trainTreatment + holdoutTreatment)).toBeCloseTo(0.3, 1);
    expect(holdoutControl / (trainControl + holdoutControl)).toBeCloseTo(0.3, 1);
  });

  it('predicts uplift with the planted signs per product line: mobile responds, tv is hurt', () => {
    const by = (value: string) =>
      run.result.report.segments.find((s) => s.dimension === planted.dimension && s.value === value)!;
    expect(planted.bySegment.mobile).toBeGreaterThan(0);
    expect(by('mobile').predictedUplift).toBeGreaterThan(0);
    expect(planted.bySegment.tv).toBeLessThan(0);
    expect(by('tv').predictedUplift).toBeLessThan(0);
    expect(by('mobile').predictedUplift).toBeGreaterThan(by('broadband').predictedUplift);
  });

  it('scores current customers into the persuadable view, by expected saved value, sleeping dogs flagged', async () => {
    await scoreChurn(ws, {});
    const scored = (await scoreUplift(ws, { costPerContact: 20 })).result;
    expect(scored.customers).toBeGreaterThan(0);
    expect(scored.sleepingDogs).toBeGreaterThan(0);
    const page = await atRisk(ws, { view: 'persuadable', pageSize: 100 });
    expect(page.total).toBeGreaterThan(0);
    const values = page.rows.map((r) => r.expected_saved_value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const r of page.rows) {
      expect(r.expected_saved_value).toBeCloseTo(r.uplift! * r.clv! - 20, 6);
      expect(r.sleeping_dog).toBe(r.uplift! < 0);
    }
    const dogs = await upliftScores(ws, { sleepingDogs: true, pageSize: 10 });
    expect(dogs.total).toBe(scored.sleepingDogs);
    for (const r of dogs.rows) expect(r.uplift).toBeLessThan(0);
  });
});
