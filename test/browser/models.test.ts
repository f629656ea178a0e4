/**
 * The lifetime-model pages in chromium on a 2,000-customer demo (the purchase models need that many to
 * identify dropout): survival curves drawn with the API's log-rank p-value, CLV fitted from the page with as
 * many top customers as the API gives, the sBG projection and a pasted survivor list, each page screenshotted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

let d: Dashboard;

beforeAll(async () => {
  d = await startDashboard(2000);
});

afterAll(async () => {
  await d?.close();
});

/** Fit the page's model with its button and wait until the stored run is shown. */
async function fitFromPage(shown: string) {
  await d.page.getByTestId('not-fitted').waitFor();
  await d.page.getByTestId('fit').click();
  await d.page.getByTestId(shown).waitFor({ timeout: 30_000 });
}

describe('lifetime model pages in chromium', () => {
  it('signs in', async () => {
    await d.page.goto('/');
    await logIn(d.page);
  });

  it('draws the survival curves by contract and shows the log-rank p-value the API gives', async () => {
    await d.page.goto('/survival');
    await d.page.getByTestId('survival-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    const byContract = d.page.waitForResponse((r) => /\/models\/survival\?.*by=contract/.test(r.url()));
    await choose(d.page, 'Break down by', 'Contract');
    const { log_rank: logRank } = (await (await byContract).json()) as { log_rank: { p_value: number; df: number } };
    expect(logRank.df).toBe(2);
    await expect.poll(() => d.page.getByTestId('log-rank-p').textContent()).toBe(formats('en').p(logRank.p_value));
    // One curve and its band per contract, drawn to the end of their animation.
    await d.page.getByTestId('survival-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    expect(await d.page.getByRole('row', { name: /^(month_to_month|one_year|two_year) / }).count()).toBe(3);
    await shoot(d.page, 'survival');
  });

  it('fits CLV from the page and lists as many top customers as the API, each linked to its 360', async () => {
    await d.page.goto('/value');
    await fitFromPage('top-customers');
    await settle(d.page);
    const res = await d.page.request.get('/api/v1/clv?top=50');
    const { top } = ((await res.json()) as { result: { top: { customer_id: string }[] } }).result;
    expect(top.length).toBeGreaterThan(0);
    const rows = d.page.getByTestId('top-customers').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(top.length);
    expect(await rows.first().getByRole('link').textContent()).toBe(top[0]?.customer_id);
    for (const chart of ['clv-histogram', 'palive-histogram'])
      await d.page.getByTestId(chart).and(d.page.locator('[data-drawn=true]')).waitFor();
    await shoot(d.page, 'customer-value');
    await rows.first().getByRole('link').click();
    await d.page.waitForURL(`**/customers/${encodeURIComponent(top[0]?.customer_id ?? '')}`);
  });

  it('says the sBG on the demo is degenerate instead of plotting it, and fits survivor counts pasted from a spreadsheet', async () => {
    await d.page.goto('/retention');
    await d.page.getByTestId('not-fitted').waitFor();
    await d.page.getByTestId('fit').click();
    // The demo's churn does not fall with tenure: the page gives the diagnosis in its own words, no projection.
    const problem = d.page.getByTestId('problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('TEN_MODEL_DEGENERATE');
    expect(await problem.textContent()).toContain('Survival page');
    expect(await d.page.getByTestId('sbg-expected').count()).toBe(0);
    // Fader & Hardie (2007), the regular cohort, pasted as a spreadsheet column: α = 0.668, β = 3.806.
    await d.page.getByTestId('survivors').fill('1000\n869\n743\n653\n593\n551\n517\n491');
    await d.page.getByTestId('survivors-fit').click();
    const box = d.page.locator('.ant-card', { has: d.page.getByTestId('survivors') });
    await box.getByText('0.668', { exact: true }).waitFor();
    await box.getByText('3.806', { exact: true }).waitFor();
    await shoot(d.page, 'retention-projection');
  });

  it('renders the three pages in 中文 without a problem or a script error', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    for (const [name, path, chart] of [
      ['survival-zh', '/survival', 'survival-chart'],
      ['customer-value-zh', '/value', 'clv-histogram'],
    ] as const) {
      await d.page.goto(path);
      await d.page.getByTestId(chart).locator('canvas').first().waitFor();
      await settle(d.page);
      expect(await d.page.getByTestId('problem').allTextContents(), name).toEqual([]);
      await shoot(d.page, name);
    }
    await d.page.goto('/retention');
    await d.page.getByTestId('not-fitted').waitFor();
    await shoot(d.page, 'retention-projection-zh');
    expect(d.errors).toEqual([]);
  });
});
