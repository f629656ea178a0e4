/**
 * Cases from elsewhere over real HTTP: a ticket escalated into a complaint case (once per ticket, viewers
 * refused, an unknown ticket 404), and cases with their history imported through the import route's jobs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Case = { case_id: string; source: string; source_ref: string | null; stage: string; version: number };
type Escalation = { case: Case; created: boolean };
type Job = { state: string; summary?: { rows_new: number; rows_rejected: number }; error?: { code: string } };

let s: TestServer;
let analyst: Client;
let viewer: Client;
let ticket: { ticket_id: string; customer_id: string };
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
  const [first] = await s.ws.db.all<typeof ticket>(
    sql`SELECT ticket_id, customer_id FROM tickets ORDER BY ticket_id LIMIT 1`,
  );
  ticket = first as typeof ticket;
});
afterAll(() => s.close());

describe('POST /api/v1/cases/escalations', () => {
  it('opens a complaint case from a ticket (created true), then answers with that case (created false)', async () => {
    const first = await analyst.call<Escalation>('POST', '/api/v1/cases/escalations', {
      json: { ticket_id: ticket.ticket_id },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      case: { source: 'ticket', source_ref: ticket.ticket_id, customer_id: ticket.customer_id, kind: 'complaint' },
    });
    const again = await analyst.call<Escalation>('POST', '/api/v1/cases/escalations', {
      json: { ticket_id: ticket.ticket_id },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, case: { case_id: first.body.case.case_id } });
  });

  it('an unknown ticket is 404 TEN_TICKET_NOT_FOUND; a viewer may not escalate', async () => {
    expectProblem(
      await analyst.call('POST', '/api/v1/cases/escalations', { json: { ticket_id: 'no-such-ticket' } }),
      404,
      'TEN_TICKET_NOT_FOUND',
    );
    expectProblem(
      await viewer.call('POST', '/api/v1/cases/escalations', { json: { ticket_id: ticket.ticket_id } }),
      403,
      'TEN_FORBIDDEN',
    );
  });
});

function form(entity: string, name: string, lines: string[]): FormData {
  const f = new FormData();
  f.append('entity', entity);
  f.append('options', JSON.stringify({ max_reject_rate: 0.5 }));
  f.append('file', new Blob([`${lines.join('\n')}\n`]), name);
  return f;
}

async function run(entity: string, name: string, lines: string[]): Promise<Job> {
  const start = await analyst.call<{ job_id: string }>('POST', '/api/v1/imports', { form: form(entity, name, lines) });
  expect(start.status, start.text).toBe(202);
  for (;;) {
    const r = await analyst.get<Job>(`/api/v1/imports/${start.body.job_id}`);
    if (r.body.state === 'done' || r.body.state === 'failed') return r.body;
    await sleep(20);
  }
}

describe('cases through the import route', () => {
  it('imports cases and then their history as jobs; the inbox lists them', async () => {
    const c = ticket.customer_id;
    const cases = await run('cases', 'cases.csv', [
      '案件编号,客户编号,主题,创建时间',
      `IMP-1,${c},Slow line,2024-01-02 09:00:00`,
      'IMP-2,nobody,No such customer,2024-01-02 09:00:00',
      `IMP-3,${c},Wrong bill,2024-01-03 09:00:00`,
    ]);
    expect(cases.error).toBeUndefined();
    expect(cases.summary).toMatchObject({ rows_new: 2, rows_rejected: 1 });
    const history = await run('case_events', 'history.csv', [
      'case_id,at,to_stage,root_cause,severity,company_at_fault',
      'IMP-1,2024-01-03 10:00:00,diagnosed,network_quality,high,yes',
    ]);
    expect(history.summary).toMatchObject({ rows_new: 1, rows_rejected: 0 });
    const shown = await viewer.get<{ case: Case }>('/api/v1/cases/IMP-1');
    expect(shown.body.case).toMatchObject({ source: 'import', stage: 'diagnosed', version: 2 });
  });
});
