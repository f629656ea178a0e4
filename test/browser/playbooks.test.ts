/**
 * The playbook editor in chromium on a demo (which stores its own at-risk playbook): an admin adds a playbook through the form (a filter trigger, a
 * template with a checklist, an owner), runs it and reads the counts the API gave, runs it again and sees every
 * customer skipped for the open case, is refused by name for a field the customers lack, switches it off, and
 * reads the page in 中文 — without a script error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400);
});
afterAll(async () => {
  await d?.close();
});

const api = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
const field = (label: string) => d.page.getByTestId('playbook-form').getByLabel(label, { exact: true });

describe('the playbook editor in chromium', () => {
  it("signs in and lists the demo's playbook", async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.getByRole('menuitem', { name: 'Playbooks' }).click();
    await d.page.locator('tbody tr.ant-table-row', { hasText: 'demo-at-risk' }).waitFor();
  });

  it('adds a playbook through the form', async () => {
    await d.page.getByRole('button', { name: 'New playbook' }).click();
    await field('Id (small letters, digits, - and _)').fill('north-follow-up');
    await field('Name in English').fill('North follow-up');
    await field('Name in Chinese').fill('北区回访');
    await choose(d.page, 'When', 'Customers match a filter');
    await field('Customers where (one per line: field=value)').fill('region=north');
    await field('Subject in English').fill('Check in with <b>north</b>');
    await field('Subject in Chinese').fill('北区回访');
    await d.page.getByRole('button', { name: 'Add a step' }).click();
    await field('Step in English').fill('Call the customer');
    await field('Step in Chinese').fill('致电客户');
    await field('Owner (a username)').fill('admin');
    await d.page.getByTestId('playbook-form').getByRole('button', { name: 'Save' }).click();
    const row = d.page.locator('tbody tr.ant-table-row', { hasText: 'north-follow-up' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Customers where region=north');
    // Case text is shown as text.
    expect(await row.textContent()).toContain('<b>north</b>');
  });

  it('runs it and shows the counts the API answered; a second run opens none', async () => {
    const row = d.page.locator('tbody tr.ant-table-row', { hasText: 'north-follow-up' });
    const [reply] = await Promise.all([
      d.page.waitForResponse((r) => r.url().endsWith('/api/v1/playbooks/north-follow-up/runs')),
      row.getByRole('button', { name: 'Run now' }).click(),
    ]);
    const run = (await reply.json()) as { matched: number; created: number; skipped: { malicious: number } };
    expect(run.created).toBeGreaterThan(0);
    const result = d.page.getByTestId('run-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`${run.matched} customers matched, ${run.created} cases opened`);
    const cases = await api<{ total: number }>('/api/v1/cases?kind=retention&status=open');
    expect(cases.total).toBe(run.created);
    await row.getByRole('button', { name: 'Run now' }).click();
    await d.page.getByText(`0 cases opened. Skipped: ${run.created} with an open case`).waitFor();
    await shoot(d.page, 'playbooks');
  });

  it('is refused by name for a customer field the workspace lacks, and nothing changes', async () => {
    const row = d.page.locator('tbody tr.ant-table-row', { hasText: 'north-follow-up' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await field('Customers where (one per line: field=value)').fill('shoe_size=42');
    await d.page.getByTestId('playbook-form').getByRole('button', { name: 'Save' }).click();
    const problem = d.page.getByTestId('playbook-form').getByTestId('problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('shoe_size');
    await d.page.getByTestId('playbook-form').getByRole('button', { name: 'Cancel' }).click();
    const stored = await api<{ version: number; trigger: { filter: string[] } }>('/api/v1/playbooks/north-follow-up');
    expect(stored).toMatchObject({ version: 1, trigger: { filter: ['region=north'] } });
  });

  it('switches it off, and reads in 中文 without a script error', async () => {
    await d.page.getByLabel('On north-follow-up').click();
    await settle(d.page);
    await expect
      .poll(async () => (await api<{ enabled: boolean }>('/api/v1/playbooks/north-follow-up')).enabled)
      .toBe(false);
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('heading', { name: '剧本' }).waitFor();
    await d.page.getByRole('button', { name: '新建剧本' }).waitFor();
    await shoot(d.page, 'playbooks-zh');
    expect(d.errors).toEqual([]);
  });
});
