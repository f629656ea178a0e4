/**
 * Static snapshot training on IBM Telco (imported with the real importer), on the fixed hash split of
 * test/reference/predict/telco-split.ts: the test AUC must be within 0.005 of XGBoost's on the same rows and protocol
 * (xgboost-telco.py wrote xgboost-telco.json; this test reads only the JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../test/datasets.ts';
import { dataset, failure, tempWorkspace } from '../../test/fixtures/ingest/helpers.ts';
import { writeTelcoTestIds } from '../../test/reference/predict/telco-split.ts';
import { importFile } from '../ingest/import.ts';
import { latestRun } from '../models/runs.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { parseChurnModel } from './model.ts';
import { CHURN_RUN, type TrainResult, trainChurnModel } from './train.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV);

const ref = join(import.meta.dirname, '../../test/reference/predict');
const xgboost = JSON.parse(readFileSync(join(ref, 'xgboost-telco.json'), 'utf8'));

let ws: Workspace;
let done: () => Promise<void>;
let dir: string;
let testIds: string;
beforeAll(async () => {
  ({ ws, done, dir } = await tempWorkspace());
  testIds = writeTelcoTestIds(dir);
  await importFile(ws, 'customers', dataset('telco/WA_Fn-UseC_-Telco-Customer-Churn.csv'), { asOf: '2024-12-31' });
});
afterAll(() => done());

suite('IBM Telco, static snapshot, fixed split', () => {
  let result: TrainResult;
  beforeAll(async () => {
    result = (await trainChurnModel(ws, { testIds })).result;
  });

  it('splits exactly as the XGBoost reference does (test ids, FNV-1a validation rule)', () => {
    const m = result.metrics;
    expect([m.train_rows, m.validation_rows, m.test_rows]).toEqual([
      xgboost.rows.train,
      xgboost.rows.valid,
      xgboost.rows.test,
    ]);
    expect(m.mode).toBe('static');
  });

  it(`test AUC within 0.005 of XGBoost hist (${xgboost.test_auc.toFixed(4)}), baseline reported beside it`, () => {
    const m = result.metrics;
    expect(Math.abs(m.test_auc! - xgboost.test_auc)).toBeLessThanOrEqual(0.005);
    expect(m.baseline_test_auc).toBeGreaterThan(0.8);
    expect(result.test?.calibration.reduce((n, b) => n + b.count, 0)).toBe(m.test_rows);
    // Contract type is Telco's strongest churn signal in every published analysis.
    expect(result.importance[0]?.feature).toBe('contract');
  });

  it('stores the run with a model that reads back as versioned JSON', async () => {
    const run = await latestRun(ws.db, CHURN_RUN);
    const stored = run?.result as TrainResult;
    expect(stored.metrics.test_auc).toBe(result.metrics.test_auc);
    expect(parseChurnModel(stored.model).classifier.kind).toBe('gbdt');
  });

  it('refuses test ids that are not customers of the workspace', async () => {
    const file = join(dir, 'ids.txt');
    writeFileSync(file, 'customer_id\n0004-TLHLJ\nNOPE-1\n');
    const e = await failure(trainChurnModel(ws, { testIds: file }), 'TEN_PREDICT_TEST_IDS');
    expect(e.where.value).toBe('NOPE-1');
  });
});
