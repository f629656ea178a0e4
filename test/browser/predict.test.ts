/**
 * Churn prediction in chromium on a 2,000-customer demo: the model trained from its page with the report's
 * AUC as the API gives it, customers scored from the at-risk page whose first row is the API's first row, the
 * customer-360 risk card showing the API's probability, alerts acknowledged from the inbox, a rule changed by
 * the admin, and every page in English and 中文, screenshotted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;

beforeAll(async () => {
  d = await startDashboard(2000);
});

afterAll(async () => {
  await d?.close();
});

type Row = { customer_id: string; probability: number; reasons: { text: string }[] };

/** GET an API path with the browser's session, as JSON. */
const api = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;

const drawn = (testId: string) => d.page.getByTestId(testId).and(d.page.locator('[data-drawn=true]')).waitFor();

describe('churn prediction pages in chromium', () => {
  it('signs in', async () => {
    await d.page.goto('/');
    await logIn(d.page);
  });

  it('trains the model from its page and shows the report with the API’s AUC', async () => {
    await d.page.goto('/churn-model');
    await d.page.getByTestId('not-fitted').waitFor();
    await d.page.getByTestId('fit').click();
    await drawn('roc-chart');
    for (const chart of ['lift-chart', 'calibration-chart', 'importance-chart']) await drawn(chart);
    const report = await api<{ evaluations: { set: string; model: { roc_auc: number } }[] }>('/api/v1/churn/model');
    expect(report.evaluations[0]?.set).toBe('backtest');
    const auc = d.page.getByTestId('model-metrics').getByRole('row', { name: /^ROC AUC / });
    expect(await auc.textContent()).toContain(formats('en').number(report.evaluations[0]?.model.roc_auc, 3));
    await shoot(d.page, 'churn-model');
  });

  let first: Row;

  it('scores from the at-risk page; its first row is the API’s first row', async () => {
    await d.page.goto('/at-risk');
    await d.page.getByTestId('not-scored').waitFor();
    await d.page.getByTestId('fit').click();
    const rows = d.page.getByTestId('at-risk').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 60_000 });
    await settle(d.page);
    const page = await api<{ total: number; rows: Row[] }>('/api/v1/churn/at-risk?lang=en');
    first = page.rows[0]!;
    expect(await rows.count()).toBe(Math.min(50, page.total));
    expect(await rows.first().getByRole('link').textContent()).toBe(first.customer_id);
    expect(await rows.first().getByTestId('probability').textContent()).toBe(
      formats('en').value('ratio', first.probability),
    );
    expect(await rows.first().getByTestId('reasons').locator('li').first().textContent()).toContain(
      first.reasons[0]?.text,
    );
    await shoot(d.page, 'at-risk');
  });

  it('shows the API’s probability on the customer-360 risk card', async () => {
    await d.page.getByTestId('at-risk').locator('tbody tr.ant-table-row').first().getByRole('link').click();
    await d.page.waitForURL(`**/customers/${encodeURIComponent(first.customer_id)}`);
    const risk = await api<{ score: { probability: number; reasons: { text: string }[] } }>(
      `/api/v1/churn/customers/${encodeURIComponent(first.customer_id)}?lang=en`,
    );
    const card = d.page.getByTestId('risk-card');
    await card.getByTestId('risk-probability').waitFor();
    expect(await card.getByTestId('risk-probability').textContent()).toBe(
      formats('en').value('ratio', risk.score.probability),
    );
    expect(await card.getByTestId('reasons').locator('li').count()).toBeGreaterThan(0);
    await shoot(d.page, 'customer-risk');
  });

  it('lists the open alerts as the API does, paged with the total, and acknowledges one', async () => {
    type Inbox = { total: number; rows: { message: string }[] };
    const { total, rows: alerts } = await api<Inbox>('/api/v1/alerts?open=true&page_size=50&lang=en');
    expect(alerts.length).toBeGreaterThan(0);
    await d.page.goto('/alerts');
    const rows = d.page.getByTestId('alerts').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain(alerts[0]?.message);
    expect(await d.page.locator('.ant-pagination-total-text').first().textContent()).toContain(
      total.toLocaleString('en-US'),
    );
    await shoot(d.page, 'alerts');
    await rows.first().getByTestId('acknowledge').click();
    await expect.poll(async () => (await api<Inbox>('/api/v1/alerts?open=true')).total).toBe(total - 1);
  });

  it('lets an admin change an alert rule from the inbox; the API then has it', async () => {
    const drop = d.page
      .getByTestId('alert-settings')
      .getByLabel('Usage drop in 30 days of at least (share; empty: off)');
    await drop.fill('0.35');
    await d.page.getByTestId('save-alert-settings').click();
    await expect
      .poll(async () => (await api<{ alerts: { usage_drop: number } }>('/api/v1/alerts/settings')).alerts.usage_drop)
      .toBe(0.35);
    await shoot(d.page, 'alerts-settings');
  });

  it('opens a retention case from an alert and from the at-risk list, each recording what caused it', async () => {
    type Case = { case_id: string; customer_id: string; kind: string; source: string; source_ref: string | null };
    /** Opens a case from the row's button, with a subject, and returns it as the API has it. */
    const openCase = async (row: ReturnType<typeof d.page.locator>, subject: string) => {
      await row.getByTestId('create-case').click();
      await d.page.getByTestId('create-case-form').getByLabel('Subject').fill(subject);
      // The server's answer first (a loaded machine took longer than a navigation's 30 s, with nothing to say why).
      const [created] = await Promise.all([
        d.page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/cases',
          { timeout: 90_000 },
        ),
        d.page.locator('.ant-modal-footer .ant-btn-primary').click(),
      ]);
      expect(created.status(), await created.text()).toBe(201);
      await d.page.waitForURL(/\/cases\/[^/]+$/);
      await d.page.getByTestId('case-steps').waitFor();
      const id = decodeURIComponent(new URL(d.page.url()).pathname.split('/').pop() ?? '');
      return (await api<{ case: Case }>(`/api/v1/cases/${encodeURIComponent(id)}`)).case;
    };
    type Alert = { alert_id: number; customer_id: string; rule: string };
    const { rows: open } = await api<{ rows: Alert[] }>('/api/v1/alerts?open=true&page_size=50&lang=en');
    // A summary alert names no customer: the first alert about one.
    const i = open.findIndex((a) => a.rule !== 'summary');
    await d.page.goto('/alerts');
    const alertRows = d.page.getByTestId('alerts').locator('tbody tr.ant-table-row');
    await alertRows.first().waitFor();
    const fromAlert = await openCase(alertRows.nth(i), 'Call before the renewal');
    expect(fromAlert).toMatchObject({
      customer_id: open[i]?.customer_id,
      kind: 'retention',
      source: 'alert',
      source_ref: String(open[i]?.alert_id),
    });
    const scoring = await api<{ run_id: number; rows: Row[] }>('/api/v1/churn/at-risk?lang=en');
    await d.page.goto('/at-risk');
    const riskRows = d.page.getByTestId('at-risk').locator('tbody tr.ant-table-row');
    await riskRows.first().waitFor();
    const fromScore = await openCase(riskRows.first(), 'Offer the yearly plan');
    expect(fromScore).toMatchObject({
      customer_id: scoring.rows[0]?.customer_id,
      kind: 'retention',
      source: 'score',
      source_ref: String(scoring.run_id),
    });
  });

  it('renders the pages in 中文 with the reasons in Chinese, without a problem or a script error', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.goto('/at-risk');
    const rows = d.page.getByTestId('at-risk').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await settle(d.page);
    const zh = await api<{ rows: Row[] }>('/api/v1/churn/at-risk?lang=zh-CN');
    expect(await rows.first().getByTestId('reasons').locator('li').first().textContent()).toContain(
      zh.rows[0]?.reasons[0]?.text,
    );
    await shoot(d.page, 'at-risk-zh');
    for (const [name, path] of [
      ['churn-model-zh', '/churn-model'],
      ['alerts-zh', '/alerts'],
      ['customer-risk-zh', `/customers/${encodeURIComponent(first.customer_id)}`],
    ] as const) {
      await d.page.goto(path);
      await settle(d.page);
      expect(await d.page.getByTestId('problem').allTextContents(), name).toEqual([]);
      await shoot(d.page, name);
    }
    expect(d.errors).toEqual([]);
  });
});
