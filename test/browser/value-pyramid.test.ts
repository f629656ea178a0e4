/**
 * The customer pyramid on the Customer value page in chromium on the 400-customer demo: drawn, its table the
 * tiers the API gives (before any CLV fit: the pyramid needs none), the period controls asking for another
 * period, and the page in 中文; the Segments page breaks a metric down by value tier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;

beforeAll(async () => {
  d = await startDashboard();
});

afterAll(async () => {
  await d?.close();
});

type Pyramid = { tiers: { tier: string; customers: number; label: { en: string; 'zh-CN': string } }[] };

describe('the customer pyramid in chromium', () => {
  it('signs in', async () => {
    await d.page.goto('/');
    await logIn(d.page);
  });

  it('draws the pyramid and lists the tiers the API gives, before any CLV fit', async () => {
    const asked = d.page.waitForResponse((r) => r.url().includes('/api/v1/value/pyramid?'));
    await d.page.goto('/value');
    const res = await asked;
    expect(new URL(res.url()).searchParams.get('period')).toBe('year');
    const body = (await res.json()) as Pyramid;
    expect(body.tiers.map((t) => t.tier)).toEqual(['top', 'middle', 'rest']);
    await d.page.getByTestId('pyramid-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    const rows = d.page.getByTestId('pyramid-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    const f = formats('en');
    for (const [i, t] of body.tiers.entries()) {
      const cells = rows.nth(i).locator('td');
      expect(await cells.nth(0).textContent()).toBe(t.label.en);
      expect(await cells.nth(1).textContent()).toBe(f.number(t.customers, 0));
    }
    await shoot(d.page, 'customer-pyramid');
  });

  it('draws the RFM grid and counts the lifecycle stages the API gives', async () => {
    const res = await d.page.request.get('/api/v1/value/segments');
    const body = (await res.json()) as { lifecycle: { stage: string; customers: number }[] };
    await d.page.getByTestId('rfm-heatmap').and(d.page.locator('[data-drawn=true]')).waitFor();
    const rows = d.page.getByTestId('lifecycle-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(6);
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('New');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(
      formats('en').number(body.lifecycle[0]?.customers ?? -1, 0),
    );
  });

  it('asks for the chosen grain', async () => {
    const asked = d.page.waitForResponse((r) => r.url().includes('/api/v1/value/pyramid?period=quarter'));
    await d.page
      .locator('.ant-card', { has: d.page.getByTestId('pyramid-table') })
      .getByText('Quarter')
      .click();
    expect((await asked).status()).toBe(200);
    await d.page.getByTestId('pyramid-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
  });

  it('breaks a metric down by value tier on the Segments page', async () => {
    await d.page.goto('/segments');
    const byTier = d.page.waitForResponse((r) => /\/api\/v1\/metrics\/churn_rate\?.*by=value_tier/.test(r.url()));
    await choose(d.page, 'Break down by', 'Value tier');
    expect((await byTier).status()).toBe(200);
    // Tier ids read as names (without shares, which the settings may change).
    await d.page.getByRole('cell', { name: 'Top tier', exact: true }).waitFor();
    await settle(d.page);
    await shoot(d.page, 'segments-by-value-tier');
  });

  it('renders the pyramid in 中文 without a problem or a script error', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.goto('/value');
    await d.page.getByTestId('pyramid-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    await d.page.getByTestId('pyramid-table').getByText('前 20%').waitFor();
    await d.page.getByTestId('pyramid-table').getByText('价值层级').waitFor();
    await settle(d.page);
    await shoot(d.page, 'customer-pyramid-zh');
    expect(d.errors).toEqual([]);
  });
});
