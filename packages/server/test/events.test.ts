/**
 * JSON event ingestion over real HTTP: upsert by key, idempotent, rejects returned, size limits, and the
 * metric rollups rebuilt after it.
 */
import { listRollups, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let analyst: Client;
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
});
afterAll(() => s.close());

type Result = {
  received: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: { line: number; code: string }[];
};
const orders = async () => (await s.ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orders`))[0]?.n ?? 0;
const batch = (n: number, amount = 10) =>
  Array.from({ length: n }, (_, i) => ({
    order_id: `EV-${i}`,
    customer_id: 'C0000001',
    ordered_at: '2025-06-01 10:00:00',
    amount: amount + i,
  }));

describe('events', () => {
  it('sending the same batch twice changes nothing; a changed row is updated', async () => {
    const before = await orders();
    const first = await analyst.call<Result>('POST', '/api/v1/events/orders', { json: { rows: batch(50) } });
    expect(first.body).toMatchObject({ received: 50, new: 50, updated: 0, unchanged: 0, rejected: 0 });
    expect(await orders()).toBe(before + 50);
    const again = await analyst.call<Result>('POST', '/api/v1/events/orders', { json: { rows: batch(50) } });
    expect(again.body).toMatchObject({ received: 50, new: 0, updated: 0, unchanged: 50, rejected: 0 });
    expect(await orders()).toBe(before + 50);
    const changed = [...batch(49), { ...batch(50)[49], amount: 1 }];
    expect(
      (await analyst.call<Result>('POST', '/api/v1/events/orders', { json: { rows: changed } })).body,
    ).toMatchObject({
      new: 0,
      updated: 1,
      unchanged: 49,
    });
  });

  it('bad rows are rejected with their position and code while the good ones load', async () => {
    const rows = [
      { order_id: 'EV-BAD-1', customer_id: 'C0000002', ordered_at: 'yesterday', amount: 5 },
      { order_id: 'EV-OK-1', customer_id: 'C0000002', ordered_at: '2025-06-02', amount: 5 },
      { order_id: 'EV-BAD-2', customer_id: 'NO-SUCH', ordered_at: '2025-06-02', amount: 5 },
    ];
    const r = await analyst.call<Result>('POST', '/api/v1/events/orders', { json: { rows } });
    expect(r.body).toMatchObject({ received: 3, new: 1, rejected: 2 });
    expect(r.body.rejects.map((x) => [x.line, x.code])).toEqual([
      [1, 'TEN_ROW_BAD_DATE'],
      [3, 'TEN_ROW_UNKNOWN_CUSTOMER'],
    ]);
  });

  it('refuses more than 10,000 rows and more than 10 MiB with 413, and unknown entities with 404', async () => {
    expectProblem(
      await analyst.call('POST', '/api/v1/events/orders', { json: { rows: batch(10_001) } }),
      413,
      'TEN_PAYLOAD_TOO_LARGE',
    );
    const big = JSON.stringify({ rows: [{ note: 'x'.repeat(11 * 1024 * 1024) }] });
    expectProblem(await analyst.call('POST', '/api/v1/events/orders', { raw: big }), 413, 'TEN_PAYLOAD_TOO_LARGE');
    expectProblem(
      await analyst.call('POST', '/api/v1/events/invoices', { json: { rows: batch(1) } }),
      404,
      'TEN_EVENT_ENTITY_UNKNOWN',
    );
  });

  it('rebuilds the metric rollups in the background after a write: those the write made stale, only', async () => {
    const builtAt = async () => Object.fromEntries((await listRollups(s.ws.db)).map((r) => [r.name, r.built_at]));
    const until = async (ok: () => Promise<boolean>) => {
      for (const end = Date.now() + 30_000; !(await ok()); ) {
        if (Date.now() > end) throw new Error('timed out waiting for the rollups');
        await new Promise((go) => setTimeout(go, 100));
      }
    };
    // The first refresh starts when the app is ready.
    await until(async () => Object.keys(await builtAt()).length === 4);
    const before = await builtAt();
    const r = await analyst.call<Result>('POST', '/api/v1/events/orders', {
      json: { rows: batch(3).map((o, i) => ({ ...o, order_id: `ROLLUP-${i}` })) },
    });
    expect(r.body).toMatchObject({ new: 3 });
    await until(async () => (await builtAt()).purchases !== before.purchases);
    // Orders changed, subscriptions did not: the subscription cubes were found fresh and kept.
    expect((await builtAt()).flow).toBe(before.flow);
  });

  it('viewers may not ingest', async () => {
    const viewer = new Client(s.url, s.keys.viewer);
    expectProblem(
      await viewer.call('POST', '/api/v1/events/orders', { json: { rows: batch(1) } }),
      403,
      'TEN_FORBIDDEN',
    );
  });
});
