/**
 * The customer 360's profit card in chromium on a small demo: the twelve months' profit, revenue and allocated
 * costs as the API gives them, a row per month, and the card in 中文, screenshotted; and the Trends page saying why
 * CRM ROI is empty where no campaign had a control group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(300);
});
afterAll(async () => {
  await d?.close();
});

type Lines = { subscription_revenue: number; order_revenue: number; profit: number; costs: Record<string, number> };
type Profit = { currency: string; months: (Lines & { month: string })[]; total: Lines };
const ID = 'C0000007';

describe('the profit card on the customer page', () => {
  it('shows the API’s figures for the last twelve months', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.goto(`/customers/${ID}`);
    const card = d.page.getByTestId('profit-card');
    await card.getByTestId('profit-total').waitFor();
    const r = (await (await d.page.request.get(`/api/v1/customers/${ID}/profit?months=12`)).json()) as Profit;
    const money = (x: number) => formats('en', r.currency).value('money', x);
    expect(await card.getByTestId('profit-total').textContent()).toBe(money(r.total.profit));
    expect(await card.getByTestId('profit-revenue').textContent()).toBe(
      money(r.total.subscription_revenue + r.total.order_revenue),
    );
    const costs = Object.values(r.total.costs).reduce((s, c) => s + c, 0);
    expect(await card.getByTestId('profit-costs').textContent()).toBe(money(costs));
    expect(await card.getByTestId('profit-months').locator('tbody tr.ant-table-row').count()).toBe(12);
    await shoot(d.page, 'customer-profit');
  });

  it('says on the Trends page why CRM ROI is empty in months without a campaign with a control group', async () => {
    await d.page.goto('/trends');
    await d.page.getByLabel('Metric').click();
    await d.page.keyboard.type('CRM ROI');
    await d.page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="CRM ROI"]').click();
    const note = d.page.getByTestId('null-reasons');
    await note.waitFor();
    expect(await note.textContent()).toContain('Not measurable: no campaign with a control group');
    await d.page.goto(`/customers/${ID}`);
    await d.page.getByTestId('profit-card').getByTestId('profit-total').waitFor();
  });

  it('speaks 中文', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByTestId('profit-card').getByText('利润贡献').waitFor();
    await settle(d.page);
    expect(await d.page.getByTestId('problem').allTextContents()).toEqual([]);
    await shoot(d.page, 'customer-profit-zh');
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  });
});
