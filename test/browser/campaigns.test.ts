/**
 * Campaigns as experiments in chromium (issue 13), on a scored 2,000-customer demo whose campaign RET-01 was
 * randomised with a planted effect: its result page shows the API's measurement (churn per group, the reduction
 * with its interval and p-value, survival per group, the money); a new campaign is designed through the form with
 * the power calculation answering as the user types, created, and launched into interim figures; the uplift
 * model is fitted on RET-01 from its page and scores the customers, whom the at-risk page's persuadable order
 * ranks as the API does; the overview's CRM ROI card shows the API's figure; and the result page speaks 中文.
 */
import { scoreChurn, trainChurnModel, type Workspace } from '@tenure/core';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../packages/web/src/i18n/en.ts';
import { formats } from '../../packages/web/src/i18n/format.ts';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

const DEMO_CAMPAIGN = 'RET-01';
const fmt = formats('en');
/** A difference of rates as the page words it: in percentage points. */
const points = (v: number | null) => en['unit.pp'].replace('{n}', fmt.number(100 * (v ?? 0), 1));

interface Interval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}
interface Measurement {
  interim: boolean;
  days_remaining: number;
  arms: { arm: 'treatment' | 'control'; members: number; churn_rate: number | null }[];
  churn: { absolute_reduction: Interval; p_value: number | null };
  money: { saved: Interval; roi: Interval };
}

async function scored(ws: Workspace): Promise<void> {
  await trainChurnModel(ws);
  await scoreChurn(ws);
}

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard(2000, scored);
}, 300_000);
afterAll(async () => {
  await d?.close();
});

/** GET an API path with the browser's session, as JSON. */
const get = async <T>(path: string): Promise<T> => (await (await d.page.request.get(path)).json()) as T;
const drawn = (testId: string) => d.page.getByTestId(testId).and(d.page.locator('[data-drawn=true]')).waitFor();
const text = (testId: string) => d.page.getByTestId(testId).first().textContent();
/** The next answer of a route (method and path, any query), or of the request whose JSON body has `body`'s values. */
const answer = (method: string, path: RegExp, body: Record<string, unknown> = {}) =>
  d.page.waitForResponse(
    (r: Response) =>
      r.request().method() === method &&
      path.test(new URL(r.url()).pathname) &&
      Object.entries(body).every(([k, v]) => (r.request().postDataJSON() as Record<string, unknown>)?.[k] === v),
  );

describe('campaigns in chromium', () => {
  it('lists the demo campaign with its groups as the API counts them', async () => {
    await d.page.goto('/');
    await logIn(d.page);
    await d.page.getByRole('menuitem', { name: 'Campaigns' }).click();
    const { campaigns } = await get<{ campaigns: { id: string; treatment: number; control: number }[] }>(
      '/api/v1/campaigns',
    );
    const demo = campaigns.find((c) => c.id === DEMO_CAMPAIGN);
    expect(demo?.treatment).toBeGreaterThan(0);
    const row = d.page.getByTestId('campaigns').getByRole('row', { name: new RegExp(`^${DEMO_CAMPAIGN} `) });
    await row.waitFor();
    expect(await row.textContent()).toContain(fmt.number(demo?.treatment, 0));
    await shoot(d.page, 'campaigns');
  });

  it("shows the demo campaign's measurement as the API gives it", async () => {
    const measured = answer('GET', new RegExp(`/campaigns/${DEMO_CAMPAIGN}/measure$`));
    await d.page.getByTestId('campaigns').getByRole('link', { name: DEMO_CAMPAIGN, exact: true }).click();
    const m = (await (await measured).json()) as Measurement;
    await drawn('campaign-survival');
    for (const arm of m.arms) expect(await text(`churn-${arm.arm}`)).toBe(fmt.value('ratio', arm.churn_rate));
    const reduction = m.churn.absolute_reduction;
    expect(await text('effect-absolute')).toBe(points(reduction.estimate));
    expect(await text('effect-absolute-note')).toBe(`${points(reduction.lower)} – ${points(reduction.upper)}`);
    expect(await text('effect-p')).toBe(fmt.p(m.churn.p_value));
    expect(await text('money-saved')).toBe(fmt.number(m.money.saved.estimate, 1));
    expect(await text('money-roi')).toBe(fmt.value('ratio', m.money.roi.estimate));
    expect(await d.page.getByTestId('campaign-log-rank').count()).toBe(1);
    // The demo's outcome window is over: no figure is interim.
    expect(m.interim).toBe(false);
    expect(await d.page.getByTestId('campaign-interim').count()).toBe(0);
    await shoot(d.page, 'campaign-result');
  });

  it('answers the power calculation as the user types, both ways round', async () => {
    await d.page.goto('/campaigns');
    await d.page.getByRole('button', { name: 'New campaign' }).click();
    const form = d.page.getByTestId('design-form');
    await form.waitFor();
    // Typed, not sent per keystroke: the answer that counts is the one to the last values typed.
    const asked = answer('POST', /\/campaigns\/power$/, { baseline: 0.3, effect: 0.1 });
    await form.getByLabel('Churn in the control group (%)').fill('30');
    await form.getByLabel('Smallest reduction worth detecting (percentage points)').fill('10');
    const size = (await (await asked).json()) as { total: number; solved_for: string };
    expect(size.solved_for).toBe('sample_size');
    await expect.poll(() => text('power-result')).toContain(fmt.number(size.total, 0));
    const again = answer('POST', /\/campaigns\/power$/, { size: 600 });
    await form.getByText('Smallest detectable effect', { exact: true }).click();
    await form.getByLabel('Customers in the campaign').fill('600');
    const mde = (await (await again).json()) as { total: number; effect: number; solved_for: string };
    expect(mde).toMatchObject({ solved_for: 'mde', total: 600 });
    await expect.poll(() => text('power-result')).toContain(fmt.number(100 * mde.effect, 1));
  });

  it('creates a campaign from the form and launches it into interim figures', async () => {
    const form = d.page.getByTestId('design-form');
    await form.getByLabel('Id (letters, digits, - and _)').fill('WIN-BACK');
    await form.getByLabel('Name', { exact: true }).fill('Win-back call');
    await choose(d.page, 'Customers targeted', 'A risk tier and above');
    await form.getByLabel('Control group share').fill('30');
    const created = answer('POST', /\/api\/v1\/campaigns$/);
    await d.page.getByTestId('design-create').click();
    const reply = await created;
    expect(reply.status()).toBe(201);
    const { campaign } = (await reply.json()) as { campaign: { treatment: number; control: number } };
    expect(campaign.treatment).toBeGreaterThan(campaign.control);
    expect(await text('campaign-created')).toContain(fmt.number(campaign.treatment, 0));
    await d.page.getByTestId('campaigns').getByRole('link', { name: 'WIN-BACK', exact: true }).click();
    await d.page.getByTestId('campaign-draft').waitFor();
    const measured = answer('GET', /\/campaigns\/WIN-BACK\/measure$/);
    await d.page.getByTestId('campaign-launch').click();
    const m = (await (await measured).json()) as Measurement;
    expect(m.interim).toBe(true);
    expect(await text('campaign-interim')).toContain(`in ${m.days_remaining} days`);
    await settle(d.page);
    await shoot(d.page, 'campaign-interim');
  });

  it('fits the uplift model on the demo campaign and draws its Qini curves', async () => {
    await d.page.goto('/uplift');
    await d.page.getByTestId('not-fitted').waitFor();
    await choose(
      d.page,
      'Learn from campaign',
      `${DEMO_CAMPAIGN} · Retention offer for at-risk month-to-month customers`,
    );
    await d.page.getByTestId('fit').first().click();
    await drawn('qini-chart');
    const report = await get<{ chosen: string; qini: { ranking: string; coefficient: number }[] }>(
      '/api/v1/uplift/model',
    );
    const chosen = report.qini.find((q) => q.ranking === report.chosen);
    expect(await text(`qini-${report.chosen}`)).toBe(fmt.number(chosen?.coefficient, 4));
    expect(await d.page.getByTestId('qini-churn_risk').count()).toBe(1);
    await shoot(d.page, 'uplift');
  });

  it("scores the customers, and the at-risk list's persuadable order is the API's", async () => {
    await d.page.getByRole('button', { name: 'Score the current customers' }).click();
    await d.page.getByTestId('uplift-scored').waitFor({ timeout: 60_000 });
    await d.page.goto('/at-risk');
    await settle(d.page);
    const listed = d.page.waitForResponse((r) => /\/churn\/at-risk\?.*view=persuadable/.test(r.url()));
    await d.page.getByText('Persuadable', { exact: true }).click();
    const page = (await (await listed).json()) as {
      rows: { customer_id: string; expected_saved_value: number | null; sleeping_dog?: boolean }[];
    };
    await settle(d.page);
    const rows = d.page.getByTestId('at-risk').locator('tbody tr.ant-table-row');
    expect(await rows.first().getByRole('link').textContent()).toBe(page.rows[0]?.customer_id);
    // Money in the workspace's currency, as the page formats it.
    const { currency } = await get<{ currency: string }>('/api/v1/settings');
    expect(await rows.first().getByTestId('saved-value').textContent()).toBe(
      formats('en', currency).value('money', page.rows[0]?.expected_saved_value ?? null),
    );
    // Largest expected saved value first, and each sleeping dog on the page flagged.
    const values = page.rows.map((r) => r.expected_saved_value ?? Number.NEGATIVE_INFINITY);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await d.page.getByTestId('sleeping-dog').count()).toBe(page.rows.filter((r) => r.sleeping_dog).length);
    await shoot(d.page, 'at-risk-persuadable');
  });

  it("shows the API's CRM ROI on the overview", async () => {
    const roi = answer('GET', /\/api\/v1\/crm-roi$/);
    await d.page.goto('/');
    const r = (await (await roi).json()) as { roi: Interval };
    await settle(d.page);
    expect(await text('crm-roi-value')).toBe(fmt.value('ratio', r.roi.estimate));
  });

  it('speaks 中文 on the result page', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.goto(`/campaigns/${DEMO_CAMPAIGN}`);
    await d.page.getByText('对流失的效果').waitFor();
    await d.page.getByRole('columnheader', { name: '观察期内流失率' }).waitFor();
    await drawn('campaign-survival');
    await shoot(d.page, 'campaign-result-zh');
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  });
});
