/**
 * Cox regression (Efron ties) against R's coxph on IBM Telco, from a workspace filled by the real importer;
 * plus the partial likelihood's analytic score and information against finite differences.
 * Reference: test/reference/models/make-survival-reference.R.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../../test/datasets.ts';
import { failure } from '../../../test/fixtures/ingest/helpers.ts';
import { telcoWorkspace } from '../../../test/fixtures/models/workspaces.ts';
import { survivalReference } from '../../../test/reference/models/reference.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type CoxFit, fitCox } from './cox.ts';
import { type CoxData, efron } from './efron.ts';
import { type CoxDesign, coxDesign } from './features.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV);

const R = survivalReference.cox;
const COVARIATES = [
  'contract',
  'internet_service',
  'payment_method',
  'monthly_charges',
  'senior_citizen',
  'paperless_billing',
];
// R names a factor term column + level: "ContractOne year"; ours are "contract=One year".
const R_NAMES: Record<string, string> = {
  contract: 'Contract',
  internet_service: 'InternetService',
  payment_method: 'PaymentMethod',
  monthly_charges: 'MonthlyCharges',
  senior_citizen: 'SeniorCitizen',
  paperless_billing: 'PaperlessBilling',
};
const asR = (term: string) => {
  const [col, level] = term.split('=') as [string, string?];
  return `${R_NAMES[col]}${level ?? ''}`;
};

let ws: Workspace;
let done: () => Promise<void>;
let design: CoxDesign;
let fit: CoxFit;

beforeAll(async () => {
  ({ ws, done } = await telcoWorkspace());
  design = await coxDesign(ws.db, ws.config, { unit: 'month' }, COVARIATES);
  fit = fitCox(design.data, design.terms);
});
afterAll(() => done());

suite('Cox regression reproduces R coxph (Efron ties) on IBM Telco', () => {
  it('has the same terms, customers and churns', () => {
    expect(design.terms.map(asR)).toEqual(R.terms);
    expect([fit.n, fit.events]).toEqual([R.n, R.events]);
    expect(design.reference).toEqual({
      contract: 'Month-to-month',
      internet_service: 'DSL',
      payment_method: 'Bank transfer (automatic)',
      paperless_billing: 'No',
    });
  });

  it('coefficients to 1e-4 (in fact to 1e-8), standard errors, z, p and hazard ratios', () => {
    fit.terms.forEach((t, j) => {
      expect(Math.abs(t.coef - R.coef[j]!), t.term).toBeLessThan(1e-8);
      expect(Math.abs(t.stderr - R.se[j]!) / R.se[j]!, t.term).toBeLessThan(1e-7);
      expect(Math.abs(t.z - R.z[j]!), t.term).toBeLessThan(1e-5);
      expect(Math.abs(t.pValue - R.p[j]!) / R.p[j]!, t.term).toBeLessThan(1e-4);
      for (const [ours, theirs] of [
        [t.hazardRatio, R.hazardRatio[j]!],
        [t.lower, R.lower[j]!],
        [t.upper, R.upper[j]!],
      ] as const)
        expect(Math.abs(ours - theirs) / theirs, t.term).toBeLessThan(1e-7);
    });
  });

  it('log-likelihood at 0 and at the optimum, and concordance', () => {
    expect(Math.abs(fit.nullLogLik - R.logLik[0])).toBeLessThan(1e-6);
    expect(Math.abs(fit.logLik - R.logLik[1])).toBeLessThan(1e-6);
    expect(Math.abs(fit.concordance - R.concordance)).toBeLessThan(1e-9);
    expect(fit.iterations).toBeLessThanOrEqual(R.iterations + 1);
    expect(fit.likelihoodRatio.df).toBe(10);
  });
});

suite('Efron partial likelihood', () => {
  // Ties: two churns at t = 3 (weights 1 and 2), censoring at 3 and 1, churn at 1.
  const data: CoxData = {
    n: 5,
    p: 2,
    time: Float64Array.of(3, 3, 3, 1, 1),
    status: Uint8Array.of(1, 1, 0, 1, 0),
    weight: Float64Array.of(1, 2, 1, 1, 3),
    X: Float64Array.of(0.5, -1, -0.2, 0.3, 1, 1, -0.7, 0, 0.1, -0.4),
  };

  it('has an analytic score and information that match finite differences', () => {
    const beta = Float64Array.of(0.3, -0.6);
    const at = efron(data, beta);
    const h = 1e-6;
    for (let j = 0; j < 2; j++) {
      const up = Float64Array.from(beta);
      const down = Float64Array.from(beta);
      up[j]! += h;
      down[j]! -= h;
      const [fu, fd] = [efron(data, up), efron(data, down)];
      expect((fu.logLik - fd.logLik) / (2 * h)).toBeCloseTo(at.score[j]!, 7);
      for (let k = 0; k < 2; k++)
        expect(-(fu.score[k]! - fd.score[k]!) / (2 * h)).toBeCloseTo(at.information[k * 2 + j]!, 6);
    }
  });

  it('counts a weight-2 pattern as two tied customers, as the unaggregated data would', () => {
    const split: CoxData = {
      ...data,
      n: 6,
      time: Float64Array.of(3, 3, 3, 3, 1, 1),
      status: Uint8Array.of(1, 1, 1, 0, 1, 0),
      weight: Float64Array.of(1, 1, 1, 1, 1, 3),
      X: Float64Array.of(0.5, -1, -0.2, 0.3, -0.2, 0.3, 1, 1, -0.7, 0, 0.1, -0.4),
    };
    const beta = Float64Array.of(0.3, -0.6);
    expect(efron(split, beta).logLik).toBeCloseTo(efron(data, beta).logLik, 12);
  });
});

suite('Cox inputs', () => {
  it('refuses an unknown covariate, and a covariate with one value', async () => {
    await failure(coxDesign(ws.db, ws.config, { unit: 'month' }, ['bogus']), 'TEN_BAD_OPTION');
    await failure(coxDesign(ws.db, ws.config, { unit: 'month' }, ['region']), 'TEN_MODEL_INSUFFICIENT_DATA');
  });

  it('reports an infinite coefficient (a group nobody left) as non-convergence, never as a number', async () => {
    const d = await coxDesign(ws.db, ws.config, { unit: 'month' }, ['contract']);
    // Make every churner month-to-month: the other contracts' hazard ratios run off to 0.
    const mtm = (i: number) => d.data.X[i * 2]! < 0 && d.data.X[i * 2 + 1]! < 0;
    const status = d.data.status.map((s, i) => (mtm(i) ? s : 0));
    await failure(
      Promise.resolve().then(() => fitCox({ ...d.data, status }, d.terms)),
      'TEN_MODEL_NO_CONVERGENCE',
    );
  });
});
