/**
 * `tenure metrics` and `tenure report` as a user runs them: real processes on a demo workspace. Both bring the
 * metric rollups they read up to date first, and give the same figures as the entity tables.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeMetrics,
  listRollups,
  type MetricRow,
  type MetricSql,
  metricSql,
  sqlListing,
  withWorkspace,
} from '@tenure/core';
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

  it('--sql prints the SQL a metric runs with its bound values, the same as core prints', async () => {
    const args = ['metrics', 'churn_rate', '--sql', ...range, '--by', 'region', '-w', ws];
    const text = await tenure(args);
    const data = await tenure([...args, '--json']);
    expect(text.code, text.stderr).toBe(0);
    expect(data.code, data.stderr).toBe(0);
    const [printed] = json<MetricSql[]>(data);
    const core = await withWorkspace(ws, (w) =>
      metricSql(w.db, w.config, 'churn_rate', { period: 'month', from: '2025-01', to: '2025-06', by: ['region'] }),
    );
    expect(printed).toEqual(core);
    expect(text.stdout).toBe(`${sqlListing(core)}\n`);
    expect(text.stdout).toContain('-- $1 = ');
    const bad = await tenure([
      'metrics',
      'average_lifetime',
      '--sql',
      '--period',
      'week',
      ...range,
      '-w',
      ws,
      '--json',
    ]);
    expect(json<ErrorOut>(bad).error.code).toBe('TEN_BAD_OPTION');
  });
});

describe('how tenure metrics prints figures', SLOW, () => {
  /** Terminal columns of a line: CJK characters take two. */
  const width = (l: string) => [...l].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const lines = (out: string) => out.trimEnd().split('\n');

  it('names quarters 2025-Q1 and years 2025, and rate changes in percentage points', async () => {
    // One after the other: a command holds the workspace while it runs.
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
    ]);
    const y = await tenure([
      'metrics',
      'active_customers',
      '--period',
      'year',
      '--from',
      '2024',
      '--to',
      '2025',
      '-w',
      ws,
    ]);
    expect(q.code, q.stderr).toBe(0);
    const [, , q1, q2] = lines(q.stdout).map((l) => l.split(/\s{2,}/));
    expect([q1?.[1], q2?.[1]]).toEqual(['2025-Q1', '2025-Q2']);
    // One decimal policy (core present/format.ts): rate changes in percentage points to 0.1.
    expect(q2?.[3]).toMatch(/^[+-]\d+\.\d pp$/);
    expect(y.code, y.stderr).toBe(0);
    expect(
      lines(y.stdout)
        .slice(2)
        .map((l) => l.split(/\s{2,}/)[1]),
    ).toEqual(['2024', '2025']);
  });

  it('names what a breakdown metric counts: the reason and the category beside each count', async () => {
    const r = await tenure(['metrics', 'churn_reasons', 'churn_by_category', '--period', 'year', '--json', '-w', ws]);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<MetricRow[]>(r);
    const t = await tenure(['metrics', 'churn_reasons', 'churn_by_category', '--period', 'year', '-w', ws]);
    const [head, , ...body] = lines(t.stdout).map((l) => l.split(/\s{2,}/));
    expect(head?.slice(2, 5)).toEqual(['reason', 'kind', 'category']);
    const reason = rows.find((x) => x.metric === 'churn_reasons')?.segment.reason;
    expect(reason).toBeTruthy();
    expect(body.some((cells) => cells[2] === reason)).toBe(true);
  });

  it('writes CSV with a period label, a forecast flag and values rounded to the unit (cents for money)', async () => {
    const r = await tenure([
      'metrics',
      'mrr',
      '--from',
      '2025-01',
      '--to',
      '2025-03',
      '--forecast',
      '2',
      '--csv',
      '-w',
      ws,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...rows] = lines(r.stdout).map((l) => l.split(','));
    expect(head).toEqual([
      'metric',
      'period',
      'period_start',
      'period_end',
      'value',
      'numerator',
      'denominator',
      'ci_low',
      'ci_high',
      'forecast',
    ]);
    expect(rows.map((c) => [c[1], c[9]])).toEqual([
      ['2025-01', 'false'],
      ['2025-02', 'false'],
      ['2025-03', 'false'],
      ['2025-04', 'true'],
      ['2025-05', 'true'],
    ]);
    for (const c of rows) for (const v of c.slice(4, 9)) expect(v).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
  });

  it('lists metrics in short lines; --verbose wraps the definitions to the terminal (100 columns in a pipe)', async () => {
    const [list, verbose, zh] = await Promise.all([
      tenure(['metrics', '--list']),
      tenure(['metrics', '--list', '--verbose']),
      tenure(['metrics', '--list', '--verbose', '--lang', 'zh']),
    ]);
    for (const r of [list, verbose, zh]) expect(r.code, r.stderr).toBe(0);
    expect(Math.max(...lines(list.stdout).map(width))).toBeLessThanOrEqual(100);
    for (const r of [verbose, zh]) expect(Math.max(...lines(r.stdout).map(width))).toBeLessThanOrEqual(100);
    expect(lines(verbose.stdout).length).toBeGreaterThan(2 * lines(list.stdout).length); // the definitions are there
  });

  it('--lang zh translates every header', async () => {
    const m = await tenure(['metrics', 'churn_rate', '--from', '2025-01', '--to', '2025-02', '--lang', 'zh', '-w', ws]);
    const l = await tenure(['metrics', '--list', '--lang', 'zh']);
    for (const r of [m, l]) {
      expect(r.code, r.stderr).toBe(0);
      expect(lines(r.stdout)[0]).not.toMatch(/[A-Za-z]/);
    }
  });

  it('says what to import when a metric is empty for want of data: on stdout, on stderr beside --json', async () => {
    const bare = join(tmp, 'bare');
    const range = ['--from', '2025-01', '--to', '2025-06'];
    expect((await tenure(['init', '--workspace', bare])).code).toBe(0);
    const human = await tenure(['metrics', 'nps', 'churn_rate', ...range, '-w', bare]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('tenure import surveys');
    expect(human.stdout).toContain('tenure import subscriptions');
    const asJson = await tenure(['metrics', 'nps', ...range, '-w', bare, '--json']);
    expect(json<MetricRow[]>(asJson).every((r) => r.value === null)).toBe(true);
    expect(asJson.stderr).toContain('tenure import surveys');
    // The demo has surveys: nothing to say.
    expect((await tenure(['metrics', 'nps', ...range, '-w', ws])).stdout).not.toContain('tenure import');
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
