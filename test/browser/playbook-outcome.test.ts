/**
 * A playbook from trigger to a saved outcome, in chromium (issue 12's acceptance): on a scored demo an admin runs
 * a save playbook on the at-risk list from the Playbooks page; its retention case is in the inbox under Mine for
 * its owner, who walks it through the five steps on the case page and closes it as saved; the API's save rate for
 * this month counts one more save, and the operations page shows the figure the API gives it.
 */
import { savePlaybook, scoreChurn, trainChurnModel, type Workspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { admin, choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

const PLAYBOOK = 'save-at-risk';

/** A model and a scoring (the at-risk list), and a save playbook owned by the admin, switched off: run by hand. */
async function scoreAndAddPlaybook(ws: Workspace): Promise<void> {
  await trainChurnModel(ws);
  await scoreChurn(ws);
  const playbook: Parameters<typeof savePlaybook>[2] = {
    id: PLAYBOOK,
    name: { en: 'Save the high-risk customers', 'zh-CN': '挽留高风险客户' },
    enabled: false,
    trigger: { kind: 'risk_tier', tier: 'high' },
    template: {
      kind: 'retention',
      priority: 'high',
      subject: { en: 'At risk: call and save', 'zh-CN': '高风险：致电挽留' },
      checklist: [{ en: 'Call the customer', 'zh-CN': '致电客户' }],
      due_in_days: 7,
    },
    owner_rule: { owner: admin.username },
  };
  await savePlaybook(ws, { name: admin.username }, playbook);
}

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400, scoreAndAddPlaybook);
}, 300_000);
afterAll(async () => {
  await d?.close();
});

interface Case {
  case_id: string;
  customer_id: string;
  playbook_id: string | null;
  [field: string]: unknown;
}
interface Metric {
  rows: { value: number | null; numerator: number | null; denominator: number | null; forecast?: string }[];
}

const get = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
const step = () => d.page.getByTestId('step-form');
const month = new Date().toISOString().slice(0, 7);
/** This month's save rate as the API gives it: saved ÷ closed with an outcome. */
const saveRate = async () =>
  (await get<Metric>(`/api/v1/metrics/retention_save_rate?period=month&from=${month}&to=${month}`)).rows[0];

/** Sends the step form; the move's status. */
async function submitStep() {
  const answer = d.page.waitForResponse((r) => r.url().endsWith('/moves') && r.request().method() === 'POST');
  await d.page.getByTestId('step-submit').click();
  const status = (await answer).status();
  await settle(d.page);
  return status;
}

/** Picks an option of a select of the step form (its list closed again before the next one opens). */
async function pick(label: string, option: string) {
  await step().getByLabel(label, { exact: true }).click();
  await d.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  await d.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

let before: Metric['rows'][number] | undefined;
let opened: Case;

describe('a playbook from trigger to a saved outcome', () => {
  it('runs the playbook on the at-risk list from the Playbooks page', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    before = await saveRate();
    await d.page.getByRole('menuitem', { name: 'Playbooks' }).click();
    const row = d.page.locator('tbody tr.ant-table-row', { hasText: PLAYBOOK });
    const [reply] = await Promise.all([
      d.page.waitForResponse((r) => r.url().endsWith(`/api/v1/playbooks/${PLAYBOOK}/runs`)),
      row.getByRole('button', { name: 'Run on the at-risk list' }).click(),
    ]);
    const run = (await reply.json()) as { matched: number; created: number };
    expect(run.created).toBeGreaterThan(0);
    await d.page.getByTestId('run-result').waitFor();
    const cases = await get<{ total: number; rows: Case[] }>(
      `/api/v1/cases?kind=retention&owner=${admin.username}&status=open&sort=case_id&order=asc`,
    );
    const ours = cases.rows.filter((c) => c.playbook_id === PLAYBOOK);
    expect(ours).toHaveLength(run.created);
    opened = ours[0] as Case;
  });

  it("lists the case in its owner's inbox under Mine, and opens it", async () => {
    await d.page.goto('/cases');
    await d.page.getByTestId('case-view').getByText('Mine', { exact: true }).click();
    const link = d.page.getByTestId('cases').getByRole('link', { name: opened.case_id, exact: true });
    // Mine holds every open case of the owner: search the playbook's subject to reach this one on the first page.
    await d.page.getByLabel('Search the subjects').fill('At risk: call and save');
    await d.page.getByLabel('Search the subjects').press('Enter');
    await link.waitFor();
    await link.click();
    await d.page.getByTestId('case-title').waitFor();
    expect(await d.page.getByTestId('case-title').textContent()).toBe('At risk: call and save');
  });

  it('walks the case through the five steps to closed, saved', async () => {
    await pick('Root cause', 'Price');
    await pick('Severity', 'Medium');
    await d.page.getByTestId('field-company_at_fault').getByText('No', { exact: true }).click();
    expect(await submitStep()).toBe(200);
    await step().getByText('Next step: Planned').waitFor();
    await step().getByLabel('Action plan').fill('Offer a loyalty discount for a year');
    expect(await submitStep()).toBe(200);
    await step().getByText('Next step: Implementing').waitFor();
    expect(await submitStep()).toBe(200);
    await step().getByText('Next step: Following up').waitFor();
    await step().getByLabel('Actions done').fill('Called; the discount is on the next invoice');
    expect(await submitStep()).toBe(200);
    await step().getByText('Next step: Closed').waitFor();
    await d.page.getByTestId('field-contacted').getByText('Yes', { exact: true }).click();
    await d.page.getByTestId('field-satisfied').getByText('Yes', { exact: true }).click();
    await step().locator('.ant-rate-star').nth(3).click();
    await pick('Outcome', 'Saved');
    expect(await submitStep()).toBe(200);
    await d.page.getByTestId('case-ended').waitFor();
    const { case: c } = await get<{ case: Case }>(`/api/v1/cases/${encodeURIComponent(opened.case_id)}`);
    expect(c).toMatchObject({ stage: 'closed', outcome: 'saved', satisfied: true, csat: 4, playbook_id: PLAYBOOK });
    await shoot(d.page, 'playbook-case-saved');
  });

  it("counts the save in the API's save rate, and the operations page shows the API's figure", async () => {
    const after = await saveRate();
    expect(after?.numerator).toBe((before?.numerator ?? 0) + 1);
    expect(after?.denominator).toBe((before?.denominator ?? 0) + 1);
    const answer = d.page.waitForResponse((r) => /\/api\/v1\/metrics\/retention_save_rate\?/.test(r.url()));
    await d.page.goto('/operations');
    const rows = ((await (await answer).json()) as Metric).rows.filter((r) => !r.forecast);
    await settle(d.page);
    await expect
      .poll(() => d.page.getByTestId('ops-retention_save_rate').textContent())
      .toBe(formats('en').value('ratio', rows.at(-1)?.value ?? null));
    await choose(d.page, 'Break down by', 'Owner');
    await shoot(d.page, 'playbook-operations');
    expect(d.errors).toEqual([]);
  });
});
