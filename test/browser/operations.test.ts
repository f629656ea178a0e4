/**
 * The operations page in chromium, in English and in Chinese: its cards show the API's figures for the same query,
 * formatted as the dashboard formats them, the breakdown selector re-queries the chart, and no page error occurs.
 * Three cases are written into the demo's last complete month first (a complaint closed unsatisfied, a retention
 * case saved, a service request still open), so the figures are not all zero.
 */
import { type CaseStage, createCase, lastCompleteMonth, moveCase, sql, type Workspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

interface Rows {
  rows: { period_start: string; value: number | null; forecast?: string }[];
}

async function writeCases(ws: Workspace): Promise<void> {
  const month = await lastCompleteMonth(ws.db);
  const ids = await ws.db.all<{ id: string }>(
    sql`SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 3`,
  );
  const [a, b, c] = ids.map((r) => r.id) as [string, string, string];
  const at = (day: number) => `${month}-${String(day).padStart(2, '0')}T09:00:00Z`;
  const actor = { name: 'admin' };
  const walk = async (id: string, from: number, closed: Record<string, unknown>) => {
    const steps: [CaseStage, Record<string, unknown>][] = [
      ['diagnosed', { root_cause: 'billing', severity: 'high', company_at_fault: true }],
      ['planned', { action_plan: 'Refund the second charge' }],
      ['implementing', {}],
      ['following_up', { actions_done: 'Refunded' }],
      ['closed', { contacted: true, ...closed }],
    ];
    for (const [i, [to, fields]] of steps.entries())
      await moveCase(ws, actor, id, { to, fields, at: at(from + i + 1) });
  };
  const complaint = await createCase(ws, actor, {
    customer_id: a,
    kind: 'complaint',
    subject: 'Billed twice',
    owner: 'admin',
    at: at(2),
  });
  await walk(complaint.case_id, 2, { satisfied: false, csat: 2 });
  const retention = await createCase(ws, actor, {
    customer_id: b,
    kind: 'retention',
    subject: 'Wants to leave',
    at: at(3),
  });
  await walk(retention.case_id, 10, { satisfied: true, csat: 5, outcome: 'saved' });
  await createCase(ws, actor, { customer_id: c, kind: 'service_request', subject: 'New address', at: at(4) });
}

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400, writeCases);
});
afterAll(async () => {
  await d?.close();
});

/** The last period's value of the response the page got for `metric` (the same query, the same session). */
const lastValue = async (body: Rows) => body.rows.filter((r) => !r.forecast).at(-1)?.value ?? null;

describe('operations page in chromium', () => {
  it("shows the API's figures on its cards and re-queries the chart by the breakdown chosen", async () => {
    await d.page.goto('/');
    await logIn(d.page);
    const opened = d.page.waitForResponse((r) => /\/api\/v1\/metrics\/cases_opened\?/.test(r.url()));
    const resolution = d.page.waitForResponse((r) => /\/api\/v1\/metrics\/case_resolution_rate\?/.test(r.url()));
    await d.page.goto('/operations');
    const en = formats('en');
    const value = await lastValue((await (await opened).json()) as Rows);
    // At least the three written above (the demo may bring cases of its own).
    expect(value).toBeGreaterThanOrEqual(3);
    await expect.poll(() => d.page.getByTestId('ops-cases_opened').textContent()).toBe(en.value('count', value));
    const rate = await lastValue((await (await resolution).json()) as Rows);
    expect(rate).toEqual(expect.any(Number));
    await expect.poll(() => d.page.getByTestId('ops-case_resolution_rate').textContent()).toBe(en.value('ratio', rate));
    const byOwner = d.page.waitForResponse((r) => /\/metrics\/cases_opened\?.*by=owner/.test(r.url()));
    await choose(d.page, 'Break down by', 'Owner');
    expect((await byOwner).status()).toBe(200);
    await d.page.getByTestId('trend-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    await d.page.getByTestId('ops-stages').waitFor();
    await shoot(d.page, 'operations');
    expect(d.errors).toEqual([]);
  });

  it('speaks Chinese, with the same figures', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('menuitem', { name: '运营' }).waitFor();
    await d.page.getByText('细分维度').first().waitFor();
    const opened = d.page.waitForResponse((r) => /\/api\/v1\/metrics\/cases_opened\?/.test(r.url()));
    await d.page.reload();
    const value = await lastValue((await (await opened).json()) as Rows);
    await settle(d.page);
    await expect
      .poll(() => d.page.getByTestId('ops-cases_opened').textContent())
      .toBe(formats('zh-CN').value('count', value));
    await shoot(d.page, 'operations-zh');
    await d.page.getByTestId('language').getByText('English').click();
    await d.page.getByRole('menuitem', { name: 'Operations' }).waitFor();
    expect(d.errors).toEqual([]);
  });
});
