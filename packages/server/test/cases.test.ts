/**
 * The case routes over real HTTP: a complaint through the five steps, access by role, two agents on one case,
 * refusals by code, case text kept as text, and a transition that does not wait for an import running beside it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Case = { case_id: string; stage: string; version: number; owner: string | null; reopen_count: number } & Record<
  string,
  unknown
>;
type Detail = { case: Case; events: { version: number; actor: string; action: string; to_stage: string | null }[] };

let s: TestServer;
let analyst: Client;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

const open = async (c: Client, body: Record<string, unknown> = {}) => {
  const r = await c.call<Case>('POST', '/api/v1/cases', {
    json: { customer_id: 'C0000001', kind: 'complaint', subject: 'Dropped calls', ...body },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
};
const move = (c: Client, id: string, json: Record<string, unknown>) =>
  c.call<Case>('POST', `/api/v1/cases/${id}/moves`, { json });

describe('case routes', () => {
  it('walk a complaint through the five steps, each write by the authenticated user and audited', async () => {
    const c = await open(analyst);
    expect(c).toMatchObject({ stage: 'received', version: 1 });
    const steps: [string, Record<string, unknown>][] = [
      ['diagnosed', { root_cause: 'network_quality', severity: 'high', company_at_fault: true }],
      [
        'planned',
        { action_plan: 'Fix the cell, credit a month', compensation_kind: 'credit', compensation_amount: 50 },
      ],
      ['implementing', {}],
      ['following_up', { actions_done: 'Cell fixed, credited', compensation_granted: 50 }],
      ['closed', { contacted: true, satisfied: true, csat: 5 }],
    ];
    let version = c.version;
    for (const [to, fields] of steps) {
      const r = await move(analyst, c.case_id, { to, fields, version });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ stage: to, version: version + 1, ...fields });
      version = r.body.version;
    }
    const shown = await viewer.get<Detail>(`/api/v1/cases/${c.case_id}`);
    expect(shown.status).toBe(200);
    // The analyst's API key, as the access layer names it.
    const actor = shown.body.events[0]?.actor;
    expect(actor).toMatch(/^key:/);
    expect(shown.body.case).toMatchObject({ stage: 'closed', version: 6, csat: 5 });
    expect(shown.body.events.map((e) => [e.version, e.action, e.to_stage, e.actor])).toEqual([
      [6, 'moved', 'closed', actor],
      [5, 'moved', 'following_up', actor],
      [4, 'moved', 'implementing', actor],
      [3, 'moved', 'planned', actor],
      [2, 'moved', 'diagnosed', actor],
      [1, 'created', 'received', actor],
    ]);
    // Reopened, assigned, commented and edited, each a version on.
    const reopened = await analyst.call<Case>('POST', `/api/v1/cases/${c.case_id}/reopen`, {
      json: { to: 'diagnosed', version: 6, note: 'Dropping again' },
    });
    expect(reopened.body).toMatchObject({ stage: 'diagnosed', reopen_count: 1, version: 7 });
    const assigned = await analyst.call<Case>('POST', `/api/v1/cases/${c.case_id}/assign`, {
      json: { owner: 'analyst', version: 7 },
    });
    expect(assigned.body).toMatchObject({ owner: 'analyst', version: 8 });
    const noted = await analyst.call<Case>('POST', `/api/v1/cases/${c.case_id}/comments`, {
      json: { note: 'Called back', version: 8 },
    });
    expect(noted.body.version).toBe(9);
    const edited = await analyst.call<Case>('PATCH', `/api/v1/cases/${c.case_id}`, {
      json: { fields: { priority: 'high' }, version: 9 },
    });
    expect(edited.body).toMatchObject({ priority: 'high', version: 10 });
    const cancelled = await analyst.call<Case>('POST', `/api/v1/cases/${c.case_id}/cancel`, { json: { version: 10 } });
    expect(cancelled.body).toMatchObject({ stage: 'cancelled', version: 11 });
    // The audit log names the case for every write.
    const admin = new Client(s.url, s.keys.admin);
    const audit = await admin.get<{ rows: { route: string; target: string; actor: string; status: number }[] }>(
      '/api/v1/audit?page_size=500',
    );
    const mine = audit.body.rows.filter((r) => r.target === c.case_id);
    expect(mine.length).toBe(11);
    expect(mine.every((r) => r.actor === actor && r.status < 300)).toBe(true);
  });

  it('lists cases by filter, sorted, a page at a time with the total', async () => {
    await open(analyst, { customer_id: 'C0000002', priority: 'urgent', kind: 'retention', subject: 'Wants to leave' });
    const r = await viewer.get<{ total: number; page: number; page_size: number; rows: Case[] }>(
      '/api/v1/cases?kind=retention&status=open&sort=priority&page_size=1',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ page: 1, page_size: 1 });
    expect(r.body.total).toBeGreaterThanOrEqual(1);
    expect(r.body.rows[0]).toMatchObject({ kind: 'retention', stage: 'received' });
    // A repeated key is a list; the subject's words match case-insensitively.
    const both = await viewer.get<{ total: number; rows: Case[] }>(
      '/api/v1/cases?stage=received&stage=diagnosed&q=WANTS%20to&sort=opened_at&order=asc',
    );
    expect(both.status, both.text).toBe(200);
    expect(both.body.rows.map((x) => x.subject)).toEqual(['Wants to leave']);
    expectProblem(await viewer.get('/api/v1/cases?stage=nowhere'), 400, 'TEN_BAD_OPTION');
    expectProblem(await viewer.get('/api/v1/cases?page_size=100000'), 400, 'TEN_BAD_OPTION');
  });

  it('viewers read but cannot write (403); analysts write', async () => {
    const c = await open(analyst);
    expectProblem(
      await viewer.call('POST', '/api/v1/cases', {
        json: { customer_id: 'C0000001', kind: 'complaint', subject: 'x' },
      }),
      403,
      'TEN_FORBIDDEN',
    );
    for (const [method, path] of [
      ['POST', `/moves`],
      ['POST', `/assign`],
      ['POST', `/comments`],
      ['POST', `/reopen`],
      ['POST', `/cancel`],
      ['PATCH', ``],
    ] as const)
      expectProblem(
        await viewer.call(method, `/api/v1/cases/${c.case_id}${path}`, { json: { note: 'x' } }),
        403,
        'TEN_FORBIDDEN',
      );
    expect((await viewer.get(`/api/v1/cases/${c.case_id}`)).status).toBe(200);
    // A browser session of an analyst works the case as well, with its CSRF token.
    const session = new Client(s.url);
    await session.login('analyst');
    const r = await session.call<Case>('POST', `/api/v1/cases/${c.case_id}/comments`, { json: { note: 'Seen' } });
    expect(r.status, r.text).toBe(200);
    const shown = await viewer.get<Detail>(`/api/v1/cases/${c.case_id}`);
    expect(shown.body.events[0]).toMatchObject({ action: 'commented', actor: 'analyst' });
  });

  it('two agents moving one case from the same version: one 200, one 409 with the current version', async () => {
    const c = await open(analyst);
    const other = new Client(s.url);
    await other.login('admin');
    const body = {
      to: 'diagnosed',
      version: 1,
      fields: { root_cause: 'price', severity: 'low', company_at_fault: false },
    };
    const replies = await Promise.all([move(analyst, c.case_id, body), move(other, c.case_id, body)]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const lost = replies.find((r) => r.status === 409) as (typeof replies)[number];
    expectProblem(lost, 409, 'TEN_CASE_STALE');
    expect((lost.body as unknown as { version: number }).version).toBe(2);
    const shown = await viewer.get<Detail>(`/api/v1/cases/${c.case_id}`);
    expect(shown.body.events.map((e) => e.version)).toEqual([2, 1]);
    // A later write on the version read long ago is refused as well.
    expectProblem(
      await analyst.call('POST', `/api/v1/cases/${c.case_id}/comments`, { json: { note: 'late', version: 1 } }),
      409,
      'TEN_CASE_STALE',
    );
    // Each request audited once: the move that won in its own transaction, the refusals by the hook.
    const admin = new Client(s.url, s.keys.admin);
    const audit = await admin.get<{ rows: { route: string; target: string; status: number }[] }>(
      '/api/v1/audit?page_size=500',
    );
    const mine = audit.body.rows.filter((r) => r.target === c.case_id && r.route !== '/api/v1/cases');
    expect(mine.map((r) => `${r.route} ${r.status}`).sort()).toEqual([
      '/api/v1/cases/:id/comments 409',
      '/api/v1/cases/:id/moves 200',
      '/api/v1/cases/:id/moves 409',
    ]);
  });

  it('refusals: a missing field named (422), an unknown case (404), a skipped step (409), bad bodies never 500', async () => {
    const c = await open(analyst);
    const missing = await move(analyst, c.case_id, {
      to: 'diagnosed',
      fields: { severity: 'high', company_at_fault: true },
    });
    expectProblem(missing, 422, 'TEN_CASE_FIELD');
    expect((missing.body as unknown as { fields: { field: string; value: null }[] }).fields).toEqual([
      expect.objectContaining({ field: 'root_cause', value: null }),
    ]);
    const noSubject = await analyst.call('POST', '/api/v1/cases', {
      json: { customer_id: 'C0000001', kind: 'complaint' },
    });
    expectProblem(noSubject, 422, 'TEN_CASE_FIELD');
    expect((noSubject.body as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['subject']);
    // The actor is who is logged in, never a body field.
    const actor = await analyst.call('POST', `/api/v1/cases/${c.case_id}/comments`, {
      json: { note: 'x', actor: 'boss' },
    });
    expectProblem(actor, 422, 'TEN_CASE_FIELD');
    // A time of the client's own is refused: writes over the API happen now.
    const dated = await move(analyst, c.case_id, { to: 'cancelled', at: '2020-01-01T00:00:00Z' });
    expectProblem(dated, 400, 'TEN_BAD_REQUEST');
    expectProblem(await viewer.get('/api/v1/cases/NO-SUCH-CASE'), 404, 'TEN_CASE_NOT_FOUND');
    expectProblem(await move(analyst, 'NO-SUCH-CASE', { to: 'diagnosed' }), 404, 'TEN_CASE_NOT_FOUND');
    expectProblem(await move(analyst, c.case_id, { to: 'planned' }), 409, 'TEN_CASE_TRANSITION');
    expectProblem(
      await analyst.call('POST', '/api/v1/cases', { json: { customer_id: 'NOBODY', kind: 'complaint', subject: 'x' } }),
      422,
      'TEN_CASE_UNKNOWN_CUSTOMER',
    );
    for (const raw of ['[]', '"text"', 'null', '{"to": 5}'])
      expect((await analyst.call('POST', `/api/v1/cases/${c.case_id}/moves`, { raw })).status).toBeLessThan(500);
    expect((await viewer.get<Detail>(`/api/v1/cases/${c.case_id}`)).body.case.version).toBe(1);
  });

  it('stores case text as given and returns it as JSON text', async () => {
    const subject = '<script>alert("x")</script> & <b>bold</b>';
    const c = await open(analyst, { subject, description: '<img src=x onerror=alert(1)>' });
    const r = await viewer.get<Detail>(`/api/v1/cases/${c.case_id}`);
    expect(r.type).toContain('application/json');
    expect(r.body.case).toMatchObject({ subject, description: '<img src=x onerror=alert(1)>' });
  });

  it('a transition completes while an import runs on the same server, without waiting for it', async () => {
    const c = await open(analyst);
    const lines = ['order_id,customer_id,ordered_at,amount'];
    for (let i = 1; i <= 400_000; i++)
      lines.push(`BIG-${i},C0000${String(1 + (i % 300)).padStart(3, '0')},2025-03-04,${(i % 97) + 0.5}`);
    const form = new FormData();
    form.append('entity', 'orders');
    form.append('file', new Blob([`${lines.join('\n')}\n`]), 'big.csv');
    const started = await analyst.call<{ job_id: string }>('POST', '/api/v1/imports', { form });
    expect(started.status).toBe(202);
    const job = () => analyst.get<{ state: string }>(`/api/v1/imports/${started.body.job_id}`);
    while ((await job()).body.state !== 'running') await sleep(10);
    // The import holds the data-write lane now; the move must not queue behind it.
    const moved = await move(analyst, c.case_id, {
      to: 'diagnosed',
      version: 1,
      fields: { root_cause: 'billing', severity: 'medium', company_at_fault: false },
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await job()).body.state).toBe('running');
    let state = 'running';
    while (state === 'running' || state === 'queued') {
      await sleep(50);
      state = (await job()).body.state;
    }
    expect(state).toBe('done');
  });
});
