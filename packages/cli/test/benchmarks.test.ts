/**
 * `tenure benchmarks` as a user runs it on the demo (an industry survey's and a competitor's churn rate, the
 * competitor's market share, competitors named on the competitive churn events): the rows against ours with the
 * gap trends, and `--win-loss`, each in JSON equal to the library's and in a table naming the competitor, in
 * English and Chinese.
 */
import { join } from 'node:path';
import { benchmarkTrends, winLoss, withWorkspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, json, SLOW, tempDir, tenure } from './helpers.ts';

const tmp = tempDir();
const ws = join(tmp, 'demo');
afterAll(() => cleanup(tmp));
beforeAll(async () => {
  const r = await tenure(['demo', '--customers', '300', '--months', '24', '-w', ws, '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('tenure benchmarks', SLOW, () => {
  it('sets each benchmark against ours, keeps market share as benchmark-only, and prints gaps in pp', async () => {
    const r = await tenure(['benchmarks', '--json', '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
    type Out = {
      rows: { metricId: string | null; benchmarkOnly: string | null; unit: string | null; problem: string | null }[];
      unknownMetrics: unknown[];
      trends: unknown[];
    };
    const out = json<Out>(r);
    expect(out.unknownMetrics).toEqual([]);
    expect(out.rows.filter((x) => x.benchmarkOnly === 'market_share')).toHaveLength(12);
    expect(out.rows.every((x) => x.problem === null && x.unit === 'ratio')).toBe(true);
    const lib = await withWorkspace(ws, (w) => benchmarkTrends(w));
    expect(out.trends).toEqual(JSON.parse(JSON.stringify(lib.series)));
    const text = await tenure(['benchmarks', '-w', ws]);
    expect(text.stdout).toMatch(/market_share .*\(benchmark only\)/);
    expect(text.stdout).toMatch(/latest gap/);
    expect(text.stdout).toMatch(/[+-]\d+\.\d pp/);
    const zh = await tenure(['benchmarks', '--lang', 'zh', '-w', ws]);
    expect(zh.stdout).toContain('个百分点');
    expect(zh.stdout).toContain('差距每期变化');
  });

  it('--win-loss: the customers lost to each competitor as the library sums them, in a table naming each', async () => {
    const args = ['benchmarks', '--win-loss', '--period', 'quarter', '--from', '2024-01', '--to', '2025-12', '-w', ws];
    const r = await tenure([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lib = await withWorkspace(ws, (w) => winLoss(w, { period: 'quarter', from: '2024-01', to: '2025-12' }));
    expect(json(r)).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(lib.competitors.length).toBeGreaterThan(0);
    const text = await tenure(args);
    for (const c of lib.competitors) expect(text.stdout).toMatch(new RegExp(`${c.competitor}\\s+${c.lost}\\s`));
    const zh = await tenure([...args, '--lang', 'zh']);
    expect(zh.stdout).toContain('竞争对手得失');
    expect(zh.stdout).toContain('流失客户');
  });
});
