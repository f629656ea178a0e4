/**
 * The server-facing cases of the hostile-input corpus (issue 11), through the real server: an upload nested
 * 100,000 deep once killed the process, and event batches accepted -infinity dates and grew a column per
 * unknown key.
 */
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let analyst: Client;
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
});
afterAll(() => s.close());

const orderColumns = async () =>
  (await s.ws.db.all(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'`)).length;

describe('hostile input over HTTP', () => {
  it('POST /imports/preview of JSON nested 100,000 deep is 422 TEN_IMPORT_TOO_DEEP and the server lives on', async () => {
    const f = new FormData();
    f.append('entity', 'customers');
    const deep = `[{"customer_id":"D1","created_at":"2024-01-01","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`;
    f.append('file', new Blob([deep]), 'deep.json');
    const r = await analyst.call('POST', '/api/v1/imports/preview', { form: f });
    expectProblem(r, 422, 'TEN_IMPORT_TOO_DEEP');
    expect(r.text).not.toMatch(/tenure-upload-|\/tmp\//);
    expect((await analyst.get('/api/v1/status')).status).toBe(200);
  });

  it('POST /events/orders with -infinity rejects that row and loads the others', async () => {
    const r = await analyst.call<{ new: number; rejected: number; rejects: { line: number; code: string }[] }>(
      'POST',
      '/api/v1/events/orders',
      {
        json: {
          rows: [
            { order_id: 'HX-1', customer_id: 'C0000001', ordered_at: '-infinity', amount: 1 },
            { order_id: 'HX-2', customer_id: 'C0000001', ordered_at: '2025-06-01', amount: 1 },
          ],
        },
      },
    );
    expect(r.status).toBe(200);
    expect([r.body.new, r.body.rejected]).toEqual([1, 1]);
    expect(r.body.rejects.map((x) => [x.line, x.code])).toEqual([[1, 'TEN_ROW_DATE_OUT_OF_RANGE']]);
  });

  it('POST /events/orders with keys the table has no column for is 422 and adds no column', async () => {
    const before = await orderColumns();
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`new_key_${i}`, i]));
    const t0 = Date.now();
    const r = await analyst.call('POST', '/api/v1/events/orders', {
      json: { rows: [{ order_id: 'HX-3', customer_id: 'C0000001', ordered_at: '2025-06-01', amount: 1, ...extra }] },
    });
    expectProblem(r, 422, 'TEN_EVENT_UNKNOWN_KEYS');
    // 300 new keys took 146 s when each became a column.
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await orderColumns()).toBe(before);
  });
});
