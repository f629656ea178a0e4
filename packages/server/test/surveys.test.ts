/**
 * The survey routes over real HTTP on 127.0.0.1: analysts define and send, viewers read; the public answer
 * route refuses forged, expired and reused links and oversized or ill-fitting answers storing nothing, throttles
 * one address without touching another (every answer it took is stored), and an answer shows in the NPS metric.
 * A survey with a delivery webhook sends its triggers' links by itself on the server's clock.
 */
import { createServer } from 'node:http';
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsSurvey } from '../../core/test/surveys.ts';
import { Client, callFrom, expectProblem, startServer, type TestServer } from './helpers.ts';

type Sent = { created: number; invitations: { token: string; link: string; respondent_id: string }[] };

let s: TestServer;
let analyst: Client;
let viewer: Client;
let anon: Client;
let customers: string[];
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
  anon = new Client(s.url);
  customers = (
    await s.ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 80`)
  ).map((r) => r.id);
});
afterAll(() => s.close());

const stored = async () => {
  const [r] = await s.ws.db.all<{ surveys: number; answers: number; used: number }>(sql`SELECT
    (SELECT count(*)::INTEGER FROM surveys WHERE response_id LIKE 'svy-%') AS surveys,
    (SELECT count(*)::INTEGER FROM survey_answers) AS answers,
    (SELECT count(answered_at)::INTEGER FROM survey_invitations) AS used`);
  return r;
};
const send = async (ids: string[], extra: Record<string, unknown> = {}) => {
  const r = await analyst.call<Sent>('POST', '/api/v1/surveys/nps-q4/send', {
    json: { respondents: ids.map((id) => ({ id, lang: 'zh-CN' })), ...extra },
  });
  expect(r.status).toBe(200);
  return r.body.invitations.map((i) => i.token);
};
const answer = (token: string, answers: Record<string, unknown>) =>
  anon.call('POST', `/api/v1/answers/${token}`, { json: { answers } });

describe('definitions', () => {
  it('analysts add and change surveys, viewers read them, every version kept', async () => {
    expectProblem(await viewer.call('POST', '/api/v1/surveys', { json: npsSurvey() }), 403, 'TEN_FORBIDDEN');
    expectProblem(
      await analyst.call('POST', '/api/v1/surveys', { json: npsSurvey({ questions: [] }) }),
      422,
      'TEN_SURVEY_INVALID',
    );
    expect((await analyst.call('POST', '/api/v1/surveys', { json: npsSurvey() })).status).toBe(201);
    const { id: _, ...change } = npsSurvey({ version: 1, title: { en: 'How are we?', 'zh-CN': '我们做得如何？' } });
    const put = await analyst.call('PUT', '/api/v1/surveys/nps-q4', { json: change });
    expect(put.body).toMatchObject({ version: 2, versions: [1, 2] });
    expectProblem(await analyst.call('PUT', '/api/v1/surveys/nps-q4', { json: change }), 409, 'TEN_SURVEY_STALE');
    const list = await viewer.get<{ surveys: { id: string; version: number }[] }>('/api/v1/surveys');
    // Beside the demo's own employee survey.
    expect(list.body.surveys).toContainEqual(expect.objectContaining({ id: 'nps-q4', version: 2, versions: 2 }));
  });

  it('sends links to the page of this server, and as CSV with a BOM', async () => {
    const r = await analyst.call<Sent>('POST', '/api/v1/surveys/nps-q4/send', {
      json: { respondents: [{ id: customers[0] }] },
    });
    expect(r.body.invitations[0]?.link).toBe(`${s.url}/s/${r.body.invitations[0]?.token}`);
    // Raw bytes: fetch's text() drops a BOM, the very bytes Excel needs.
    const csv = await fetch(`${s.url}/api/v1/surveys/nps-q4/send?format=csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.keys.analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify({ respondents: [{ id: customers[1] }] }),
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`\r\n${customers[1]},customer,en,${s.url}/s/`);
    const inv = await viewer.get<{ total: number; rows: Record<string, unknown>[] }>(
      '/api/v1/surveys/nps-q4/invitations',
    );
    expect(inv.body.total).toBe(2);
    expect(JSON.stringify(inv.body)).not.toContain(r.body.invitations[0]?.token);
  });
});

describe('the public answer route', () => {
  it('reads the survey in the respondent’s language without a login', async () => {
    const [t] = await send([customers[2] as string]);
    const r = await anon.get<{ title: string; lang: string }>(`/api/v1/answers/${t}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: '我们做得如何？', lang: 'zh-CN' });
  });

  it('refuses forged, expired and reused links and ill-fitting answers, storing nothing', async () => {
    const [good, late] = await send([customers[3] as string, customers[4] as string]);
    await s.ws.db.run(sql`UPDATE survey_invitations SET expires_at = TIMESTAMP '2020-01-01'
      WHERE respondent_id = ${customers[4] as string}`);
    const before = await stored();
    expectProblem(await answer('A'.repeat(32), { nps: 9 }), 404, 'TEN_SURVEY_LINK_UNKNOWN');
    expectProblem(await answer('<script>', { nps: 9 }), 404, 'TEN_SURVEY_LINK_UNKNOWN');
    expectProblem(await answer(late as string, { nps: 9 }), 410, 'TEN_SURVEY_LINK_EXPIRED');
    const bad = await answer(good as string, { nps: 5, reason: 'cheap' });
    expectProblem(bad, 422, 'TEN_SURVEY_ANSWER_INVALID');
    expect(bad.body).toMatchObject({ where: { path: 'answers.reason' } });
    expectProblem(await answer(good as string, { nps: 'x' }), 422, 'TEN_SURVEY_ANSWER_INVALID');
    expectProblem(await answer(good as string, { why: 'x'.repeat(300_000) }), 413, 'TEN_SURVEY_ANSWER_TOO_LARGE');
    expect(await stored()).toEqual(before);
    const text = '<img src=x onerror=alert(1)> 信号太差';
    expect((await answer(good as string, { nps: 2, why: text })).status).toBe(201);
    expectProblem(await answer(good as string, { nps: 9 }), 409, 'TEN_SURVEY_LINK_USED');
    expectProblem(await anon.get(`/api/v1/answers/${good}`), 409, 'TEN_SURVEY_LINK_USED');
    const [row] = await s.ws.db.all(sql`SELECT comment FROM surveys WHERE respondent_id = ${customers[3] as string}
      AND response_id LIKE 'svy-%'`);
    expect(row).toEqual({ comment: text });
  });

  it('throttles one address with 429 and Retry-After, another answers on, and every answer taken is stored', async () => {
    const tokens = await send(customers.slice(10, 80));
    const before = await stored();
    const from1 = await Promise.all(
      tokens
        .slice(0, 60)
        .map((t) => callFrom('127.0.0.1', s.url, 'POST', `/api/v1/answers/${t}`, { json: { answers: { nps: 9 } } })),
    );
    const ok = from1.filter((r) => r.status === 201).length;
    const throttled = from1.filter((r) => r.status === 429);
    expect(ok).toBeGreaterThan(0);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]?.body.code).toBe('TEN_SURVEY_THROTTLED');
    expect(Number(throttled[0]?.headers['retry-after'])).toBeGreaterThan(0);
    const from2 = await Promise.all(
      tokens
        .slice(60)
        .map((t) => callFrom('127.0.0.2', s.url, 'POST', `/api/v1/answers/${t}`, { json: { answers: { nps: 9 } } })),
    );
    expect(from2.map((r) => r.status)).toEqual(from2.map(() => 201));
    const after = await stored();
    expect((after?.surveys ?? 0) - (before?.surveys ?? 0)).toBe(ok + from2.length);
    expect((after?.used ?? 0) - (before?.used ?? 0)).toBe(ok + from2.length);
  });

  it('an answer counts in the NPS metric at once, and in the survey’s results', async () => {
    const q = '/api/v1/metrics/nps?grain=month&from=2020-01&to=2030-12';
    const n = async () => {
      const r = await viewer.get<{ rows: { parts?: { n?: number } }[] }>(q);
      expect(r.status).toBe(200);
      return r.body.rows.reduce((a, row) => a + (row.parts?.n ?? 0), 0);
    };
    const was = await n();
    const [t] = await send([customers[5] as string]);
    expect(
      (await callFrom('127.0.0.3', s.url, 'POST', `/api/v1/answers/${t}`, { json: { answers: { nps: 0 } } })).status,
    ).toBe(201);
    expect(await n()).toBe(was + 1);
    const res = await viewer.get<{ main: { measure: string; n: number } }>('/api/v1/surveys/nps-q4/results');
    expect(res.body.main).toMatchObject({ measure: 'nps' });
    expect(res.body.main.n).toBeGreaterThan(1);
  });
});

describe('triggers that send by themselves', () => {
  it("posts the links of a case closed today to the survey's webhook on the server's clock, once", async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((go) => receiver.listen(0, '127.0.0.1', go));
    process.env.TENURE_TEST_SURVEY_SECRET = 'a survey webhook secret';
    try {
      const port = (receiver.address() as { port: number }).port;
      const survey = {
        ...npsSurvey({ id: 'after-case' }),
        triggers: [{ kind: 'case_closed', within_days: 7 }],
        delivery: {
          webhook: { url: `http://127.0.0.1:${port}/links`, secret_env: 'TENURE_TEST_SURVEY_SECRET' },
          base_url: 'https://tenure.example.com',
          lang: 'zh-CN',
        },
      };
      expect((await analyst.call('POST', '/api/v1/surveys', { json: survey })).status).toBe(201);
      const customer = customers[70] as string;
      await s.ws.db.run(sql`INSERT INTO cases (case_id, customer_id, kind, source, stage, priority, subject, opened_at,
          stage_at, reopen_count, version, updated_at)
        VALUES ('SELF-1', ${customer}, 'complaint', 'manual', 'closed', 'normal', 'x', now(), now(), 0, 2, now())`);
      await s.ws.db.run(sql`INSERT INTO case_events (case_id, version, "at", actor, action, to_stage, fields)
        VALUES ('SELF-1', 2, CAST(now() AS TIMESTAMP), 'li.wei', 'moved', 'closed', '{}')`);
      // The clock's next turn (it ran when the server became ready, before this survey existed).
      s.app.tenure.surveyTriggers.kick();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
      expect(received[0]).toContain(customer);
      expect(received[0]).toContain('https://tenure.example.com/s/');
      const invited = await s.ws.db.all(sql`SELECT respondent_id, source, source_ref, lang FROM survey_invitations
        WHERE survey_id = 'after-case'`);
      expect(invited).toEqual([
        { respondent_id: customer, source: 'case_closed', source_ref: 'SELF-1', lang: 'zh-CN' },
      ]);
      // Another turn invites nobody twice.
      s.app.tenure.surveyTriggers.kick();
      await new Promise((go) => setTimeout(go, 500));
      expect(received.length).toBe(1);
    } finally {
      delete process.env.TENURE_TEST_SURVEY_SECRET;
      receiver.close();
    }
  });
});
