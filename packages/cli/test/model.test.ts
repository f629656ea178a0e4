/**
 * `tenure model …` as a user runs it: training on the IBM Telco snapshot with the committed test split (the
 * test AUC a notebook can compare with), and errors for a bad split file or option.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainMetrics } from '@tenure/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../core/test/datasets.ts';
import { writeTelcoTestIds } from '../../core/test/reference/predict/telco-split.ts';
import { cleanup, expectHumanError, expectJsonError, json, root, SLOW, TELCO, tempDir, tenure } from './helpers.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV);

const ref = join(root, 'packages/core/test/reference/predict');
const xgboost = JSON.parse(readFileSync(join(ref, 'xgboost-telco.json'), 'utf8'));

let tmp: string;
let TEST_IDS: string;
let telco: string;
beforeAll(async () => {
  tmp = tempDir();
  TEST_IDS = writeTelcoTestIds(tmp);
  telco = join(tmp, 'telco');
  expect((await tenure(['init', '-w', telco])).code).toBe(0);
  const r = await tenure(['import', 'customers', TELCO, '--as-of', '2024-12-31', '-w', telco]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

suite('tenure model train on IBM Telco', SLOW, () => {
  it('--test-ids FILE --json reports test_auc among its metrics, close to XGBoost on the same split', async () => {
    const r = await tenure(['model', 'train', '--test-ids', TEST_IDS, '-w', telco, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ runId: number; metrics: TrainMetrics; importance: { feature: string }[] }>(r);
    expect(out.metrics.test_rows).toBe(xgboost.rows.test);
    expect(Math.abs(out.metrics.test_auc! - xgboost.test_auc)).toBeLessThanOrEqual(0.005);
    expect(out.metrics.baseline_test_auc).toBeGreaterThan(0.8);
    expect(out.importance[0]?.feature).toBe('contract');
    expect(out).not.toHaveProperty('model');
  });

  it('prints the measures and the important features for people', async () => {
    const r = await tenure(['model', 'train', '--test-ids', TEST_IDS, '--classifier', 'logistic', '-w', telco]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Churn model \(logistic, static\) stored as run \d+/);
    expect(r.stdout).toMatch(/^test\s+2110\s+564\s+0\.8\d{3}/m);
  });

  it('refuses a test-id file naming unknown customers (exit 3), and a bad option', async () => {
    const bad = join(tmp, 'ids.txt');
    writeFileSync(bad, 'NOPE-1\n');
    expectJsonError(
      await tenure(['model', 'train', '--test-ids', bad, '-w', telco, '--json']),
      3,
      'TEN_PREDICT_TEST_IDS',
    );
    expectHumanError(await tenure(['model', 'train', '--depth', 'deep', '-w', telco]), 3, 'TEN_BAD_OPTION');
  });
});
