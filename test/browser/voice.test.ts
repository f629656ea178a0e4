/**
 * The Voice of the customer page in chromium (issue 14) on a demo whose comments and ticket texts are written in
 * Chinese and English: an analyst runs the analysis and sees the topics the API lists, with their churn lift;
 * renames a topic (which the next analysis keeps); confirms an exit reason, which the API then lists as
 * confirmed; sees the customer 360's texts with their topics; and reads the page in 中文 — without a script error.
 */
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400);
}, 120_000);
afterAll(async () => {
  await d?.close();
});

interface Topics {
  analysed_at: string | null;
  topics: {
    topic_id: string;
    label: string;
    pinned: boolean;
    documents: number;
    examples: { customer_id: string }[];
  }[];
}
interface Exits {
  total: number;
  rows: { exit_id: string; customer_id: string; confirmed: { by: string } | null }[];
}

const get = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
const rows = (testId: string) => d.page.getByTestId(testId).locator('tbody tr.ant-table-row');
const write = (method: string, path: RegExp) => (r: Response) =>
  r.request().method() === method && path.test(new URL(r.url()).pathname);

describe('the Voice of the customer page in chromium', () => {
  it('runs the analysis and lists the topics the API lists', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.getByRole('menuitem', { name: 'Customer voice' }).click();
    await d.page.getByRole('tab', { name: 'Topics' }).waitFor();
    await d.page.getByTestId('run-analysis').click();
    await d.page.getByText('Analysis done').waitFor({ timeout: 90_000 });
    await settle(d.page);
    const topics = await get<Topics>('/api/v1/voice/topics?examples=3');
    expect(topics.analysed_at).not.toBeNull();
    expect(topics.topics.length).toBeGreaterThan(1);
    await expect.poll(() => rows('topics-table').count()).toBe(Math.min(20, topics.topics.length));
    const first = topics.topics[0];
    await rows('topics-table')
      .filter({ hasText: first?.label ?? '' })
      .first()
      .waitFor();
    await d.page.getByTestId('topic-trend').and(d.page.locator('[data-drawn=true]')).waitFor();
    await shoot(d.page, 'voice-topics');
  });

  it('renames a topic, which the API then keeps as edited', async () => {
    const before = await get<Topics>('/api/v1/voice/topics');
    const topic = before.topics[0];
    if (!topic) throw new Error('no topic');
    const row = rows('topics-table').filter({ hasText: topic.label }).first();
    await row.getByRole('button', { name: 'Rename' }).click();
    await d.page.getByTestId('topic-form').getByLabel('Name').fill('Network <i>signal</i>');
    await Promise.all([
      d.page.waitForResponse(write('PATCH', /\/api\/v1\/voice\/topics\/.+$/)),
      d.page.getByRole('button', { name: 'Save' }).click(),
    ]);
    await rows('topics-table').filter({ hasText: 'Network <i>signal</i>' }).waitFor();
    const after = await get<Topics>('/api/v1/voice/topics');
    expect(after.topics.find((x) => x.topic_id === topic.topic_id)).toMatchObject({
      label: 'Network <i>signal</i>',
      pinned: true,
    });
    expect(await d.page.getByTestId('topics-table').locator('i').count()).toBe(0);
  });

  it('confirms an exit reason, which the API lists as confirmed', async () => {
    await d.page.getByRole('tab', { name: 'Exit reasons' }).click();
    const toConfirm = await get<Exits>('/api/v1/voice/exits?status=suggested');
    expect(toConfirm.total).toBeGreaterThan(0);
    const exit = toConfirm.rows[0];
    if (!exit) throw new Error('no exit');
    const row = rows('exits-table').first();
    await row.waitFor();
    await Promise.all([
      d.page.waitForResponse(write('POST', /\/api\/v1\/voice\/exits\/confirm$/)),
      row.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    await settle(d.page);
    const confirmed = await get<Exits>('/api/v1/voice/exits?status=confirmed');
    expect(confirmed.rows.map((r) => r.exit_id)).toContain(exit.exit_id);
    expect(confirmed.rows.find((r) => r.exit_id === exit.exit_id)?.confirmed?.by).toBe('admin');
    await shoot(d.page, 'voice-exits');
  });

  it("shows a customer's texts with their topics on the customer 360", async () => {
    const topics = await get<Topics>('/api/v1/voice/topics?examples=3');
    const customer = topics.topics.flatMap((x) => x.examples)[0]?.customer_id;
    if (!customer) throw new Error('no example');
    await d.page.goto(`/customers/${encodeURIComponent(customer)}`);
    const card = d.page.getByTestId('customer-topics');
    await card.locator('tbody tr.ant-table-row').first().waitFor();
  });

  it('reads in 中文 without a script error', async () => {
    await d.page.goto('/voice?tab=drivers');
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('heading', { name: '客户之声' }).waitFor();
    for (const tab of ['话题', '流失驱动因素', '离网原因', '员工'])
      await d.page.getByRole('tab', { name: tab }).waitFor();
    await d.page.getByTestId('drivers-table').waitFor();
    // Root causes read as the cases pages word them, not as stored.
    const drivers = await get<{ drivers: { source: string; key: string; label: { 'zh-CN': string } }[] }>(
      '/api/v1/voice/drivers?source=root_cause',
    );
    expect(drivers.drivers.length).toBeGreaterThan(0);
    for (const r of drivers.drivers) expect(r.label['zh-CN']).not.toBe(r.key);
    // The key drivers open on a survey that has answers (the demo's employee pulse), in Chinese.
    const key = d.page.getByTestId('key-drivers');
    await key.getByTestId('key-drivers-chart').or(key.getByTestId('key-drivers-note')).waitFor();
    expect(await key.textContent()).not.toMatch(/TEN_|There is no survey/);
    await shoot(d.page, 'voice-drivers-zh');
    await d.page.getByRole('tab', { name: '员工' }).click();
    await settle(d.page);
    await shoot(d.page, 'voice-employees-zh');
    expect(d.errors).toEqual([]);
  });
});
