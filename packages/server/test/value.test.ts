/**
 * The customer pyramid and the derived dimensions over real HTTP on the 300-customer demo: the route answers what
 * the library computes, the tiers hold the configured shares of the customers with a value, and a metric broken
 * down by value_tier adds up to the whole.
 */
import { computeMetrics, valuePyramid } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let month: string;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
  month = (await viewer.get<{ last_complete_month: string }>('/api/v1/status')).body.last_complete_month;
});
afterAll(() => s.close());

type Pyramid = Awaited<ReturnType<typeof valuePyramid>>;

describe('GET /api/v1/value/pyramid', () => {
  it('answers what valuePyramid computes: the tiers hold 20 % / 30 % / 50 % of the customers with a value', async () => {
    const r = await viewer.get<Pyramid>(`/api/v1/value/pyramid?period=month&at=${month}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(await valuePyramid(s.ws.db, s.ws.config, { period: 'month', at: month }));
    expect(r.body.as_of).toBe(`${month}-01`);
    const [top, middle, rest] = r.body.tiers;
    const n = r.body.tiers.reduce((a, t) => a + t.customers, 0);
    expect(n).toBeGreaterThan(100);
    expect(top?.customers).toBe(Math.floor(0.2 * n));
    expect(middle?.customers).toBe(Math.floor(0.5 * n) - Math.floor(0.2 * n));
    expect(rest?.customers).toBe(n - Math.floor(0.5 * n));
    // Ranked by CLV: the top fifth holds more value than the bottom half.
    expect(top?.clv).toBeGreaterThan(rest?.clv ?? Number.POSITIVE_INFINITY);
    expect(r.body.tiers.map((t) => t.label['zh-CN'])).toEqual(['前 20%', '次 30%', '其余']);
  });

  it('refuses a period that is not a date', async () => {
    expectProblem(await viewer.get('/api/v1/value/pyramid?at=last-year'), 400, 'TEN_BAD_OPTION');
  });
});

describe('derived dimensions in the metric query parameters', () => {
  it('status lists them; churn by value_tier and lifecycle_stage adds up to the whole', async () => {
    const st = await viewer.get<{ derived_dimensions: string[] }>('/api/v1/status');
    expect(st.body.derived_dimensions).toEqual(['value_tier', 'rfm_cell', 'rfm_segment', 'lifecycle_stage']);
    const q = { period: 'month', from: month, to: month } as const;
    const [all] = await computeMetrics(s.ws.db, s.ws.config, ['churn_rate'], q);
    for (const by of ['value_tier', 'lifecycle_stage']) {
      const r = await viewer.get<{
        rows: { segment: Record<string, string>; numerator: number; denominator: number }[];
      }>(`/api/v1/metrics/churn_rate?period=month&from=${month}&to=${month}&by=${by}`);
      expect(r.status).toBe(200);
      expect(r.body.rows.length).toBeGreaterThan(1);
      expect(r.body.rows.reduce((a, x) => a + x.denominator, 0)).toBe(all?.denominator);
      expect(r.body.rows.reduce((a, x) => a + x.numerator, 0)).toBe(all?.numerator);
    }
    const top = await viewer.get<{ rows: { denominator: number }[] }>(
      `/api/v1/metrics/active_customers?period=month&from=${month}&to=${month}&filter=value_tier:top`,
    );
    expect(top.status).toBe(200);
  });
});
