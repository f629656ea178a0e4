/**
 * `tenure model evaluate | train | score | explain` on a demo workspace, as a user runs them: the backtest
 * against the baseline, the scores with their queue and alerts, and one customer explained in Chinese.
 */
import { join } from 'node:path';
import type { BacktestResult, Explanation, ScoreSummary } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let demo: string;
beforeAll(async () => {
  tmp = tempDir();
  demo = join(tmp, 'demo');
  const r = await tenure(['demo', '--customers', '2000', '--months', '30', '-w', demo]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

describe('tenure model on the demo business', SLOW, () => {
  it('scoring before training says how to train', async () => {
    expectJsonError(await tenure(['model', 'score', '-w', demo, '--json']), 4, 'TEN_PREDICT_NO_MODEL');
    expectHumanError(await tenure(['model', 'score', '--deliver-wait', 'soon', '-w', demo]), 3, 'TEN_BAD_OPTION');
  });

  it('evaluate: a time-based backtest that beats the logistic baseline', async () => {
    const r = await tenure(['model', 'evaluate', '--horizon', '90', '--snapshots', '4', '-w', demo, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<BacktestResult & { runId: number }>(r);
    expect(out.metrics.test_auc).toBeGreaterThan(out.metrics.baseline_test_auc);
    expect(out.trainSnapshots).toHaveLength(4);
  });

  it('train, score and explain: the queue, its reasons in Chinese, the alerts', async () => {
    expect((await tenure(['model', 'train', '--snapshots', '4', '-w', demo])).code).toBe(0);
    const scored = await tenure(['model', 'score', '-w', demo, '--json']);
    expect(scored.code, scored.stderr).toBe(0);
    const s = json<ScoreSummary & { runId: number }>(scored);
    expect(Object.values(s.tiers).reduce((a, b) => a + b, 0)).toBe(s.customers);
    const top = s.top[0]!;
    const human = await tenure(['model', 'explain', top.customer_id, '--lang', 'zh', '-w', demo]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`${top.customer_id} 截至 ${s.asOf}：流失概率`);
    expect(human.stdout).toContain(top.reasons[0]!.text['zh-CN']);
    const e = json<Explanation>(await tenure(['model', 'explain', top.customer_id, '-w', demo, '--json']));
    expect(e.probability).toBeCloseTo(top.probability, 12);
    const again = await tenure(['model', 'score', '--lang', 'zh', '-w', demo]);
    expect(again.stdout).toMatch(/^已为 [\d,]+ 位客户评分，截至 \d{4}-\d{2}-\d{2}/);
    expect(again.stdout).toMatch(/新预警 0 条/);
    expectJsonError(
      await tenure(['model', 'explain', 'NOBODY', '-w', demo, '--json']),
      4,
      'TEN_PREDICT_UNKNOWN_CUSTOMER',
    );
  });
});
