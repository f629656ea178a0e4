/**
 * The public answer page in chromium, in a phone-sized window (375×667) and without signing in: a respondent
 * opens their link, reads the survey in the invitation's language (中文), is told which question needs an
 * answer, answers (a comment with markup stays text), and is thanked; the answer is stored once. The same link
 * again, a forged link and an expired one each get a clear word, and nothing fits wider than the phone.
 */
import { type SendResult, saveSurvey, sendSurvey, sql, type Workspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsSurvey } from '../../packages/core/test/surveys.ts';
import { type Dashboard, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
let ws: Workspace;
let sent: SendResult;
beforeAll(async () => {
  d = await startDashboard(200, async (w) => {
    ws = w;
    await saveSurvey(w, { name: 'admin' }, npsSurvey());
    const ids = await w.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1 LIMIT 2`);
    sent = await sendSurvey(w, 'nps-q4', {
      respondents: [
        { id: ids[0]?.id as string, lang: 'zh-CN' },
        { id: ids[1]?.id as string, lang: 'en' },
      ],
    });
    await w.db.run(sql`UPDATE survey_invitations SET expires_at = TIMESTAMP '2020-01-01'
      WHERE respondent_id = ${ids[1]?.id as string}`);
  });
  await d.page.setViewportSize({ width: 375, height: 667 });
});
afterAll(async () => {
  await d?.close();
});

const token = (i: number) => sent.invitations[i]?.token as string;
const fitsThePhone = async () =>
  expect(
    await d.page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    ),
  ).toBeLessThanOrEqual(375);

describe('the answer page on a phone', () => {
  it('shows the survey in the invitation language, no login asked', async () => {
    await d.page.goto(`/s/${token(0)}`);
    await d.page.getByRole('heading', { name: '您对我们满意吗？' }).waitFor();
    await d.page.getByText('您向朋友推荐我们的可能性有多大？').waitFor();
    expect(await d.page.getByLabel('Username').count()).toBe(0);
    await fitsThePhone();
    await shoot(d.page, 'survey-answer-phone');
  });

  it('names the question a refused answer missed, then stores the answer once', async () => {
    await d.page.getByRole('button', { name: '提交答卷' }).click();
    await d.page.locator('[data-question="nps"][data-refused="true"]').waitFor();
    expect(await d.page.getByRole('alert').textContent()).toContain('nps');
    await d.page.locator('[data-question="nps"]').getByText('3', { exact: true }).click();
    await d.page.getByText('网络', { exact: true }).click();
    await d.page.getByText('热线', { exact: true }).click();
    const comment = '<script>alert(1)</script> 信号太差';
    await d.page.getByLabel('还有什么想说的？').fill(comment);
    await d.page.getByRole('button', { name: '提交答卷' }).click();
    await d.page.getByTestId('answer-thanks').waitFor();
    await d.page.getByText('谢谢！您的答卷已收到。').waitFor();
    await fitsThePhone();
    const rows = await ws.db.all(sql`SELECT s.kind, s.score, s.comment FROM surveys s
      JOIN survey_invitations v ON v.response_id = s.response_id`);
    expect(rows).toEqual([{ kind: 'nps', score: 3, comment }]);
    const answers = await ws.db.all(sql`SELECT question_id, value_text FROM survey_answers
      WHERE question_id IN ('reason', 'topics') ORDER BY 1`);
    expect(answers).toEqual([
      { question_id: 'reason', value_text: 'network' },
      { question_id: 'topics', value_text: 'hotline' },
    ]);
  });

  it('says so for a used, a forged and an expired link', async () => {
    await d.page.goto(`/s/${token(0)}`);
    await d.page.getByText('此链接的问卷已经提交过。谢谢！').waitFor();
    await d.page.goto('/s/not-a-real-link');
    await d.page.getByTestId('answer-refused').waitFor();
    await d.page.goto(`/s/${token(1)}`);
    await d.page.getByTestId('answer-refused').waitFor();
    await settle(d.page);
    await fitsThePhone();
    expect(d.errors).toEqual([]);
  });
});
