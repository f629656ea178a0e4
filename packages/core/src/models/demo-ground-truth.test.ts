/**
 * On the demo business (workspace/demo), the models recover what the generator put in, within sampling error:
 * churn per contract against ground-truth.json's realised rates, Cox hazard ratios against the generating
 * hazards, the spend model against the generator's mean order value. The demo's purchases follow subscription
 * lives with decaying engagement, not a BG/NBD process, so BG/NBD parameter recovery is tested on BTYD-simulated
 * data instead (bg-nbd/recovery.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../sql/sql.ts';
import { DEMO_PARAMS, generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { runModel } from './catalog.ts';
import { discountedTransactions } from './clv/clv.ts';
import { expectedSpend } from './gamma-gamma/gamma-gamma.ts';

type Truth = { realised: { churnByContract: Record<string, { atRisk: number; churned: number; rate: number }> } };

let root: string;
let ws: Workspace;
let truth: Truth;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tenure-models-demo-'));
  ws = await initWorkspace(join(root, 'ws'));
  await generateDemo(ws, { customers: 20_000, months: 36, seed: 7 });
  truth = JSON.parse(readFileSync(join(ws.dir, 'ground-truth.json'), 'utf8'));
});
afterAll(async () => {
  await ws?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('demo: recovered survival agrees with the ground truth', () => {
  it('Kaplan–Meier churn per customer-month, by contract, is the realised rate within 3 standard errors', async () => {
    const { result } = await runModel(ws, 'km', { unit: 'month', by: ['contract'] });
    expect(result.basis).toBe('subscriptions');
    for (const c of result.curves) {
      // The KM curve's total exposure and churns give the average monthly hazard (events ÷ customer-months).
      const exposure = c.table.reduce((s, r) => s + r.time * (r.events + r.censored), 0);
      const rate = c.events / exposure;
      const se = Math.sqrt(c.events) / exposure;
      const realised = truth.realised.churnByContract[c.segment]!.rate;
      expect(Math.abs(rate - realised) / se, `${c.segment}: ${rate} vs ${realised}`).toBeLessThan(3);
    }
    expect(result.logRank!.pValue).toBeLessThan(1e-10);
  });

  it('Cox hazard ratios of the contracts lie between the generating voluntary and total hazard ratios', async () => {
    const { result } = await runModel(ws, 'cox', { unit: 'month', covariates: ['contract'] });
    const { baseHazard: base, involuntaryHazard: inv } = DEMO_PARAMS.churn;
    for (const c of ['one_year', 'two_year'] as const) {
      const hr = result.fit.terms.find((t) => t.term === `contract=${c}`)!.hazardRatio;
      // Multipliers act on the voluntary hazard only, so the true ratio is between these two.
      const [low, high] = [base[c] / base.month_to_month, (base[c] + inv) / (base.month_to_month + inv)];
      expect(hr, c).toBeGreaterThan(low);
      expect(hr, c).toBeLessThan(high);
    }
  });
});

describe('demo: recovered value agrees with the ground truth', () => {
  it("the spend model's mean per transaction is the generator's mean order value within 3 standard errors", async () => {
    const { result } = await runModel(ws, 'gamma-gamma', { unit: 'month' });
    const [s] = await ws.db.all<{ sd: number; n: number }>(
      sql`SELECT stddev(CAST(amount AS DOUBLE)) AS sd, count(*) AS n FROM orders`,
    );
    const se = s!.sd / Math.sqrt(s!.n);
    expect(Math.abs(result.fit.populationMean - DEMO_PARAMS.orders.amountMean) / se).toBeLessThan(3);
    // The generator draws amounts independently of frequency: the model's assumption holds.
    expect(Math.abs(result.fit.frequencySpendCorrelation)).toBeLessThan(0.05);
  });

  it('CLV values every buyer and every subscriber, and ranks the top customers', async () => {
    const { result } = await runModel(ws, 'clv', { unit: 'month', horizonMonths: 12, top: 20 });
    expect(result.top).toHaveLength(20);
    expect(result.top.map((c) => c.clv)).toEqual([...result.top.map((c) => c.clv)].sort((a, b) => b - a));
    const at = sql`CAST(${result.valuedAt} AS TIMESTAMP)`;
    const [valued] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (
      SELECT customer_id FROM orders UNION SELECT customer_id FROM subscriptions
      WHERE started_at < ${at} AND (ended_at IS NULL OR ended_at >= ${at}) AND mrr > 0)`);
    expect(result.customers).toBe(valued!.n);
    // Each value is the subscription part plus margin × E[spend | x, m̄] × discounted expected transactions.
    for (const c of result.top) {
      expect(c.expectedSpend).toBeCloseTo(expectedSpend(result.gammaGamma.params, c.x, c.m), 10);
      const det = discountedTransactions(result.bgNbd.params, 'month', 12, result.discountRate, c.x, c.t_x, c.T);
      expect(c.purchaseValue).toBeCloseTo(c.pAlive === null ? 0 : result.margin * c.expectedSpend * det, 8);
      expect(c.clv).toBeCloseTo(c.subscriptionValue + c.purchaseValue, 8);
    }
  });
});
