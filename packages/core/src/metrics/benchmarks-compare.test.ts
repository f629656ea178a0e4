import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { importFile } from '../ingest/import.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { type BenchmarkReport, compareBenchmarks, inferGrain } from './benchmarks-compare.ts';

/*
 * tiny-saas churn (metrics.golden.test.ts): January 2024 2/7, February 0/6; the first quarter loses B, C and H
 * of the 7 customers active on January 1 (K is back before April 1) → 3/7.
 */
const CSV = `来源,指标,期间开始,期间结束,数值,细分,备注
Acme report,churn_rate,2024-01-01,2024-01-31,0.25,all,monthly
Acme report,流失率,2024-02-01,,0.05,,Chinese title and no end: a month
Peer survey,Churn rate,2024-01-01,2024-03-31,0.5,,a quarter
Rival,churn_rte,2024-01-01,2024-01-31,0.3,,typo
Rival,churn_rate,2024-01-15,2024-02-14,0.3,,not a calendar period
North peer,churn_rate,2024-01-01,2024-02-01,0.1,region=north,exclusive end
Odd,churn_rate,2024-01-01,2024-01-31,0.1,enterprise,not dimension=value
Rival,市场份额,2024-01-01,2024-03-31,0.2,,market share: a benchmark-only figure
`;

let ws: Workspace;
let report: BenchmarkReport;
const row = (source: string, metric: string) => report.rows.find((r) => r.source === source && r.metric === metric)!;

beforeAll(async () => {
  ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-benchmarks-')));
  await fillTinySaas(ws);
  const file = join(ws.dir, 'benchmarks.csv');
  writeFileSync(file, CSV);
  const summary = await importFile(ws, 'benchmarks', file);
  expect(summary).toMatchObject({ status: 'loaded', rowsLoaded: 8, rowsRejected: 0 });
  report = await compareBenchmarks(ws.db, ws.config);
});
afterAll(() => ws.close());

describe('compareBenchmarks on tiny-saas', () => {
  it('compares a month with our hand-computed churn', () => {
    expect(row('Acme report', 'churn_rate')).toMatchObject({
      metricId: 'churn_rate',
      grain: 'month',
      period_start: '2024-01-01',
      period_end: '2024-01-31',
      segment: 'all',
      note: 'monthly',
      benchmark: 0.25,
      ours: 2 / 7,
      difference: expect.closeTo(2 / 7 - 0.25, 12),
      ratio: expect.closeTo(2 / 7 / 0.25, 12),
      problem: null,
    });
  });

  it('resolves titles (English and Chinese), infers months without an end and quarters', () => {
    expect(row('Acme report', '流失率')).toMatchObject({
      metricId: 'churn_rate',
      grain: 'month',
      ours: 0,
      difference: -0.05,
      ratio: 0,
    });
    expect(row('Peer survey', 'Churn rate')).toMatchObject({ grain: 'quarter', ours: 3 / 7, problem: null });
  });

  it('compares a dimension=value segment with our value for that segment', () => {
    // January, north: B churned of A, B, G, I, K active on January 1.
    expect(row('North peer', 'churn_rate')).toMatchObject({ grain: 'month', ours: 1 / 5, problem: null });
  });

  it('accepts a benchmark-only figure (market share, by its Chinese title) with its unit and without ours', () => {
    expect(row('Rival', '市场份额')).toMatchObject({
      metricId: null,
      benchmarkOnly: 'market_share',
      unit: 'ratio',
      grain: 'quarter',
      ours: null,
      difference: null,
      problem: null,
    });
    expect(row('Acme report', 'churn_rate')).toMatchObject({ benchmarkOnly: null, unit: 'ratio' });
  });

  it('reports unknown metrics, irregular periods and unreadable segments instead of throwing', () => {
    expect(row('Rival', 'churn_rte')).toMatchObject({
      metricId: null,
      ours: null,
      problem: 'unknown metric "churn_rte"',
    });
    expect(row('Rival', 'churn_rate')).toMatchObject({ grain: null, ours: null });
    expect(row('Rival', 'churn_rate').problem).toMatch(/calendar month/);
    expect(row('Odd', 'churn_rate').problem).toMatch(/dimension=value/);
    expect(report.unknownMetrics).toEqual([{ metric: 'churn_rte', rows: 1, suggestion: 'churn_rate' }]);
    expect(report.rows).toHaveLength(8);
  });
});

describe('inferGrain', () => {
  it('knows months, quarters and years, inclusive or exclusive ends', () => {
    expect(inferGrain('2024-02-01', '2024-02-29')).toBe('month');
    expect(inferGrain('2024-04-01', '2024-06-30')).toBe('quarter');
    expect(inferGrain('2024-01-01', '2024-12-31')).toBe('year');
    expect(inferGrain('2024-01-01', '2025-01-01')).toBe('year');
    expect(inferGrain('2024-01-01', null)).toBe('month');
    expect(inferGrain('2024-01-02', null)).toBeNull();
    expect(inferGrain('2024-01-01', '2024-02-15')).toBeNull();
  });
});

forEachEngine(
  'compareBenchmarks on every engine',
  async (w) => {
    await fillTinySaas(w);
    writeFileSync(join(w.dir, 'benchmarks.csv'), CSV);
    await importFile(w, 'benchmarks', join(w.dir, 'benchmarks.csv'));
  },
  (e) => {
    e.it('gives the reference comparison', async () => {
      const got = await compareBenchmarks(e.conn, e.ws.config);
      expect(got).toEqual(await compareBenchmarks(e.ws.db, e.ws.config));
      expect(got.rows.filter((r) => r.problem === null)).toHaveLength(5);
    });
  },
);
