/**
 * Calibration / holdout validation on the CDNOW sample (calibration to 1997-09-30, 39-week holdout as in Fader,
 * Hardie & Lee 2005): the actual holdout purchases are recounted here from the raw file, and the predictions
 * are the BG/NBD's conditional expectations averaged per calibration frequency.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, CDNOW_SAMPLE, describeWithDatasets } from '../../test/datasets.ts';
import { failure } from '../../test/fixtures/ingest/helpers.ts';
import { cdnowSampleWorkspace, dataset } from '../../test/fixtures/models/workspaces.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { expectedPurchases } from './bg-nbd/predict.ts';
import { readColumns } from './columns.ts';
import { rfmSource } from './rfm.ts';
import { type PurchaseValidation, type ValidationResult, validateModels } from './validate.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER, CDNOW_SAMPLE);

let ws: Workspace;
let done: () => Promise<void>;
let v: ValidationResult;
let purchases: PurchaseValidation;

beforeAll(async () => {
  ({ ws, done } = await cdnowSampleWorkspace());
  v = await validateModels(ws.db, ws.config, { unit: 'week', calibrationEnd: '1997-09-30' });
  purchases = v.purchases as PurchaseValidation;
});
afterAll(() => done());

/** Holdout repeat-purchase days per sample customer, from CDNOW_sample.txt with plain JS. */
function holdoutDays(): number {
  const days = new Set<string>();
  for (const line of readFileSync(dataset('cdnow/CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/)) {
    const [id, , day] = line.trim().split(/\s+/) as [string, string, string];
    if (day > '19970930' && day <= '19980630') days.add(`${id}/${day}`);
  }
  return days.size;
}

suite('validation on CDNOW', () => {
  it('splits at the calibration end with a 39-week holdout to the last order', () => {
    expect([v.calibrationEnd, v.holdoutEnd, purchases.holdout]).toEqual(['1997-09-30', '1998-06-30', 39]);
  });

  it('counts the actual holdout purchases as the raw file has them', () => {
    expect(purchases.total.actual).toBe(holdoutDays());
    expect(purchases.byFrequency.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(purchases.byFrequency.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    const weighted = purchases.byFrequency.reduce((s, b) => s + b.actual * b.customers, 0);
    expect(weighted).toBeCloseTo(purchases.total.actual, 8);
  });

  it('predicts each frequency group as the mean of its customers’ conditional expectations', async () => {
    const source = await rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: '1997-09-30' });
    const { num, rows } = await readColumns(ws.db, sql`SELECT x, t_x, "T" FROM (${source.customers}) c WHERE x = 2`);
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += expectedPurchases(purchases.fit.params, 39, 2, num.t_x![i]!, num.T![i]!);
    const two = purchases.byFrequency.find((b) => b.frequency === '2')!;
    expect(two.customers).toBe(rows);
    expect(two.predicted).toBeCloseTo(sum / rows, 12);
    // Predictions rise with past frequency, as the actual purchases do.
    const predicted = purchases.byFrequency.map((b) => b.predicted);
    expect(predicted).toEqual([...predicted].sort((a, b) => a - b));
    expect(purchases.revenue!.actual).toBeGreaterThan(0);
  });

  it('needs a calibration end that leaves a holdout', async () => {
    await failure(validateModels(ws.db, ws.config, { unit: 'week', calibrationEnd: '1998-06-30' }), 'TEN_BAD_OPTION');
  });
});
