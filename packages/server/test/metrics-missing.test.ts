/**
 * A metric empty for want of data says which table to import, in the request's language and worded for the
 * caller: an API client gets the import route, the dashboard (x-tenure-client: web) its own page's controls.
 */
import { type api, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
type Metric = z.infer<typeof api.metricResponse>;

beforeAll(async () => {
  s = await startServer({}, 200);
  // A workspace without surveys: removed before the server has served (and cached) anything.
  await s.ws.db.run(sql`DELETE FROM surveys`);
  viewer = new Client(s.url, s.keys.viewer);
}, 60_000);
afterAll(() => s?.close());

const range = 'from=2025-01&to=2025-06';

describe('GET /metrics/:name on a workspace without surveys', () => {
  it('names surveys as what NPS lacks, with the import route for an API client', async () => {
    const r = await viewer.get<Metric>(`/api/v1/metrics/nps?${range}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.rows.every((row) => row.value === null)).toBe(true);
    expect(r.body.missing.map((m) => m.entities)).toEqual([['surveys']]);
    expect(r.body.missing[0]?.hint).toContain('/api/v1/imports');
  });

  it('words it for the dashboard without an API path or a command, in Chinese when asked', async () => {
    const web = { 'x-tenure-client': 'web' };
    const en = await viewer.call<Metric>('GET', `/api/v1/metrics/nps?${range}`, {}, { headers: web });
    const zh = await viewer.call<Metric>('GET', `/api/v1/metrics/nps?${range}&lang=zh-CN`, {}, { headers: web });
    for (const r of [en, zh]) {
      expect(r.body.missing.map((m) => m.entities)).toEqual([['surveys']]);
      expect(r.body.missing[0]?.hint).not.toMatch(/\/api\/|tenure |--/);
    }
    expect(zh.body.missing[0]?.message).not.toBe(en.body.missing[0]?.message);
  });

  it('says nothing for a metric whose data are there', async () => {
    const r = await viewer.get<Metric>(`/api/v1/metrics/churn_rate?${range}`);
    expect(r.body.rows.some((row) => row.value !== null)).toBe(true);
    expect(r.body.missing).toEqual([]);
  });
});

describe('GET /overview on a workspace without surveys', () => {
  it('marks the survey cards with the table they need, and no other', async () => {
    const r = await viewer.get<z.infer<typeof api.overviewResponse>>('/api/v1/overview?to=2025-06');
    expect(r.status, r.text).toBe(200);
    const missing = Object.fromEntries(r.body.kpis.map((k) => [k.metric, k.missing]));
    expect(missing).toMatchObject({ nps: [['surveys']], csat: [['surveys']], churn_rate: [], mrr: [] });
    expect(r.body.kpis.filter((k) => k.missing.length > 0).map((k) => k.metric)).toEqual(['nps', 'csat']);
  });
});
