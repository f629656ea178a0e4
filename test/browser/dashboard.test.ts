import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../packages/web/src/i18n/en.ts';
import { formats, type Unit } from '../../packages/web/src/i18n/format.ts';
import { zhCN } from '../../packages/web/src/i18n/zh-CN.ts';
import { choose, type Dashboard, logIn, settle, shoot, startDashboard } from './harness.ts';

/** The slice of the canvas API the heatmap check reads (the root tsconfig has no DOM types). */
interface Canvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

interface Kpi {
  metric: string;
  unit: Unit;
  value: number | null;
}

/**
 * The dashboard's page registry (web/src/routes.ts). Imported by a path tsc does not follow: its pages are React
 * modules that the root tsconfig (no JSX, no DOM) does not check; web's own tsconfig does.
 */
const routesFile = join(import.meta.dirname, '..', '..', 'packages', 'web', 'src', 'routes.ts');
const { routes } = (await import(routesFile)) as { routes: Record<string, { path: string }> };

/**
 * What shows a page is drawn (a chart's test id) and the tabs beyond its first, by page name in the registry.
 * A page without a line here is still visited: the list of pages is the registry's.
 */
const pageExtras: Record<string, { chart?: string; tabs?: MessageKey[] }> = {
  trends: { chart: 'trend-chart' },
  cohorts: { chart: 'cohort-heatmap' },
  segments: { chart: 'segment-bars' },
  churnReasons: { chart: 'pareto-chart' },
  competitors: { chart: 'benchmark-chart-churn_rate' },
  operations: { chart: 'trend-chart' },
  campaign: { chart: 'campaign-survival' },
  data: { tabs: ['data.quality'] },
  settings: { tabs: ['settings.users', 'settings.keys'] },
};

/** Every page of the registry (the catch-all excepted), a `:param` in its path filled from `params`, then its tabs. */
function pageVisits(params: Record<string, string>) {
  return Object.entries(routes)
    .filter(([, r]) => r.path !== '*')
    .flatMap(([name, r]) => {
      const path = r.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(params[p] ?? ''));
      const { chart, tabs = [] } = pageExtras[name] ?? {};
      return [{ name, path, chart, tab: undefined as MessageKey | undefined }].concat(
        tabs.map((tab) => ({ name: `${name}-${tab.replace(/\W/g, '-')}`, path, chart: undefined, tab })),
      );
    });
}

let d: Dashboard;

beforeAll(async () => {
  d = await startDashboard();
});

afterAll(async () => {
  await d?.close();
});

/** Tests run in order on one signed-in browser: logging in once keeps the suite within the login rate limit. */
describe('dashboard in chromium', () => {
  it('signs in through the login form', async () => {
    await d.page.goto('/');
    await d.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shoot(d.page, 'login');
    await logIn(d.page);
    expect(await d.page.getByTestId('user').textContent()).toContain('admin');
  });

  it("shows the API's churn rate on the overview card, formatted the same way", async () => {
    // The same session as the page (the context's cookies), the same query as the page's first request.
    const res = await d.page.request.get('/api/v1/overview?period=month');
    expect(res.status()).toBe(200);
    const kpi = ((await res.json()) as { kpis: Kpi[] }).kpis.find((k) => k.metric === 'churn_rate');
    expect(kpi?.value).toEqual(expect.any(Number));
    const card = d.page.getByTestId('kpi-churn_rate');
    await expect.poll(() => card.textContent()).toBe(formats('en').value('ratio', kpi?.value));
  });

  it('after a write, says as of when the figures are and asks again until they are fresh', async () => {
    // The server's kept answer lasts until the rollups of a 400-customer demo are rebuilt, well under a second:
    // too short to catch a page in. So the page's first answer is marked as the server marks a kept one.
    const asOf = new Date(Date.now() - 5 * 60_000).toISOString();
    await d.page.route(
      /\/api\/v1\/overview\?/,
      async (route) => {
        const res = await route.fetch();
        await route.fulfill({ response: res, json: { ...(await res.json()), refreshing: true, as_of: asOf } });
      },
      { times: 1 },
    );
    await d.page.goto('/');
    const line = d.page.getByTestId('figures-as-of');
    await expect
      .poll(() => line.textContent())
      .toMatch(/^Figures as of .*\d{1,2}:\d{2}\s?[AP]M · updating after the latest import$/);
    // The page asks again by itself, gets the server's own (fresh) answer, and the line goes.
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(0);
  });

  it('switches to 中文, translates the labels and remembers the choice across a reload', async () => {
    await d.page.getByTestId('language').getByText('中文').click();
    await d.page.getByRole('menuitem', { name: '概览' }).waitFor();
    await d.page.getByText('流失率', { exact: true }).first().waitFor();
    // The server keeps the choice with the user, so what reaches them without the page's language speaks it too.
    const me = async () => (await (await d.page.request.get('/api/v1/auth/me')).json()) as { user: { lang: string } };
    await expect.poll(async () => (await me()).user.lang).toBe('zh-CN');
    await d.page.reload();
    // After a reload the session comes back through GET /auth/me, the language from localStorage.
    await d.page.getByRole('menuitem', { name: '趋势' }).waitFor();
    expect(await d.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shoot(d.page, 'overview-zh');
    await d.page.getByRole('menuitem', { name: '流失原因' }).click();
    await d.page.getByRole('columnheader', { name: '流失 MRR' }).waitFor();
    await shoot(d.page, 'churn-reasons-zh');
    await d.page.getByTestId('language').getByText('English').click();
    await d.page.getByRole('menuitem', { name: 'Overview' }).waitFor();
  });

  it('draws a trend per segment with a forecast band', async () => {
    await d.page.goto('/trends');
    await d.page.getByTestId('trend-chart').and(d.page.locator('[data-drawn=true]')).waitFor();
    // Start after the data's first month: a rate is undefined (null) there, and core forecasts only gapless series.
    await d.page.getByPlaceholder('Start month').click();
    await d.page.getByPlaceholder('Start month').fill('2024-06');
    await d.page.keyboard.press('Enter');
    await d.page.getByPlaceholder('End month').fill('2025-12');
    await d.page.keyboard.press('Enter');
    await choose(d.page, 'Break down by', 'Region');
    const forecast = d.page.waitForResponse((r) => /\/metrics\/churn_rate\?.*by=region.*forecast=6/.test(r.url()));
    await choose(d.page, 'Forecast', 'Forecast: 6 periods');
    const rows = ((await (await forecast).json()) as { rows: { forecast?: string; segment: { region: string } }[] })
      .rows;
    // Every region gets its own forecast rows, which the chart draws as dashed lines in shaded bands.
    expect(new Set(rows.filter((r) => r.forecast).map((r) => r.segment.region)).size).toBeGreaterThan(1);
    await shoot(d.page, 'trends-forecast');
  });

  it('draws the cohort heatmap: cells cover the chart in many shades', async () => {
    await d.page.goto('/cohorts');
    const heatmap = d.page.getByTestId('cohort-heatmap');
    await heatmap.and(d.page.locator('[data-drawn=true]')).waitFor();
    // ECharts draws on stacked layers; read them all. The scale runs from near-white to dark blue, so cells are
    // pixels whose blue clearly exceeds their red: axis text (grey) and the background (white) are not.
    const cells = await heatmap.locator('canvas').evaluateAll((els) => {
      const shades = new Map<number, number>();
      let total = 0;
      for (const c of els as unknown as Canvas[]) {
        const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        total = Math.max(total, c.width * c.height);
        for (let i = 0; i < px.length; i += 4) {
          const [r = 0, g = 0, b = 0, a = 0] = [px[i], px[i + 1], px[i + 2], px[i + 3]];
          if (a === 0 || b - r < 30) continue;
          const shade = (r << 16) | (g << 8) | b;
          shades.set(shade, (shades.get(shade) ?? 0) + 1);
        }
      }
      const pixels = [...shades.values()].reduce((s, n) => s + n, 0);
      return { area: pixels / total, commonest: Math.max(...shades.values()) / pixels };
    });
    // Not blank: cells fill a good part of the canvas (the legend alone is a thin bar). Not one flat colour:
    // retention falls with age, so no single shade may fill half of the cells.
    expect(cells.area).toBeGreaterThan(0.1);
    expect(cells.commonest).toBeLessThan(0.5);
  });

  it('imports a CSV with Chinese headers through the wizard and counts its rows', async () => {
    await d.page.goto('/data');
    await d.page.locator('input[type=file]').setInputFiles(join(import.meta.dirname, 'fixtures', 'customers-zh.csv'));
    await d.page.getByRole('button', { name: 'Preview' }).click();
    const mapping = d.page.getByTestId('import-mapping');
    await mapping.waitFor();
    // The Chinese headers were mapped onto canonical fields without help: the editor's choices are prefilled.
    for (const [field, header] of [
      ['Customer ID', '客户编号'],
      ['Name', '客户名称'],
      ['Customer since', '注册日期'],
      ['Region', '地区'],
    ]) {
      await expect.poll(() => mapping.getByRole('row', { name: new RegExp(`^${field}.*${header}`) }).count()).toBe(1);
    }
    await shoot(d.page, 'import-preview');
    await d.page.getByTestId('import-start').click();
    await expect.poll(() => d.page.getByTestId('import-rows_loaded').textContent(), { timeout: 30_000 }).toBe('20');
    expect(await d.page.getByTestId('import-rows_read').textContent()).toBe('21');
    expect(await d.page.getByTestId('import-rows_rejected').textContent()).toBe('1');
    // The rejected row, with its line as Excel numbers it (header = 1), the column by its Chinese header and the value.
    await d.page
      .getByTestId('import-rejects')
      .getByRole('row', { name: /^22 注册日期 不是日期 Not a date/ })
      .waitFor();
    await shoot(d.page, 'import-result');
  });

  it('creates an API key in Settings, shows its secret once, and a script can use it', async () => {
    await d.page.goto('/settings');
    await d.page.getByRole('tab', { name: 'API keys' }).click();
    await d.page.getByPlaceholder('Name', { exact: true }).fill('nightly export');
    await d.page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await d.page.getByTestId('new-key').locator('code').textContent()) ?? '';
    await d.page.getByRole('row', { name: /nightly export/ }).waitFor();
    // A client without the browser's cookie: the key alone must be enough, and a wrong key must not.
    const status = (key: string) => fetch(`${d.url}/api/v1/status`, { headers: { authorization: `Bearer ${key}` } });
    expect((await status(secret)).status).toBe(200);
    expect((await status(`${secret}x`)).status).toBe(401);
  });

  it('saves the churn definition from Settings (admin)', async () => {
    await d.page.goto('/settings');
    const grace = d.page.getByLabel('Grace days after a subscription lapses');
    await grace.fill('7');
    await d.page.getByRole('button', { name: 'Save' }).click();
    await d.page.getByText('Saved').waitFor();
    const settings = (await (await d.page.request.get('/api/v1/settings')).json()) as { churn: { grace_days: number } };
    expect(settings.churn.grace_days).toBe(7);
  });

  // Every page of the registry in both languages, each settled and shot: minutes on a busy two-core machine.
  it('renders every page of the registry in en and zh-CN without a problem or a script error, and screenshots it', async () => {
    const res = await d.page.request.get('/api/v1/customers?page_size=1');
    const [first] = ((await res.json()) as { rows: { customer_id: string }[] }).rows;
    expect(first).toBeDefined();
    // A case to show on the case page: opened through the API as the signed-in admin (its CSRF token from /auth/me).
    const { csrf_token } = (await (await d.page.request.get('/api/v1/auth/me')).json()) as { csrf_token: string };
    const opened = await d.page.request.post('/api/v1/cases', {
      data: { customer_id: first?.customer_id, kind: 'complaint', subject: 'Asked to cancel' },
      headers: { 'x-csrf-token': csrf_token },
    });
    const { case_id } = (await opened.json()) as { case_id: string };
    // The demo's campaign, randomised with a planted effect, for the campaign's result page.
    const visits = pageVisits({ id: first?.customer_id ?? '', case_id, campaign_id: 'RET-01' });
    expect(Object.keys(pageExtras).filter((name) => !(name in routes))).toEqual([]); // no extras for a page gone
    expect(visits.length).toBeGreaterThanOrEqual(Object.keys(routes).length - 1); // the walk saw the registry
    for (const [lang, words, suffix] of [
      ['en', en, ''],
      ['zh-CN', zhCN, '-zh'],
    ] as const) {
      await d.page
        .getByTestId('language')
        .getByText(lang === 'en' ? 'English' : '中文')
        .click();
      for (const { name, path, chart, tab } of visits) {
        await d.page.goto(path);
        if (tab) await d.page.getByRole('tab', { name: words[tab] }).click();
        if (chart) await d.page.getByTestId(chart).locator('canvas').first().waitFor();
        await settle(d.page);
        expect(await d.page.getByTestId('problem').allTextContents(), `${name}${suffix}`).toEqual([]);
        await shoot(d.page, `${name}${suffix}`);
      }
    }
    await d.page.getByTestId('language').getByText('English').click();
    expect(d.errors).toEqual([]);
  }, 560_000); // ~27 pages × 2 languages, each settled and shot: minutes on a loaded 2-core machine
});
