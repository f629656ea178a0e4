/**
 * The competitors page's routes over real HTTP on the demo: benchmarks over time (the demo plants an industry
 * survey's and a competitor's churn rate and that competitor's market share) and win–loss by competitor,
 * checked against the library's figures.
 */
import { computeMetrics } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

type Series = {
  metric: string;
  unit: string;
  benchmark_only: boolean;
  source: string;
  points: { period_start: string; benchmark: number; ours: number | null; difference: number | null }[];
  gap: { latest: number | null; slope: number | null; direction: string | null };
};

describe('GET /api/v1/benchmarks/trends', () => {
  it('one series per metric and source: ours beside theirs, market share without ours, the gap and its trend', async () => {
    const r = await viewer.get<{ series: Series[]; problems: unknown[] }>('/api/v1/benchmarks/trends');
    expect(r.status).toBe(200);
    expect(r.body.series.map((x) => [x.metric, x.source, x.unit, x.benchmark_only])).toEqual([
      ['churn_rate', 'Nimbus Mobile', 'ratio', false],
      ['churn_rate', 'Telecom retention survey', 'ratio', false],
      ['market_share', 'Nimbus Mobile', 'ratio', true],
    ]);
    expect(r.body.problems).toEqual([]);
    const rows = (
      await viewer.get<{ rows: { source: string; metric: string; period_start: string; ours: number | null }[] }>(
        '/api/v1/benchmarks',
      )
    ).body.rows;
    for (const series of r.body.series) {
      expect(series.points).toHaveLength(12);
      for (const p of series.points) {
        const row = rows.find(
          (x) => x.source === series.source && x.metric === series.metric && x.period_start === p.period_start,
        );
        expect(p.ours).toBe(row?.ours);
        if (p.ours !== null) expect(p.difference).toBeCloseTo(p.ours - p.benchmark, 12);
      }
    }
    const rival = r.body.series[0] as Series;
    expect(rival.gap.latest).toBe(rival.points.at(-1)?.difference);
    expect(rival.gap.slope).not.toBeNull();
    expect(r.body.series[2]?.points.every((p) => p.ours === null && p.difference === null)).toBe(true);
  });
});

describe('GET /api/v1/competitors/win-loss', () => {
  it('customers lost to each competitor, their MRR, reasons and won back add up to the metric', async () => {
    type Body = {
      from: string;
      to: string;
      period_starts: string[];
      competitors: {
        competitor: string;
        lost: number;
        mrr_lost: number;
        won_back: number;
        reasons: { lost: number }[];
      }[];
      periods: { competitor: string; lost: number }[];
    };
    const r = await viewer.get<Body>('/api/v1/competitors/win-loss?period=quarter&from=2024-01&to=2025-12');
    expect(r.status).toBe(200);
    expect(r.body.competitors.map((c) => c.competitor).sort()).toEqual(['BlueWave', 'Nimbus Mobile', 'Vertex Telecom']);
    const rows = await computeMetrics(s.ws.db, s.ws.config, ['churn_by_competitor'], {
      period: 'quarter',
      from: '2024-01',
      to: '2025-12',
    });
    for (const c of r.body.competitors) {
      const mine = rows.filter((x) => x.segment.competitor === c.competitor);
      expect(c.lost).toBe(mine.reduce((t, x) => t + (x.value ?? 0), 0));
      expect(c.mrr_lost).toBeCloseTo(
        mine.reduce((t, x) => t + (x.parts?.mrr_lost ?? 0), 0),
        6,
      );
      expect(c.won_back).toBe(mine.reduce((t, x) => t + (x.parts?.won_back ?? 0), 0));
      expect(c.reasons.reduce((t, x) => t + x.lost, 0)).toBe(c.lost);
      expect(r.body.periods.filter((p) => p.competitor === c.competitor).reduce((t, p) => t + p.lost, 0)).toBe(c.lost);
    }
    expect(r.body.period_starts).toEqual([
      '2024-01-01',
      '2024-04-01',
      '2024-07-01',
      '2024-10-01',
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
    const lost = r.body.competitors.map((c) => c.lost);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
  });

  it('refuses a bad period with a problem', async () => {
    expect((await viewer.get('/api/v1/competitors/win-loss?period=fortnight')).status).toBe(400);
  });
});
