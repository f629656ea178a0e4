/**
 * The case metrics through the metric route, as every catalogue metric is: a breakdown by a case column, and a
 * case write that the next read of a cached metric shows (the server drops the views that read cases).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Rows = { rows: { period_start: string; segment: Record<string, string>; value: number | null }[] };

let s: TestServer;
let analyst: Client;
let viewer: Client;
beforeAll(async () => {
  s = await startServer({}, 100);
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

const month = new Date().toISOString().slice(0, 7);
const opened = (query: string) =>
  viewer.get<Rows>(`/api/v1/metrics/cases_opened?period=month&from=${month}&to=${month}${query}`);

describe('case metrics over the API', () => {
  it('are listed in the catalogue', async () => {
    const r = await viewer.get<{ metrics: { id: string }[] }>('/api/v1/metrics');
    const ids = r.body.metrics.map((m) => m.id);
    for (const id of ['cases_opened', 'case_stage_time', 'case_first_response_sla', 'retaliatory_churn'])
      expect(ids).toContain(id);
  });

  it('break down by owner; a case write shows in the next read of the cached metric', async () => {
    const before = await opened('&by=owner');
    expect(before.status, before.text).toBe(200);
    const count = (r: Rows, owner: string) => r.rows.find((x) => x.segment.owner === owner)?.value ?? 0;
    const created = await analyst.call('POST', '/api/v1/cases', {
      json: { customer_id: 'C0000001', kind: 'complaint', subject: 'Billed twice', owner: 'analyst' },
    });
    expect(created.status, created.text).toBe(201);
    const after = await opened('&by=owner');
    expect(count(after.body, 'analyst')).toBe(count(before.body, 'analyst') + 1);
  });

  it('a case column is no breakdown of a customer metric', async () => {
    await expectProblem(await viewer.get(`/api/v1/metrics/churn_rate?by=owner`), 400, 'TEN_METRIC_UNKNOWN_SEGMENT');
  });
});
