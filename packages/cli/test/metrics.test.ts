/**
 * `tenure metrics` and `tenure report` as a user runs them: real processes on a demo workspace. Both bring the
 * metric rollups they read up to date first, and give the same figures as the entity tables.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeMetrics, listRollups, type MetricRow, withWorkspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorOut, json, SLOW, tenure } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tenure-cli-metrics-'));
const ws = join(tmp, 'demo');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  const r = await tenure(['demo', '--customers', '400', '--months', '24', '--seed', '5', '-w', ws, '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

const rollupNames = () => withWorkspace(ws, async (w) => (await listRollups(w.db)).map((r) => r.name));

describe('tenure metrics', SLOW, () => {
  const range = ['--from', '2025-01', '--to', '2025-06'];

  it('prints a metric by month as JSON, equal to the entity tables, after building the rollup it reads', async () => {
    const r = await tenure([
      'metrics',
      'churn_rate',
      'nrr',
      '--period',
      'month',
      ...range,
      '--by',
      'region',
      '-w',
      ws,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<MetricRow[]>(r);
    expect(new Set(rows.map((x) => x.period_start)).size).toBe(6);
    expect(rows.every((x) => x.value === null || (x.value >= 0 && x.value <= 2))).toBe(true);
    expect((await rollupNames()).sort()).toEqual(['flow', 'revenue']);
    const base = await withWorkspace(ws, (w) =>
      computeMetrics(
        w.db,
        w.config,
        ['churn_rate', 'nrr'],
        { period: 'month', from: '2025-01', to: '2025-06', by: ['region'] },
        { rollups: false },
      ),
    );
    expect(rows).toEqual(JSON.parse(JSON.stringify(base)));
  });

  it('answers other grains from the entity tables, and names an unknown metric with the nearest one', async () => {
    const q = await tenure([
      'metrics',
      'churn_rate',
      '--period',
      'quarter',
      '--from',
      '2025-Q1',
      '--to',
      '2025-Q2',
      '-w',
      ws,
      '--json',
    ]);
    expect(q.code, q.stderr).toBe(0);
    expect(json<MetricRow[]>(q).map((x) => x.period_start)).toEqual(['2025-01-01', '2025-04-01']);
    const bad = await tenure(['metrics', 'churn_rat', ...range, '-w', ws, '--json']);
    expect(bad.code).not.toBe(0);
    const e = json<ErrorOut>(bad).error;
    expect(e.code).toBe('TEN_METRIC_UNKNOWN');
    expect(`${e.message} ${e.hint}`).toContain('churn_rate');
  });
});

describe('tenure report', SLOW, () => {
  it('writes the HTML report with its charts, after bringing the rollups it reads up to date', async () => {
    const out = join(tmp, 'report.html');
    const r = await tenure(['report', '--format', 'html', '--lang', 'zh', '--out', out, '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('流失率');
    expect((await rollupNames()).sort()).toEqual(['cohorts', 'flow', 'revenue']);
  });
});
