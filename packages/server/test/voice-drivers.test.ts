/**
 * The voice driver routes over real HTTP on a 300-customer demo: churn lift, key drivers of the employee pulse,
 * exit reasons confirmed by an analyst (and refused to a viewer, or with a category of the other kind), and the
 * employee view by team with its plainly stated "too few teams".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Drivers = {
  customers: number;
  churned: number;
  drivers: { source: string; with_customers: number; significant: boolean }[];
};
type Exits = {
  total: number;
  rows: { customer_id: string; churned_at: string; suggested: { category: string | null }; confirmed: unknown }[];
};

let s: TestServer;
let analyst: Client;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

describe('voice driver routes', () => {
  it('churn lift of ticket categories and root causes, with BH flags', async () => {
    const r = await viewer.get<Drivers>('/api/v1/voice/drivers?source=ticket_category,root_cause&min_customers=3');
    expect(r.status, r.text).toBe(200);
    expect(r.body.customers).toBeGreaterThan(0);
    expect(r.body.drivers.length).toBeGreaterThan(0);
    expect(new Set(r.body.drivers.map((d) => d.source))).toEqual(new Set(['ticket_category', 'root_cause']));
    expectProblem(await viewer.get('/api/v1/voice/drivers?source=weather'), 400, 'TEN_BAD_OPTION');
  });

  it('key drivers of the employee pulse; an unknown survey is 404', async () => {
    const r = await viewer.get<{ outcome: string; drivers: { question_id: string; relative_weight: number }[] }>(
      '/api/v1/voice/key-drivers?kind=employee',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.outcome).toBe('enps');
    expect(r.body.drivers.map((d) => d.question_id)).toEqual(['environment', 'work_content', 'pay', 'training']);
    expectProblem(await viewer.get('/api/v1/voice/key-drivers?survey_id=nope'), 404, 'TEN_VOICE_NO_SURVEY');
  });

  it('exit reasons: listed with suggestions, confirmed by an analyst, refused to a viewer and for a wrong kind', async () => {
    const listed = await viewer.get<Exits>('/api/v1/voice/exits?status=suggested&page_size=5');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.total).toBeGreaterThan(0);
    const first = listed.body.rows[0]!;
    const body = { customer_id: first.customer_id, churned_at: first.churned_at, kind: 'voluntary', category: 'fault' };
    expectProblem(await viewer.call('POST', '/api/v1/voice/exits/confirm', { json: body }), 403, 'TEN_FORBIDDEN');
    expectProblem(
      await analyst.call('POST', '/api/v1/voice/exits/confirm', { json: { ...body, kind: 'involuntary' } }),
      422,
      'TEN_VOICE_BAD_TAXONOMY',
    );
    expectProblem(
      await analyst.call('POST', '/api/v1/voice/exits/confirm', { json: { ...body, churned_at: '1999-01-01' } }),
      404,
      'TEN_VOICE_EXIT_NOT_FOUND',
    );
    const confirmed = await analyst.call<{ confirmed: { category: string; by: string } }>(
      'POST',
      '/api/v1/voice/exits/confirm',
      { json: body },
    );
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.confirmed).toMatchObject({ category: 'fault', by: expect.stringMatching(/^key:/) });
    const after = await viewer.get<Exits>('/api/v1/voice/exits?status=confirmed');
    expect(after.body.rows.map((r) => r.customer_id)).toEqual([first.customer_id]);
  });

  it('employees by team, with the statement that three teams are too few', async () => {
    const r = await viewer.get<{
      dimensions: string[];
      teams: { team: string; satisfaction: number | null }[];
      csat: { teams: number; lower: number | null; statement: { en: string; 'zh-CN': string } };
    }>('/api/v1/voice/employees');
    expect(r.status, r.text).toBe(200);
    expect(r.body.dimensions).toEqual(['enps', 'environment', 'pay', 'training', 'work_content']);
    expect(r.body.teams.map((t) => t.team)).toEqual(['billing', 'care', 'retention']);
    expect(r.body.teams.every((t) => t.satisfaction !== null)).toBe(true);
    expect(r.body.csat).toMatchObject({ teams: 3, lower: null });
  });
});
