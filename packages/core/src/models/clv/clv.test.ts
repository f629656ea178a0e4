/**
 * CLV on the CDNOW sample: discounting and horizons behave as the definition says, and each customer's value is
 * margin × expected spend × discounted expected transactions from the two fitted models.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CDNOW_MASTER, CDNOW_SAMPLE, describeWithDatasets } from '../../../test/datasets.ts';
import { cdnowSampleWorkspace } from '../../../test/fixtures/models/workspaces.ts';
import { expectClose } from '../../../test/reference/stats/reference.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { bgNbdPatterns } from '../bg-nbd/bg-nbd.ts';
import { expectedPurchases, pAlive } from '../bg-nbd/predict.ts';
import { expectedSpend } from '../gamma-gamma/gamma-gamma.ts';
import { rfmSource } from '../rfm.ts';
import { type ClvResult, customerValue, discountedTransactions } from './clv.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(CDNOW_MASTER, CDNOW_SAMPLE);

const Q = { unit: 'week', calibrationEnd: '1997-09-30' } as const;
let ws: Workspace;
let done: () => Promise<void>;
let value: ClvResult;

beforeAll(async () => {
  ({ ws, done } = await cdnowSampleWorkspace());
  value = await customerValue(ws.db, ws.config, { ...Q, horizonMonths: 12, top: 10, margin: 0.3 });
});
afterAll(() => done());

suite('discounted expected transactions', () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('without discounting is the expected purchases over the horizon (monthly steps telescope)', () => {
    const year = 365.25 / 7; // 12 months in weeks
    expectClose(
      discountedTransactions(p, 'week', 12, 0, 2, 30.43, 38.86),
      expectedPurchases(p, year, 2, 30.43, 38.86),
      1e-12,
    );
  });

  it('falls with the discount rate and rises with the horizon', () => {
    const at = (rate: number, months: number) => discountedTransactions(p, 'week', months, rate, 3, 20, 38);
    expect(at(0.1, 12)).toBeLessThan(at(0, 12));
    expect(at(0.3, 12)).toBeLessThan(at(0.1, 12));
    expect(at(0.1, 24)).toBeGreaterThan(at(0.1, 12));
  });
});

suite('customerValue on CDNOW', () => {
  it('values the 2,357 customers and lists the top ones, each from the two models', () => {
    expect(value.customers).toBe(2357);
    expect(value.top).toHaveLength(10);
    for (const c of value.top) {
      expectClose(c.expectedSpend, expectedSpend(value.gammaGamma.params, c.x, c.m), 1e-12);
      const det = discountedTransactions(value.bgNbd.params, 'week', 12, 0.1, c.x, c.t_x, c.T);
      expectClose(c.clv, 0.3 * c.expectedSpend * det, 1e-12);
      expect(c.clv).toBeLessThanOrEqual(value.top[0]!.clv);
    }
    expect(value.quantiles.map((q) => q.value)).toEqual([...value.quantiles.map((q) => q.value)].sort((a, b) => a - b));
    expect(value.totalValue).toBeGreaterThan(value.top.reduce((s, c) => s + c.clv, 0));
  });

  it('expects Σ P(alive) customers still active', async () => {
    const p = await bgNbdPatterns(ws.db, await rfmSource(ws.db, ws.config, Q));
    let alive = 0;
    for (let i = 0; i < p.w.length; i++) alive += p.w[i]! * pAlive(value.bgNbd.params, p.x[i]!, p.t_x[i]!, p.T[i]!);
    expectClose(value.expectedAlive, alive, 1e-10);
  });
});
