/**
 * `tenure value pyramid` and the derived dimensions in `tenure metrics`, as a user runs them on a demo workspace:
 * the JSON is what the library computes, the table speaks the language asked for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetricRow, segmentSummary, valuePyramid, withWorkspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonError, json, SLOW, tenure } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tenure-cli-value-'));
const ws = join(tmp, 'demo');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  const r = await tenure(['demo', '--customers', '300', '--months', '24', '--seed', '5', '-w', ws, '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('tenure value pyramid', SLOW, () => {
  it('prints the pyramid the library computes as JSON, and a table in Chinese', async () => {
    const r = await tenure(['value', 'pyramid', '--period', 'quarter', '--at', '2025-Q1', '-w', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const expected = await withWorkspace(ws, (w) => valuePyramid(w.db, w.config, { period: 'quarter', at: '2025-Q1' }));
    expect(json(r)).toEqual(expected);
    expect(expected.tiers.map((t) => t.tier)).toEqual(['top', 'middle', 'rest']);
    const zh = await tenure(['value', 'pyramid', '--period', 'quarter', '--at', '2025-Q1', '--lang', 'zh', '-w', ws]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('客户金字塔（分层于 2025-01-01）');
    expect(zh.stdout).toContain('前 20%');
    expect(zh.stdout).toContain('流失率');
  });

  it('tenure value segments: the RFM grid and lifecycle counts the library computes, stages named in Chinese', async () => {
    const r = await tenure(['value', 'segments', '-w', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toEqual(await withWorkspace(ws, (w) => segmentSummary(w.db, w.config, {})));
    const zh = await tenure(['value', 'segments', '--lang', 'zh', '-w', ws]);
    expect(zh.stdout).toContain('生命周期阶段');
    expect(zh.stdout).toContain('已流失');
  });

  it('refuses a period the pyramid does not take', async () => {
    const r = await tenure(['value', 'pyramid', '--period', 'week', '--at', '2025', '-w', ws, '--json']);
    expectJsonError(r, 3, 'TEN_BAD_OPTION');
  });

  it('breaks a metric down by lifecycle stage and filters it by value tier', async () => {
    const by = await tenure([
      'metrics',
      'churn_rate',
      '--from',
      '2025-03',
      '--to',
      '2025-03',
      '--by',
      'lifecycle_stage',
      '-w',
      ws,
      '--json',
    ]);
    expect(by.code, by.stderr).toBe(0);
    const stages = new Set(json<MetricRow[]>(by).map((x) => x.segment.lifecycle_stage));
    expect(stages.has('active')).toBe(true);
    const top = await tenure([
      'metrics',
      'active_customers',
      '--from',
      '2025-03',
      '--to',
      '2025-03',
      '--filter',
      'value_tier=top',
      '-w',
      ws,
      '--json',
    ]);
    expect(top.code, top.stderr).toBe(0);
    expect(json<MetricRow[]>(top)[0]?.value).toBeGreaterThan(0);
  });
});
