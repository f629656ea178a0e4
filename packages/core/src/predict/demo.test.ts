/**
 * The time-based backtest on the demo business, whose churn drivers are planted (workspace/demo/params.ts):
 * contract type, falling usage, the price rise and the first months of a subscription must come out among
 * the strongest features, and the model must beat the logistic baseline on the same test rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestRun } from '../models/runs.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { BACKTEST_RUN, type BacktestResult, backtestChurnModel } from './backtest.ts';
import { addDays } from './rows.ts';

let ws: Workspace;
let dir: string;
let result: BacktestResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-backtest-'));
  ws = await initWorkspace(join(dir, 'ws'));
  await generateDemo(ws, { customers: 5000, months: 36, seed: 1 });
  result = (await backtestChurnModel(ws, { horizonDays: 90, snapshots: 6 })).result;
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backtest on the demo workspace (churn within 90 days)', () => {
  it('tests at the latest month with complete labels, trains only on labels known before it', () => {
    expect(result.testDate).toBe('2025-10-01');
    expect(result.trainSnapshots).toHaveLength(6);
    for (const t of result.trainSnapshots) expect(addDays(t, 90) <= result.testDate).toBe(true);
  });

  it('ranks the planted drivers among the top features', () => {
    const rank = (f: string) => result.importance.findIndex((i) => i.feature === f) + 1;
    // Month-to-month contracts (base hazard 5× two-year), falling usage (×2.5), the price rise (×1.8).
    expect(rank('contract')).toBeLessThanOrEqual(3);
    expect(rank('usage_trend')).toBeLessThanOrEqual(3);
    expect(rank('mrr_change_90d')).toBeLessThanOrEqual(5);
    // The first three months of a subscription (×1.5).
    expect(rank('tenure_days')).toBeLessThanOrEqual(8);
  });

  it('beats the logistic baseline on the same rows; every measure is stored for the model report', async () => {
    const m = result.metrics;
    expect(m.test_auc).toBeGreaterThan(0.72);
    expect(m.test_auc).toBeGreaterThan(m.baseline_test_auc + 0.05);
    expect(m.test_lift_at_10).toBeGreaterThan(3);
    expect(m.test_brier).toBeLessThan(result.baseline.brier);
    const stored = (await latestRun(ws.db, BACKTEST_RUN))?.result as BacktestResult;
    expect(stored.metrics).toEqual(m);
    expect(stored.model.calibration).toHaveLength(10);
  });
});
