/**
 * Surveys end to end in core on a real workspace: versions kept, links made once and stored as digests, an
 * answer stored in one transaction (and refused, storing nothing, for a forged, expired or used link or an
 * answer that does not fit), triggers idempotent, results with intervals, and the playbook an unhappy answer
 * sets off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playbookWorkspace } from '../../test/playbooks.ts';
import { analyst, csatSurvey, npsSurvey } from '../../test/surveys.ts';
import type { TenureError } from '../errors.ts';
import { runPlaybooksOn } from '../playbooks/run.ts';
import { savePlaybook } from '../playbooks/store.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { answerSurvey, answerSurveys, surveyOfLink } from './answer.ts';
import { surveyResults } from './results.ts';
import { invitationsCsv, sendSurvey } from './send.ts';
import { getSurvey, saveSurvey, surveyVersions } from './store.ts';
import { digestOf } from './token.ts';

let ws: Workspace;
let done: () => Promise<void>;
beforeAll(async () => {
  ({ ws, done } = await playbookWorkspace());
});
afterAll(() => done());

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as TenureError).code;
  }
  return 'none';
};
const count = async (table: string) =>
  (await ws.db.all<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${sql.id(table)}`))[0]?.n;
const storedRows = async () => ({
  surveys: await count('surveys'),
  answers: await count('survey_answers'),
  used: (await ws.db.all<{ n: number }>(sql`SELECT count(answered_at)::INTEGER AS n FROM survey_invitations`))[0]?.n,
});

describe('definitions', () => {
  it('refuses a survey that does not fit, naming every part', async () => {
    const bad = npsSurvey({ questions: [{ id: 'x', type: 'single', text: { en: 'a', 'zh-CN': '甲' } }] });
    await expect(saveSurvey(ws, analyst, bad)).rejects.toMatchObject({ code: 'TEN_SURVEY_INVALID' });
    await expect(saveSurvey(ws, analyst, npsSurvey({ kind: 'csat' }))).rejects.toMatchObject({
      code: 'TEN_SURVEY_INVALID',
    });
  });

  it('keeps every version: an edit adds one, a stale edit is refused', async () => {
    expect((await saveSurvey(ws, analyst, npsSurvey())).version).toBe(1);
    expect(await codeOf(saveSurvey(ws, analyst, npsSurvey()))).toBe('TEN_SURVEY_EXISTS');
    const v2 = await saveSurvey(
      ws,
      analyst,
      npsSurvey({ title: { en: 'How are we?', 'zh-CN': '还好吗？' }, version: 1 }),
    );
    expect(v2.version).toBe(2);
    expect(await codeOf(saveSurvey(ws, analyst, npsSurvey({ version: 1 })))).toBe('TEN_SURVEY_STALE');
    expect(await surveyVersions(ws, 'nps-q4')).toEqual([1, 2]);
    expect((await getSurvey(ws, 'nps-q4', 1)).title.en).toBe('How are we doing?');
  });
});

describe('links and answers', () => {
  let tokens: string[] = [];
  it('makes one link per respondent, shown once, stored as its digest', async () => {
    const r = await sendSurvey(ws, 'nps-q4', {
      respondents: [{ id: 'C1', lang: 'zh-CN' }, { id: 'C2' }, { id: 'C3' }, { id: 'C6' }],
      base_url: 'https://t.example/',
    });
    expect(r).toMatchObject({ matched: 4, created: 4, skipped: 0, version: 2 });
    tokens = r.invitations.map((i) => i.token);
    expect(r.invitations[0]?.link).toBe(`https://t.example/s/${tokens[0]}`);
    const stored = await ws.db.all<{ token_digest: string }>(sql`SELECT token_digest FROM survey_invitations`);
    expect(stored.map((s) => s.token_digest).sort()).toEqual(tokens.map(digestOf).sort());
    expect(JSON.stringify(await ws.db.all(sql`SELECT * FROM survey_invitations`))).not.toContain(tokens[0]);
    // Sent again: everyone holds an open link, so nobody gets a second.
    expect(await sendSurvey(ws, 'nps-q4', { respondents: [{ id: 'C1' }] })).toMatchObject({ created: 0, skipped: 1 });
    expect(await codeOf(sendSurvey(ws, 'nps-q4', { respondents: [{ id: 'NOPE' }] }))).toBe(
      'TEN_SURVEY_UNKNOWN_RESPONDENT',
    );
  });

  it('exports the links as CSV with a BOM, Chinese intact', () => {
    const csv = invitationsCsv([
      {
        respondent_id: '客户1',
        respondent_type: 'customer',
        lang: 'zh-CN',
        source: 'manual',
        source_ref: null,
        expires_at: '2026-01-01T00:00:00.000Z',
        token: 't',
        link: '/s/t',
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('客户1,customer,zh-CN');
  });

  it('opens the survey in the invitation language, at the version sent', async () => {
    const s = await surveyOfLink(ws, tokens[0] as string);
    expect(s).toMatchObject({ lang: 'zh-CN', title: '还好吗？', version: 2 });
    expect(s.questions[0]).toMatchObject({ id: 'nps', text: '您向朋友推荐我们的可能性有多大？', required: true });
  });

  it('refuses an answer that does not fit, naming the question, storing nothing', async () => {
    const before = await storedRows();
    const t = tokens[1] as string;
    for (const [answers, question] of [
      [{ reason: 'price' }, 'nps'],
      [{ nps: 11 }, 'nps'],
      [{ nps: 5.5 }, 'nps'],
      [{ nps: 5, reason: 'cheap' }, 'reason'],
      [{ nps: 5, topics: ['app', 'app'] }, 'topics'],
      [{ nps: 5, ghost: 1 }, 'ghost'],
    ] as const) {
      const e = await answerSurvey(ws, t, { answers }).catch((x: TenureError) => x);
      expect(e).toMatchObject({ code: 'TEN_SURVEY_ANSWER_INVALID', args: { question } });
    }
    expect(await storedRows()).toEqual(before);
  });

  it('stores an answer once: one surveys row, a row per question, the link used', async () => {
    const t = tokens[1] as string;
    const r = await answerSurvey(ws, t, {
      answers: { nps: 3, reason: 'network', topics: ['app', 'hotline'], why: '<script>alert(1)</script> 网络差' },
    });
    expect(r).toMatchObject({ kind: 'nps', score: 3, version: 2 });
    const [row] = await ws.db.all(
      sql`SELECT respondent_id, kind, score, comment FROM surveys WHERE response_id = ${r.response_id}`,
    );
    expect(row).toEqual({ respondent_id: 'C2', kind: 'nps', score: 3, comment: '<script>alert(1)</script> 网络差' });
    const answers = await ws.db.all(sql`SELECT question_id, value_num, value_text FROM survey_answers
      WHERE response_id = ${r.response_id} ORDER BY question_id`);
    expect(answers).toEqual([
      { question_id: 'nps', value_num: 3, value_text: null },
      { question_id: 'reason', value_num: null, value_text: 'network' },
      { question_id: 'topics', value_num: null, value_text: 'app|hotline' },
      { question_id: 'why', value_num: null, value_text: '<script>alert(1)</script> 网络差' },
    ]);
    const before = await storedRows();
    expect(await codeOf(answerSurvey(ws, t, { answers: { nps: 10 } }))).toBe('TEN_SURVEY_LINK_USED');
    expect(await codeOf(surveyOfLink(ws, t))).toBe('TEN_SURVEY_LINK_USED');
    expect(await codeOf(answerSurvey(ws, 'A'.repeat(32), { answers: { nps: 10 } }))).toBe('TEN_SURVEY_LINK_UNKNOWN');
    expect(await codeOf(answerSurvey(ws, 'short', { answers: { nps: 10 } }))).toBe('TEN_SURVEY_LINK_UNKNOWN');
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await codeOf(answerSurvey(ws, tokens[2] as string, { answers: { nps: 10 } }, { now: later }))).toBe(
      'TEN_SURVEY_LINK_EXPIRED',
    );
    expect(await storedRows()).toEqual(before);
  });

  it('results: NPS with its interval, distributions, the response rate', async () => {
    await answerSurvey(ws, tokens[0] as string, { answers: { nps: 10, reason: 'price' } });
    await answerSurvey(ws, tokens[2] as string, { answers: { nps: 9 } });
    const r = await surveyResults(ws, 'nps-q4');
    expect(r).toMatchObject({ invited: 4, answered: 3 });
    expect(r.response_rate?.value).toBeCloseTo(0.75);
    // 2 promoters, 1 detractor of 3: NPS 33.3; var = (2/3 + 1/3 − (1/3)²)/3.
    expect(r.main).toMatchObject({ measure: 'nps', n: 3, parts: { promoters: 2, passives: 0, detractors: 1 } });
    expect(r.main?.value).toBeCloseTo(100 / 3);
    const half = 100 * 1.959963984540054 * Math.sqrt((1 - 1 / 9) / 3);
    expect(r.main?.low).toBeCloseTo(Math.max(-100, 100 / 3 - half));
    expect(r.questions.find((q) => q.id === 'reason')?.distribution).toEqual([
      { value: 'price', count: 1 },
      { value: 'network', count: 1 },
    ]);
    expect(r.questions.find((q) => q.id === 'topics')?.distribution).toEqual([
      { value: 'app', count: 1 },
      { value: 'hotline', count: 1 },
    ]);
    // One answer wrote a comment (the detractor's, kept as typed); no analysis has run, so no topic yet.
    expect(r.comments).toMatchObject({
      total: 1,
      items: [{ question_id: 'why', score: 3, text: '<script>alert(1)</script> 网络差', topic: null, sentiment: null }],
    });
  });
});

describe('answers written together', () => {
  it('each answer of a batch gets its own result: the same link twice counts once, a bad one refuses only itself', async () => {
    const r = await sendSurvey(ws, 'nps-q4', { respondents: [{ id: 'C4' }, { id: 'C5' }] });
    const [a, b] = r.invitations.map((i) => i.token) as [string, string];
    const out = await answerSurveys(ws, [
      { token: a, input: { answers: { nps: 7 } } },
      { token: a, input: { answers: { nps: 1 } } },
      { token: b, input: { answers: { nps: 42 } } },
    ]);
    expect(out.map((o) => ('code' in o ? o.code : 'stored'))).toEqual([
      'stored',
      'TEN_SURVEY_LINK_USED',
      'TEN_SURVEY_ANSWER_INVALID',
    ]);
    const rows = await ws.db.all(sql`SELECT s.score FROM surveys s JOIN survey_invitations v USING (response_id)
      WHERE v.respondent_id IN ('C4', 'C5') AND v.survey_id = 'nps-q4'`);
    expect(rows).toEqual([{ score: 7 }]);
  });
});

describe('triggers', () => {
  it('invites the customer of each case closed in the window, once however often it runs', async () => {
    await saveSurvey(ws, analyst, csatSurvey());
    // Two closed cases as the log records them: K1 closed yesterday, K2 a month ago (outside the window).
    await ws.db.run(sql`INSERT INTO cases (case_id, customer_id, kind, source, stage, priority, subject, opened_at,
        stage_at, reopen_count, version, updated_at)
      SELECT k, c, 'complaint', 'manual', 'closed', 'normal', 'x', now(), now(), 0, 2, now()
      FROM (VALUES ('K1', 'C1'), ('K2', 'C3')) v(k, c)`);
    await ws.db.run(sql`INSERT INTO case_events (case_id, version, "at", actor, action, to_stage, fields) VALUES
      ('K1', 2, CAST(now() AS TIMESTAMP) - INTERVAL 1 DAY, 'li.wei', 'moved', 'closed', '{}'),
      ('K2', 2, CAST(now() AS TIMESTAMP) - INTERVAL 30 DAY, 'li.wei', 'moved', 'closed', '{}')`);
    const first = await sendSurvey(ws, 'post-case', { triggers: true });
    expect(first.invitations.map((i) => [i.respondent_id, i.source, i.source_ref])).toEqual([
      ['C1', 'case_closed', 'K1'],
    ]);
    expect(await sendSurvey(ws, 'post-case', { triggers: true })).toMatchObject({ matched: 1, created: 0, skipped: 1 });
  });

  it('an exit survey N days after churn', async () => {
    await saveSurvey(ws, analyst, {
      ...npsSurvey({ id: 'exit', kind: 'exit' }),
      triggers: [{ kind: 'churned', after_days: 7 }],
    });
    const now = new Date('2024-06-10T00:00:00Z');
    const r = await sendSurvey(ws, 'exit', { triggers: true }, { now });
    expect(r.invitations.map((i) => [i.respondent_id, i.source_ref])).toEqual([['C4', 'C4|2024-06-01']]);
    expect((await sendSurvey(ws, 'exit', { triggers: true }, { now })).created).toBe(0);
  });

  it('an unhappy post-case answer opens a case through a survey_answer playbook', async () => {
    const [inv] = (await sendSurvey(ws, 'post-case', { respondents: [{ id: 'C6' }] })).invitations;
    await savePlaybook(ws, analyst, {
      id: 'unhappy',
      name: { en: 'Unhappy', 'zh-CN': '不满意' },
      trigger: { kind: 'survey_answer', survey: 'post-case' },
      template: { subject: { en: 'Call back', 'zh-CN': '回访' } },
    });
    const a = await answerSurvey(ws, inv?.token as string, { answers: { csat: 1 } });
    const [run] = await runPlaybooksOn(ws, { kind: 'survey', ref: a.response_id });
    expect(run).toMatchObject({ playbook_id: 'unhappy', matched: 1, created: 1 });
    const [c] = await ws.db.all(sql`SELECT customer_id, source, source_ref FROM cases WHERE playbook_id = 'unhappy'`);
    expect(c).toEqual({ customer_id: 'C6', source: 'survey', source_ref: a.response_id });
  });
});
