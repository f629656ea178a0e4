/**
 * `tenure fit bgnbd`, `tenure clv` and `tenure models` as a user runs them, on all of CDNOW imported with
 * `tenure import orders`. The survival models are in models-survival.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, dataset, describeWithDatasets } from '../../core/test/datasets.ts';
import { cleanup, json, SLOW, tempDir, tenure } from './helpers.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER);

const CDNOW = dataset(CDNOW_MASTER);

let tmp: string;
let cdnow: string;

beforeAll(async () => {
  tmp = tempDir();
  cdnow = join(tmp, 'cdnow');
  expect((await tenure(['init', '-w', cdnow])).code).toBe(0);
  const r = await tenure(['import', 'orders', CDNOW, '--create-missing-customers', '-w', cdnow]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

suite('tenure fit bgnbd, clv and models on CDNOW', SLOW, () => {
  it('fits, values, validates and lists the stored runs', async () => {
    const fit = await tenure([
      'fit',
      'bgnbd',
      '--unit',
      'week',
      '--calibration-end',
      '1997-09-30',
      '-w',
      cdnow,
      '--json',
    ]);
    expect(fit.code, fit.stderr).toBe(0);
    const run = json<{
      runId: number;
      result: { fit: { converged: boolean; n: number; params: Record<string, number> } };
    }>(fit);
    expect(run.result.fit).toMatchObject({ converged: true, n: 23570 });
    const clv = await tenure(['clv', '--top', '3', '--horizon', '1y', '--unit', 'week', '-w', cdnow, '--json']);
    expect(clv.code, clv.stderr).toBe(0);
    const value = json<{ result: { horizonMonths: number; top: { clv: number }[] } }>(clv).result;
    expect(value.horizonMonths).toBe(12);
    expect(value.top).toHaveLength(3);
    const validate = await tenure([
      'models',
      'validate',
      '--calibration-end',
      '1997-09-30',
      '--unit',
      'week',
      '-w',
      cdnow,
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/7\+\s+\d+/);
    const list = json<{ runs: { model: string }[] }>(await tenure(['models', 'list', '-w', cdnow, '--json']));
    expect(list.runs.map((r) => r.model)).toEqual(['validation', 'clv', 'bgnbd']);
  });
});
