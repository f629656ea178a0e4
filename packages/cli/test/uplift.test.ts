/**
 * `tenure uplift fit | score` on a demo workspace, as a user runs them: the refusals before a fit, on an unknown
 * campaign and on a window the data does not cover yet; the fit's Qini report (JSON and Chinese); the scores by
 * expected saved value.
 */
import { join } from 'node:path';
import type { UpliftReport, UpliftScoreRow, UpliftScoreSummary } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let demo: string;
beforeAll(async () => {
  tmp = tempDir();
  demo = join(tmp, 'demo');
  const r = await tenure(['demo', '--customers', '5000', '--months', '24', '-w', demo]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

describe('tenure uplift on the demo business', SLOW, () => {
  it('refuses to score before a fit, an unknown campaign, and a window the data does not cover yet', async () => {
    expectJsonError(await tenure(['uplift', 'score', '-w', demo, '--json']), 4, 'TEN_UPLIFT_NO_MODEL');
    expectJsonError(
      await tenure(['uplift', 'fit', '--campaign', 'NOPE', '-w', demo, '--json']),
      4,
      'TEN_UPLIFT_NO_CAMPAIGN',
    );
    // The demo's campaign starts six months before the data ends.
    expectJsonError(
      await tenure(['uplift', 'fit', '--window', '400', '-w', demo, '--json']),
      3,
      'TEN_UPLIFT_WINDOW_OPEN',
    );
    expectJsonError(await tenure(['uplift', 'fit', '--holdout', '0.9', '-w', demo, '--json']), 3, 'TEN_BAD_OPTION');
  });

  it('fit reports both approaches, churn risk and random on the held-out members; score lists the persuadable', async () => {
    const fit = await tenure(['uplift', 'fit', '--campaign', 'RET-01', '--trees', '60', '-w', demo, '--json']);
    expect(fit.code, fit.stderr).toBe(0);
    const r = json<UpliftReport & { runId: number }>(fit);
    expect(r.qini.map((q) => q.ranking).sort()).toEqual(['churn_risk', 'random', 'transformed_outcome', 'two_model']);
    expect(r.riskSource).toBe('pooled');
    expect(r.windowDays).toBe(90);
    const zh = await tenure(['uplift', 'fit', '--trees', '60', '--lang', 'zh', '-w', demo]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('Qini 系数');
    const scored = await tenure(['uplift', 'score', '--cost', '20', '--top', '5', '-w', demo, '--json']);
    expect(scored.code, scored.stderr).toBe(0);
    const s = json<UpliftScoreSummary & { top: UpliftScoreRow[] }>(scored);
    expect(s.costPerContact).toBe(20);
    expect(s.top).toHaveLength(5);
    const values = s.top.map((t) => t.expected_saved_value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
