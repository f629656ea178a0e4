/**
 * Figures right after a write, over real HTTP: the overview is answered at once from its last answer, marked
 * `refreshing` with the moment it was true, then (once the rollups are rebuilt) with the new figures; a settings
 * change serves no earlier figure.
 */
import type { api } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Client, startServer, type TestServer } from './helpers.ts';

type Overview = z.infer<typeof api.overviewResponse>;

let s: TestServer;
let viewer: Client;
let analyst: Client;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
  analyst = new Client(s.url, s.keys.analyst);
});
afterAll(() => s.close());

const overview = async (query = '') => {
  const r = await viewer.get<Overview>(`/api/v1/overview${query}`);
  expect(r.status).toBe(200);
  return r.body;
};
const mrr = (o: Overview) => o.kpis.find((k) => k.metric === 'mrr')?.value ?? Number.NaN;

/** Ask again until the answer is no longer being refreshed. */
async function untilFresh(query = ''): Promise<Overview> {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((go) => setTimeout(go, 100))) {
    const o = await overview(query);
    if (!o.refreshing) return o;
  }
  throw new Error('the overview stayed stale');
}

describe('figures right after a write', () => {
  it('an event batch: the last overview at once, marked as of before it, then the new figures', async () => {
    const before = await untilFresh();
    expect(Date.parse(before.as_of)).toBeLessThanOrEqual(Date.now());
    // A subscription open over the whole window adds its MRR to the last period's figure.
    const row = { subscription_id: 'FRESH-1', customer_id: 'C0000001', started_at: before.from, mrr: 100_000 };
    const posted = Date.now();
    const r = await analyst.call('POST', '/api/v1/events/subscriptions', { json: { rows: [row] } });
    expect(r.body).toMatchObject({ new: 1, rejected: 0 });

    const stale = await overview();
    expect(stale.refreshing).toBe(true);
    expect(stale.kpis).toEqual(before.kpis);
    // True until the write landed: after the answer was computed, before the batch's reply came back.
    expect(Date.parse(stale.as_of)).toBeGreaterThanOrEqual(Date.parse(before.as_of));
    expect(Date.parse(stale.as_of)).toBeLessThanOrEqual(Date.now());

    // A view nobody asked for before the write has no earlier answer: it is computed, with the batch in it.
    const unseen = await overview('?periods=6');
    expect(unseen.refreshing).toBe(false);
    expect(mrr(unseen)).toBeCloseTo(mrr(before) + 100_000, 2);

    const fresh = await untilFresh();
    expect(mrr(fresh)).toBeCloseTo(mrr(before) + 100_000, 2);
    expect(Date.parse(fresh.as_of)).toBeGreaterThanOrEqual(posted);
  });

  it('the metric routes and cohorts are kept the same way', async () => {
    const metric = async () => (await viewer.get<{ refreshing: boolean; rows: unknown[] }>('/api/v1/metrics/mrr')).body;
    const cohorts = async () => (await viewer.get<{ refreshing: boolean; as_of: string }>('/api/v1/cohorts')).body;
    const [m, c] = [await metric(), await cohorts()];
    expect([m.refreshing, c.refreshing]).toEqual([false, false]);
    const row = { subscription_id: 'FRESH-2', customer_id: 'C0000002', started_at: '2024-01-01', mrr: 5 };
    expect((await analyst.call('POST', '/api/v1/events/subscriptions', { json: { rows: [row] } })).status).toBe(200);
    const [m2, c2] = [await metric(), await cohorts()];
    expect([m2.refreshing, c2.refreshing]).toEqual([true, true]);
    expect(m2.rows).toEqual(m.rows);
  });

  it('a settings change serves no earlier figure, not even marked stale', async () => {
    const before = await untilFresh();
    const admin = new Client(s.url, s.keys.admin);
    const changed = Date.now();
    const r = await admin.call('PUT', '/api/v1/settings', { json: { churn: { grace_days: 30 } } });
    expect(r.status).toBe(200);
    const after = await overview();
    expect(after.refreshing).toBe(false);
    expect(Date.parse(after.as_of)).toBeGreaterThanOrEqual(changed);
    // A 30-day grace period delays churn: the figures are the new definition's.
    expect(after.kpis[0]?.series).not.toEqual(before.kpis[0]?.series);
  });
});
