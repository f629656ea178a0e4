import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { importFile } from '../ingest/import.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { type BenchmarkTrends, benchmarkTrends, gapOf } from './benchmark-trends.ts';

/*
 * tiny-saas churn (metrics.golden.test.ts): January 2024 2/7, February 0/6.
 * Acme: Jan 0.25 → gap 2/7 − 0.25 = 0.0357…; Feb 0.05 → gap −0.05: slope −0.05 − 0.0357… = −0.0857… per month,
 *   latest gap −0.05, the same sign as the slope: widening (we moved from above them to further below).
 * Rival's market share (市场份额, a benchmark-only figure): plotted, no ours, no gap. Rival's churn_rte: unknown.
 */
const CSV = `source,metric,period_start,period_end,value,segment,note
Acme,churn_rate,2024-01-01,2024-01-31,0.25,all,
Acme,churn_rate,2024-02-01,2024-02-29,0.05,all,
Rival,市场份额,2024-01-01,2024-01-31,0.2,,their share
Rival,market_share,2024-02-01,,0.21,,
Rival,churn_rte,2024-01-01,2024-01-31,0.3,,typo
`;

let ws: Workspace;
let got: BenchmarkTrends;
beforeAll(async () => {
  ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-benchmark-trends-')));
  await fillTinySaas(ws);
  writeFileSync(join(ws.dir, 'b.csv'), CSV);
  await importFile(ws, 'benchmarks', join(ws.dir, 'b.csv'));
  got = await benchmarkTrends(ws);
});
afterAll(() => ws.close());

describe('benchmarkTrends on tiny-saas', () => {
  it('a source of a catalogue metric: its points beside ours, the latest gap and its slope per period', () => {
    const acme = got.series.find((s) => s.source === 'Acme');
    expect(acme).toMatchObject({ metric: 'churn_rate', unit: 'ratio', benchmarkOnly: false, grain: 'month' });
    expect(acme?.points.map((p) => [p.periodStart, p.benchmark, p.ours])).toEqual([
      ['2024-01-01', 0.25, 2 / 7],
      ['2024-02-01', 0.05, 0],
    ]);
    expect(acme?.gap.latest).toBeCloseTo(-0.05, 12);
    expect(acme?.gap.slope).toBeCloseTo(-0.05 - (2 / 7 - 0.25), 12);
    expect(acme?.gap.direction).toBe('widening');
  });

  it('market share by its Chinese title or id: one benchmark-only series, a ratio without ours', () => {
    const share = got.series.filter((s) => s.metric === 'market_share');
    expect(share).toHaveLength(1);
    expect(share[0]).toMatchObject({ unit: 'ratio', benchmarkOnly: true, title: { en: 'Market share' } });
    expect(share[0]?.points.map((p) => [p.benchmark, p.ours, p.difference])).toEqual([
      [0.2, null, null],
      [0.21, null, null],
    ]);
    expect(share[0]?.gap).toEqual({ latest: null, slope: null, direction: null });
  });

  it('an unknown metric is a problem, not a series', () => {
    expect(got.series).toHaveLength(2);
    expect(got.problems).toEqual([
      { source: 'Rival', metric: 'churn_rte', periodStart: '2024-01-01', problem: 'unknown metric "churn_rte"' },
    ]);
  });
});

describe('gapOf', () => {
  it('narrows when the gap shrinks towards 0 from either side, widens otherwise', () => {
    expect(
      gapOf([
        [0, 0.03],
        [1, 0.02],
        [2, 0.01],
      ]),
    ).toMatchObject({ direction: 'narrowing' });
    expect(
      gapOf([
        [0, -0.03],
        [2, -0.01],
      ]),
    ).toMatchObject({ slope: expect.closeTo(0.01, 12), direction: 'narrowing' });
    expect(
      gapOf([
        [0, 0.01],
        [1, 0.02],
      ]),
    ).toMatchObject({ direction: 'widening' });
    expect(
      gapOf([
        [0, 0.01],
        [1, 0.01],
      ]),
    ).toMatchObject({ slope: 0, direction: 'steady' });
    expect(gapOf([[0, 0.01]])).toEqual({ latest: 0.01, slope: null, direction: null });
  });
});
