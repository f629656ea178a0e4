/**
 * `tenure survival`, `tenure fit cox` and `tenure fit sbg` as a user runs them: on the Telco snapshot imported with
 * `tenure import`, and on survivor counts typed in without any workspace. Numbers are checked against the committed
 * references (R survival, Fader & Hardie), so a wrong pipeline between the import and the printout fails.
 * The purchase models are in models-purchases.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../core/test/datasets.ts';
import { published, survivalReference } from '../../core/test/reference/models/reference.ts';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, TELCO, tempDir, tenure } from './helpers.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV);

let tmp: string;
let telco: string;

beforeAll(async () => {
  tmp = tempDir();
  telco = join(tmp, 'telco');
  expect((await tenure(['init', '-w', telco])).code).toBe(0);
  const r = await tenure(['import', 'customers', TELCO, '--as-of', '2024-12-31', '-w', telco]);
  expect(r.code, r.stderr).toBe(0);
  // Contract is a column of the Telco file; declaring it a dimension makes it a segment.
  const config = JSON.parse(readFileSync(join(telco, 'tenure.config.json'), 'utf8'));
  writeFileSync(join(telco, 'tenure.config.json'), JSON.stringify({ ...config, dimensions: ['contract'] }));
}, 120_000);
afterAll(() => cleanup(tmp));

suite('tenure fit sbg --survivors', SLOW, () => {
  it('fits counts typed in without a workspace, in years by default', async () => {
    const { highEnd } = published.sbg.cohorts;
    const nowhere = join(tmp, 'no-such-workspace');
    const [r, human] = await Promise.all([
      tenure(['fit', 'sbg', '--survivors', highEnd.survivors.join(','), '-w', nowhere, '--json']),
      tenure(['fit', 'sbg', '--survivors', highEnd.survivors.join('\t'), '-w', nowhere]),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ result: { unit: string; fit: { params: { alpha: number; beta: number } } } }>(r);
    expect(out.result.unit).toBe('year');
    expect(out.result.fit.params.alpha).toBeCloseTo(highEnd.alpha, 3);
    expect(out.result.fit.params.beta).toBeCloseTo(highEnd.beta, 3);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/alpha\s+0\.668/);
  });
});

suite('tenure survival and fit cox on the Telco snapshot', SLOW, () => {
  it('gives R survival’s curves by contract, on exact whole months', async () => {
    const r = await tenure(['survival', '--by', 'contract', '--unit', 'month', '-w', telco, '--json']);
    expect(r.code, r.stderr).toBe(0);
    type Curve = { segment: string; table: { time: number; survival: number }[] };
    const { result } = json<{ result: { curves: Curve[]; logRank: { chiSquare: number } } }>(r);
    const R = survivalReference.kaplanMeier.byContract;
    expect(result.curves.map((c) => c.segment)).toEqual(R.map((c) => c.segment));
    result.curves.forEach((c, g) => {
      expect(c.table.map((row) => row.time)).toEqual(R[g]!.log.time);
      c.table.forEach((row, i) => {
        expect(Math.abs(row.survival - R[g]!.log.survival[i]!)).toBeLessThan(1e-6);
      });
    });
    expect(result.logRank.chiSquare).toBeCloseTo(survivalReference.logRank.chisq, 6);
  });

  it('prints hazard ratios for named covariates, and refuses purchase models without orders', async () => {
    const cox = await tenure(['fit', 'cox', '--covariates', 'contract,monthly_charges', '-w', telco]);
    expect(cox.code, cox.stderr).toBe(0);
    expect(cox.stdout).toContain('contract=Two year');
    expect(cox.stdout).toContain('concordance');
    const bg = await tenure(['fit', 'bgnbd', '-w', telco]);
    expectHumanError(bg, 3, 'TEN_MODEL_INSUFFICIENT_DATA');
  });
});

suite('model command errors', SLOW, () => {
  it('refuses unknown models and malformed options with exit codes', async () => {
    const [model, unit, horizon, survivors] = await Promise.all([
      tenure(['fit', 'pareto', '-w', join(tmp, 'nowhere'), '--json']),
      tenure(['fit', 'bgnbd', '--unit', 'fortnight', '-w', join(tmp, 'nowhere'), '--json']),
      tenure(['clv', '--horizon', 'soon', '-w', join(tmp, 'nowhere'), '--json']),
      tenure(['fit', 'sbg', '--survivors', '1000,800', '-w', join(tmp, 'nowhere'), '--json']),
    ]);
    expectJsonError(model, 4, 'TEN_MODEL_UNKNOWN');
    expectJsonError(unit, 3, 'TEN_BAD_OPTION');
    expectJsonError(horizon, 3, 'TEN_BAD_OPTION');
    expectJsonError(survivors, 3, 'TEN_BAD_OPTION'); // one period only
  });
});
