/**
 * Surveys in chromium (issue 14): an analyst builds an NPS survey in the builder (title and questions in both
 * languages, a choice question with its choices), sends it to listed customers and gets their links once, and
 * after two answers posted through the public answer route (one with markup in its comment) reads the results:
 * the answers, the response rate and the score the API computed; the comment shows as text on the customer 360;
 * and the page reads in 中文.
 */
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400);
}, 120_000);
afterAll(async () => {
  await d?.close();
});

const get = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
const form = () => d.page.getByTestId('survey-form');
const field = (label: string) => form().getByLabel(label, { exact: true });
const sent = (r: Response) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/surveys/pulse/send');

interface Sent {
  created: number;
  invitations: { respondent_id: string; token: string; link: string }[];
}
let invitations: Sent['invitations'] = [];

describe('surveys in chromium', () => {
  it('builds a survey in the builder: kind, titles, questions in both languages, choices', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.getByRole('menuitem', { name: 'Surveys' }).click();
    await d.page.getByRole('button', { name: 'New survey' }).click();
    await field('Id (small letters, digits, - and _)').fill('pulse');
    await field('Title in English').fill('How are we doing?');
    await field('Title in Chinese').fill('服务评价');
    await field('Question in English (Question 1)').fill('How likely are you to recommend us?');
    await field('Question in Chinese (Question 1)').fill('您有多大可能向朋友推荐我们？');
    await field('Question in English (Question 2)').fill('What should we do better?');
    await field('Question in Chinese (Question 2)').fill('我们哪里可以做得更好？');
    await form().getByRole('button', { name: 'Add a question' }).click();
    // The drawer may still be sliding in when the select opens on a loaded machine: choose until the type took.
    const addChoice = form().getByTestId('question-3').getByRole('button', { name: 'Add a choice' });
    // A dropdown that closed under the click (the drawer moved) is opened again rather than waited on.
    for (let i = 0; i < 5 && !(await addChoice.isVisible()); i++) {
      await choose(d.page, 'Answer type (Question 3)', 'One choice', 5000).catch(() => {});
      await addChoice.waitFor({ timeout: 3000 }).catch(() => {});
    }
    await field('Question in English (Question 3)').fill('What do you use most?');
    await field('Question in Chinese (Question 3)').fill('您最常用什么？');
    for (const [n, en, zh] of [
      [1, 'Calls', '通话'],
      [2, 'Data', '流量'],
    ] as const) {
      await addChoice.click();
      await field(`Choice in English 3.${n}`).fill(en);
      await field(`Choice in Chinese 3.${n}`).fill(zh);
    }
    await form().getByRole('button', { name: 'Save survey' }).click();
    await d.page.waitForURL(/\/surveys\/pulse$/);
    const stored = await get<{
      version: number;
      kind: string;
      questions: { id: string; type: string; main?: boolean }[];
    }>('/api/v1/surveys/pulse');
    expect(stored).toMatchObject({ version: 1, kind: 'nps' });
    expect(stored.questions.map((q) => q.type)).toEqual(['scale_0_10', 'text', 'single']);
    expect(stored.questions[0]?.main).toBe(true);
  });

  it('sends it to listed customers and shows the links once, with their CSV', async () => {
    const customers = await get<{ rows: { customer_id: string }[] }>('/api/v1/customers?page_size=4');
    const ids = customers.rows.map((r) => r.customer_id);
    await d.page.getByRole('tab', { name: 'Send' }).click();
    await d.page.getByTestId('send-form').getByText('Listed customers').click();
    await d.page.getByLabel('Customer ids (one per line)').fill(ids.join('\n'));
    const [reply] = await Promise.all([
      d.page.waitForResponse(sent),
      d.page.getByRole('button', { name: 'Create links' }).click(),
    ]);
    const body = (await reply.json()) as Sent;
    expect(body.created).toBe(ids.length);
    invitations = body.invitations;
    const result = d.page.getByTestId('send-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`${ids.length} links created`);
    const [file] = await Promise.all([
      d.page.waitForEvent('download'),
      d.page.getByRole('button', { name: 'Download the links (CSV)' }).click(),
    ]);
    const csv = await (await file.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(ids.length + 1);
    expect(lines[1]).toContain(invitations[0]?.link);
    await shoot(d.page, 'survey-send');
  });

  it('shows the results of answers posted through the public route', async () => {
    const answers = [
      { q1: 9, q2: 'Great <b>service</b><script>alert(1)</script>', q3: 'o2' },
      { q1: 3, q2: '信号太差', q3: 'o1' },
    ];
    for (const [i, a] of answers.entries()) {
      const res = await d.page.request.post(`/api/v1/answers/${invitations[i]?.token}`, { data: { answers: a } });
      expect(res.status()).toBe(201);
    }
    const results = await get<{ answered: number; main: { value: number } }>('/api/v1/surveys/pulse/results');
    expect(results.answered).toBe(2);
    await d.page.reload();
    await settle(d.page);
    const view = d.page.getByTestId('survey-results');
    await view.waitFor();
    // One promoter and one detractor of two: NPS 0.
    expect(results.main.value).toBe(0);
    expect(await d.page.getByTestId('results-score').textContent()).toContain('0');
    expect(await d.page.getByTestId('results-rate').textContent()).toContain('50.0%');
    await d.page.getByTestId('distribution-q1').and(d.page.locator('[data-drawn=true]')).waitFor();
    expect(await d.page.getByTestId('result-q3').textContent()).toContain('What do you use most?');
    // The comments as written, newest first, markup shown as text.
    const comments = d.page.getByTestId('survey-comments');
    await comments.getByText('信号太差').waitFor();
    expect(await comments.textContent()).toContain('Great <b>service</b><script>alert(1)</script>');
    expect(await comments.locator('script, b').count()).toBe(0);
    expect(await comments.textContent()).toContain('2 comments');
    await shoot(d.page, 'survey-results');
    // Who was invited: two links answered, the rest open.
    await d.page.getByRole('tab', { name: 'Invitations' }).click();
    const listed = d.page.getByTestId('invitations').locator('tbody tr.ant-table-row');
    await expect.poll(() => listed.count()).toBe(invitations.length);
    expect(await d.page.getByTestId('invitations').getByText('Answered').count()).toBe(2);
    await d.page.getByRole('tab', { name: 'Results' }).click();
  });

  it("shows the answer's comment as text on the respondent's customer 360", async () => {
    await d.page.goto(`/customers/${encodeURIComponent(invitations[0]?.respondent_id ?? '')}`);
    await d.page.getByRole('tab', { name: /Surveys/ }).click();
    const card = d.page.getByTestId('customer-cases');
    await card.getByText('Great <b>service</b><script>alert(1)</script>').waitFor();
    expect(await card.locator('script, b').count()).toBe(0);
    await d.page.goBack();
  });

  it('reads in 中文 without a script error', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('tab', { name: '结果' }).waitFor();
    await d.page.getByRole('heading', { name: /服务评价/ }).waitFor();
    await shoot(d.page, 'survey-results-zh');
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  });
});
