/**
 * GET /api/v1/clv/ltv over real HTTP on the demo: the formula LTV of the last four quarters with its interval,
 * as the metric gives it, and the latest scoring run's per-customer CLV (none before scoring; then its mean and
 * median over the scored customers).
 */
import { computeMetric, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

type Body = {
  ltv: { period_start: string; value: number | null; ci_low: number | null; ci_high: number | null }[];
  clv: { as_of: string; customers: number; mean: number; median: number } | null;
};

describe('GET /api/v1/clv/ltv', () => {
  it('LTV per quarter with its interval beside no CLV before scoring, then the scored mean and median', async () => {
    const before = (await viewer.get<Body>('/api/v1/clv/ltv')).body;
    expect(before.clv).toBeNull();
    expect(before.ltv).toHaveLength(4);
    const rows = await computeMetric(s.ws.db, s.ws.config, 'ltv', {
      period: 'quarter',
      from: before.ltv[0]!.period_start,
      to: before.ltv[3]!.period_start,
    });
    expect(before.ltv.map((q) => [q.value, q.ci_low, q.ci_high])).toEqual(
      rows.map((r) => [r.value, r.ci_low, r.ci_high]),
    );
    for (const q of before.ltv) {
      expect(q.value).not.toBeNull();
      expect(q.ci_low!).toBeLessThanOrEqual(q.value!);
    }
    // A scoring run's rows, stored as scoreChurn stores them, through the write lane (which drops cached views).
    await s.app.tenure.write(async (ws) => {
      for (const [c, clv] of [
        ['A', 100],
        ['B', 400],
        ['C', 1000],
      ] as const)
        await ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, clv, clv_source, retain)
          VALUES (99, ${c}, DATE '2025-12-31', 0.2, 0, 'low', ${clv}, 'fallback', true)`);
    });
    const after = (await viewer.get<Body>('/api/v1/clv/ltv')).body;
    expect(after.clv).toMatchObject({ as_of: '2025-12-31', customers: 3, mean: 500, median: 400 });
  });
});
