/**
 * Kaplan–Meier and log-rank against R's survival package on the IBM Telco snapshot, read from a workspace
 * that the real importer filled (so the snapshot's whole-month tenures must come back exactly), plus small
 * hand-computed cases. Reference: test/reference/models/make-survival-reference.R.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatasets, TELCO_CSV } from '../../../test/datasets.ts';
import { failure } from '../../../test/fixtures/ingest/helpers.ts';
import { telcoWorkspace } from '../../../test/fixtures/models/workspaces.ts';
import { survivalReference as R, type RCurve, type RKaplanMeier } from '../../../test/reference/models/reference.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type KaplanMeier, kaplanMeier } from './kaplan-meier.ts';
import { logRank } from './log-rank.ts';
import { type SurvivalResult, survival } from './survival.ts';

/** Every suite here reads the public datasets: skipped, saying why, where they are not installed. */
const suite = describeWithDatasets(TELCO_CSV);

let ws: Workspace;
let done: () => Promise<void>;
let all: SurvivalResult;
let byContract: SurvivalResult;
let byContractLogLog: SurvivalResult;

beforeAll(async () => {
  ({ ws, done } = await telcoWorkspace());
  all = await survival(ws.db, ws.config, { unit: 'month', tau: R.tau });
  byContract = await survival(ws.db, ws.config, { unit: 'month', by: ['contract'], tau: R.tau });
  byContractLogLog = await survival(ws.db, ws.config, {
    unit: 'month',
    by: ['contract'],
    tau: R.tau,
    confType: 'log-log',
  });
});
afterAll(() => done());

/** Largest |ours − R| over a curve's columns; null in one must be null in the other. */
function maxDiff(ours: KaplanMeier, r: RCurve): number {
  expect(ours.table.map((row) => row.time)).toEqual(r.time);
  expect(ours.table.map((row) => [row.atRisk, row.events, row.censored])).toEqual(
    r.time.map((_, i) => [r.atRisk[i], r.events[i], r.censored[i]]),
  );
  let worst = 0;
  for (const col of ['survival', 'stderr', 'lower', 'upper'] as const) {
    ours.table.forEach((row, i) => {
      const [a, b] = [row[col], r[col][i] ?? null];
      expect(a === null, `${col} at t = ${row.time}`).toBe(b === null);
      if (a !== null && b !== null) worst = Math.max(worst, Math.abs(a - b));
    });
  }
  return worst;
}

function expectSummaries(ours: KaplanMeier, r: RKaplanMeier) {
  expect([ours.median.estimate, ours.median.lower, ours.median.upper]).toEqual([
    r.median,
    r.medianLower,
    r.medianUpper,
  ]);
  expect(Math.abs(ours.restrictedMean.estimate - r.rmean)).toBeLessThan(1e-9);
  expect(Math.abs(ours.restrictedMean.stderr - r.rmeanSe)).toBeLessThan(1e-9);
}

suite('Kaplan–Meier reproduces R survival on IBM Telco (S(t) to 1e-6)', () => {
  it('all customers: curve, Greenwood errors, log bands, restricted mean', () => {
    expect(all.curves.map((c) => c.segment)).toEqual(['all']);
    const c = all.curves[0]!;
    expect([c.n, c.events]).toEqual([7043, 1869]);
    expect(maxDiff(c, R.kaplanMeier.all.log)).toBeLessThan(1e-6);
    expectSummaries(c, R.kaplanMeier.all);
    expect(all.logRank).toBeNull();
  });

  it('by contract: three curves with log and log-log bands, medians and restricted means', () => {
    expect(byContract.curves.map((c) => c.segment)).toEqual(R.kaplanMeier.byContract.map((c) => c.segment));
    R.kaplanMeier.byContract.forEach((r, g) => {
      expect(maxDiff(byContract.curves[g]!, r.log)).toBeLessThan(1e-6);
      expect(maxDiff(byContractLogLog.curves[g]!, r.logLog)).toBeLessThan(1e-6);
      expectSummaries(byContract.curves[g]!, r);
    });
  });

  it('log-rank across contracts: observed, expected and χ² as survdiff', () => {
    const lr = byContract.logRank!;
    expect(lr.groups).toEqual(R.logRank.groups);
    expect(lr.observed).toEqual(R.logRank.observed);
    lr.expected.forEach((e, g) => {
      expect(Math.abs(e - R.logRank.expected[g]!)).toBeLessThan(1e-8);
    });
    expect(Math.abs(lr.chiSquare - R.logRank.chisq) / R.logRank.chisq).toBeLessThan(1e-10);
    expect(lr.df).toBe(2);
    expect(lr.pValue).toBeLessThan(1e-300);
  });
});

suite('kaplanMeier on hand-computed data', () => {
  // Times 1, 2+, 3, 3, 4+ (+ = censored): S = 4/5 at 1, then 2 of 3 at risk churn at 3 → 4/5 · 1/3.
  const p = {
    time: Float64Array.of(1, 2, 3, 4),
    events: Float64Array.of(1, 0, 2, 0),
    count: Float64Array.of(1, 1, 2, 1),
  };
  const km = kaplanMeier(p);

  it('steps down at churn times only and counts the risk set', () => {
    expect(km.table.map((r) => [r.time, r.atRisk, r.events, r.censored])).toEqual([
      [1, 5, 1, 0],
      [2, 4, 0, 1],
      [3, 3, 2, 0],
      [4, 1, 0, 1],
    ]);
    [0.8, 0.8, 0.8 / 3, 0.8 / 3].forEach((s, i) => {
      expect(km.table[i]!.survival).toBeCloseTo(s, 15);
    });
    // Greenwood: var ln S(3) = 1/(5·4) + 2/(3·1).
    expect(km.table[2]!.stderr).toBeCloseTo((0.8 / 3) * Math.sqrt(1 / 20 + 2 / 3), 14);
  });

  it('restricted mean is the area under the steps; the median is where it first reaches ½', () => {
    expect(km.restrictedMean.estimate).toBeCloseTo(1 + 0.8 * 2 + (0.8 / 3) * 1, 14);
    expect(km.median.estimate).toBe(3);
    // Exactly ½ over [1, 3): R takes the midpoint.
    const half = kaplanMeier({
      time: Float64Array.of(1, 3),
      events: Float64Array.of(1, 1),
      count: Float64Array.of(1, 1),
    });
    expect(half.median.estimate).toBe(2);
  });

  it('a curve that never reaches ½ has no median, and a single group has no log-rank test', () => {
    const flat = kaplanMeier({ time: Float64Array.of(5), events: Float64Array.of(1), count: Float64Array.of(10) });
    expect(flat.median.estimate).toBeNull();
    expect(logRank([{ group: 'a', patterns: p }])).toBeNull();
  });
});

suite('survival inputs', () => {
  it('refuses a segment that is not a configured dimension', async () => {
    await failure(survival(ws.db, ws.config, { unit: 'month', by: ['payment_method'] }), 'TEN_METRIC_UNKNOWN_SEGMENT');
  });

  it('has no customers before an as-of date earlier than every acquisition', async () => {
    await failure(survival(ws.db, ws.config, { unit: 'month', asOf: '1990-01-01' }), 'TEN_MODEL_INSUFFICIENT_DATA');
  });
});
