/**
 * The Competitors page in chromium on the demo (which plants an industry survey's and a competitor's churn rate,
 * that competitor's market share and competitors on part of the churn events): each benchmark metric drawn
 * against ours, the gap of a rate in percentage points, market share shown without ours, and the win–loss table
 * naming each competitor the API lists with its customers lost — in English and in 中文, without a script error;
 * and the Customer value page's LTV (with its interval) beside the per-customer CLV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(400);
}, 120_000);
afterAll(async () => {
  await d?.close();
});

interface Trends {
  series: { metric: string; source: string; gap: { latest: number | null } }[];
}
interface WinLoss {
  competitors: { competitor: string; lost: number }[];
}
const get = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
/** The win–loss the page itself asked for (its default range), as the server answered it. */
let shown: Promise<WinLoss> | undefined;

describe('the Competitors page in chromium', () => {
  it('draws each benchmark metric against ours, with rate gaps in percentage points', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    shown = d.page
      .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/competitors/win-loss')
      .then((r) => r.json() as Promise<WinLoss>);
    await d.page.getByRole('menuitem', { name: 'Competitors' }).click();
    await d.page.getByTestId('benchmark-chart-churn_rate').and(d.page.locator('[data-drawn=true]')).waitFor();
    await settle(d.page);
    const trends = await get<Trends>('/api/v1/benchmarks/trends');
    const churn = d.page.getByTestId('benchmark-churn_rate');
    for (const s of trends.series.filter((x) => x.metric === 'churn_rate')) {
      const row = churn.locator('tbody tr.ant-table-row').filter({ hasText: s.source });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(formats('en').change('ratio', s.gap.latest));
      expect(formats('en').change('ratio', s.gap.latest)).toMatch(/pp$/);
    }
    const share = d.page.getByTestId('benchmark-market_share');
    await share.getByText('Market share').waitFor();
    await share.getByText('A figure Tenure does not compute').waitFor();
    await shoot(d.page, 'competitors');
  });

  it('names in the win–loss table each competitor the API lists, with the customers lost', async () => {
    const table = d.page.getByTestId('win-loss-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
    const api = (await shown) as WinLoss;
    expect(api.competitors.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(api.competitors.length);
    for (const [i, c] of api.competitors.entries()) expect(rows[i]).toContain(`${c.competitor}${c.lost}`);
    await d.page.getByTestId('win-loss-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
  });

  it('reads in 中文 without a script error', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('heading', { name: '竞争对手得失' }).or(d.page.getByText('竞争对手得失')).first().waitFor();
    await settle(d.page);
    expect(await d.page.getByTestId('benchmark-churn_rate').textContent()).toContain('个百分点');
    await d.page.getByText('市场份额').first().waitFor();
    await shoot(d.page, 'competitors-zh');
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  });

  it('the Customer value page sets LTV with its interval beside the per-customer CLV, in both languages', async () => {
    await d.page.getByRole('menuitem', { name: 'Customer value' }).click();
    const card = d.page.getByTestId('ltv-clv');
    await card.getByTestId('ltv-interval').waitFor();
    const api = await get<{ ltv: { ci_low: number | null; ci_high: number | null }[] }>('/api/v1/clv/ltv');
    const last = api.ltv.at(-1);
    // Money in the workspace's currency, as the page formats it.
    const { currency } = await get<{ currency: string }>('/api/v1/settings');
    const f = formats('en', currency);
    expect(await card.getByTestId('ltv-interval').textContent()).toBe(
      `95% interval ${f.value('money', last?.ci_low ?? null)} – ${f.value('money', last?.ci_high ?? null)}`,
    );
    // The demo scores no one: the card says where per-customer CLV comes from.
    await card.getByTestId('clv-not-scored').waitFor();
    await card.getByText('CLV is computed for each customer').waitFor();
    await d.page.getByTestId('language').getByText('中文').click();
    await card.getByText('LTV 与模型 CLV 对照').waitFor();
    await card.getByText('CLV 按每位客户自己的 MRR').waitFor();
    await shoot(d.page, 'value-ltv-clv-zh');
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  });
});
