/**
 * The read API over real HTTP: validation errors as problems, metrics and the dashboard views (checked
 * against the library), the report formats, settings, and the cache dropping views after a write.
 */
import { computeMetrics } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asClientError } from '../src/plugins/problems.ts';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let admin: Client;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
  admin = new Client(s.url, s.keys.admin);
});
afterAll(() => s.close());

type Problem = { errors?: { path: string; message: string }[]; hint: string };
type Kpi = {
  metric: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  series: { period_start: string; value: number | null }[];
};

describe('validation', () => {
  it('lists every invalid query parameter with its path', async () => {
    const r = await viewer.get<Problem>('/api/v1/customers?page_size=0&status=gone');
    expectProblem(r, 400, 'TEN_BAD_OPTION');
    expect(r.body.errors?.map((e) => e.path).sort()).toEqual(['querystring.page_size', 'querystring.status']);
  });

  it('refuses bad bodies, malformed JSON and unsupported content types', async () => {
    const bad = await admin.call<Problem>('POST', '/api/v1/users', { json: { username: 'x', role: 'root' } });
    expectProblem(bad, 400, 'TEN_BAD_REQUEST');
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(['body.password', 'body.role']);
    expectProblem(await admin.call('POST', '/api/v1/users', { raw: '{"username":' }), 400, 'TEN_BAD_REQUEST');
    expectProblem(
      await admin.call('PUT', '/api/v1/settings', { raw: 'a=1', type: 'text/csv' }),
      415,
      'TEN_UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('an unknown metric is a 404 with a suggestion; an unknown dimension a 400', async () => {
    const r = await viewer.get<Problem>('/api/v1/metrics/churn_rat');
    expectProblem(r, 404, 'TEN_METRIC_UNKNOWN');
    expect(r.body.hint).toContain('churn_rate');
    expectProblem(await viewer.get('/api/v1/metrics/churn_rate?by=shoe_size'), 400, 'TEN_METRIC_UNKNOWN_SEGMENT');
    expectProblem(await viewer.get('/api/v1/metrics/churn_rate?from=2025-13'), 400, 'TEN_BAD_OPTION');
  });

  it('problems speak the request’s language and name what the reader can use: page controls or request fields', async () => {
    const cjk = /[\u4e00-\u9fff]/;
    const forApi = await viewer.get<Problem & { detail: string }>('/api/v1/metrics/churn_rat');
    expect(forApi.body.hint).toContain('/api/v1/metrics');
    expect(cjk.test(forApi.body.detail)).toBe(false);
    const web = { 'x-tenure-client': 'web', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
    const forPage = await viewer.call<Problem & { detail: string }>(
      'GET',
      '/api/v1/metrics/churn_rat',
      {},
      { headers: web },
    );
    expectProblem(forPage, 404, 'TEN_METRIC_UNKNOWN');
    expect(forPage.headers.get('content-language')).toBe('zh-CN');
    expect(cjk.test(forPage.body.detail) && cjk.test(forPage.body.hint)).toBe(true);
    expect(forPage.body.hint).toContain('churn_rate');
    expect(forPage.body.hint).not.toMatch(/\/api\/|--[a-z]/);
    // ?lang= wins over Accept-Language, on any route, including refusals before the handler.
    const asked = await viewer.call<Problem>(
      'GET',
      '/api/v1/customers?page_size=0&lang=zh',
      {},
      { headers: { 'accept-language': 'en' } },
    );
    expectProblem(asked, 400, 'TEN_BAD_OPTION');
    expect(cjk.test(asked.body.hint)).toBe(true);
  });

  it('unknown API paths are 404 problems; unexpected failures never show their text', async () => {
    expectProblem(await viewer.get('/api/v1/nothing-here'), 404, 'TEN_NOT_FOUND');
    const req = { server: { tenure: { errors: { write: () => undefined } } }, id: 'req-test' } as never;
    const leaked = asClientError(new Error('Binder Error: SELECT secret FROM users'), req);
    expect(leaked.code).toBe('TEN_INTERNAL');
    expect(leaked.message).not.toContain('SELECT');
    expect(leaked.message).toContain('req-test');
  });
});

describe('metrics and views', () => {
  it('a metric by segment with a forecast matches the library', async () => {
    const r = await viewer.get<{
      rows: { segment: Record<string, string>; value: number | null; forecast?: string }[];
    }>('/api/v1/metrics/churn_rate?from=2025-01&to=2025-06&by=region&forecast=2');
    expect(r.status).toBe(200);
    const lib = await computeMetrics(s.ws.db, s.ws.config, ['churn_rate'], {
      from: '2025-01',
      to: '2025-06',
      by: ['region'],
    });
    const observed = r.body.rows.filter((x) => !x.forecast);
    expect(observed.map((x) => x.value)).toEqual(lib.map((x) => x.value));
    expect(r.body.rows.length).toBeGreaterThan(observed.length);
  });

  it('the overview has the nine KPI cards; the churn card is the metric of the last complete month', async () => {
    const r = await viewer.get<{ from: string; to: string; kpis: Kpi[] }>('/api/v1/overview?periods=6');
    expect(r.body.kpis.map((k) => k.metric)).toEqual([
      'churn_rate',
      'retention_rate',
      'retention_rate_end_minus_new',
      'nrr',
      'grr',
      'active_customers',
      'mrr',
      'nps',
      'csat',
    ]);
    const churn = r.body.kpis[0] as Kpi;
    expect(churn.series).toHaveLength(6);
    expect(r.body.to).toBe('2025-12-01');
    const [prev, last] = await computeMetrics(s.ws.db, s.ws.config, ['churn_rate'], { from: '2025-11', to: '2025-12' });
    expect([churn.previous, churn.value, churn.change]).toEqual([prev?.value, last?.value, last?.change]);
  });

  it('cohorts: shares of each cohort by age, in both modes', async () => {
    for (const mode of ['customers', 'revenue']) {
      const r = await viewer.get<{
        mode: string;
        cohorts: { size: number; cells: { age: number; value: number | null; count: number }[] }[];
      }>(`/api/v1/cohorts?mode=${mode}&from=2025-01&to=2025-06`);
      expect(r.body.mode).toBe(mode);
      expect(r.body.cohorts).toHaveLength(6);
      for (const c of r.body.cohorts) {
        expect(c.cells.map((x) => x.age)).toEqual(c.cells.map((_, i) => i));
        expect(c.cells[0]?.value).toBe(1);
        for (const cell of c.cells) expect(cell.count).toBeLessThanOrEqual(c.size);
      }
    }
  });

  it('cohorts of first orders: order revenue kept, capped at most the uncapped and at most 1', async () => {
    type Body = { mode: string; cohorts: { cohort: string; size: number; cells: { value: number | null }[] }[] };
    const q = 'from=2025-01&to=2025-06';
    const plain = (await viewer.get<Body>(`/api/v1/cohorts?mode=order_revenue&${q}`)).body;
    const capped = (await viewer.get<Body>(`/api/v1/cohorts?mode=order_revenue_capped&${q}`)).body;
    expect([plain.mode, capped.mode]).toEqual(['order_revenue', 'order_revenue_capped']);
    expect(plain.cohorts.length).toBeGreaterThan(0);
    const rows = await computeMetrics(s.ws.db, s.ws.config, ['order_revenue_retention'], {
      period: 'month',
      from: '2025-01',
      to: '2025-06',
    });
    for (const [i, c] of plain.cohorts.entries()) {
      expect(c.cells[0]?.value).toBe(1);
      const mine = rows.filter((r) => r.segment.cohort === c.cohort);
      expect(c.cells.map((x) => x.value)).toEqual(mine.map((r) => r.value));
      expect(c.size).toBe(mine[0]?.denominator);
      for (const [a, cell] of (capped.cohorts[i]?.cells ?? []).entries()) {
        expect(cell.value ?? 0).toBeLessThanOrEqual(Math.min(1, c.cells[a]?.value ?? 0) + 1e-12);
      }
    }
    // Some customers spend more than in their first month: capping them lowers some cell.
    const lowered = plain.cohorts.some((c, i) =>
      c.cells.some((x, a) => (x.value ?? 0) > (capped.cohorts[i]?.cells[a]?.value ?? 0) + 1e-9),
    );
    expect(lowered).toBe(true);
  });

  it('churn reasons: the Pareto ends at 1 and the taxonomy counts the same events', async () => {
    const r = await viewer.get<{
      reasons: { count: number; share: number; cumulative_share: number }[];
      taxonomy: { count: number; children?: { count: number }[] }[];
    }>('/api/v1/churn-reasons?from=2025-01&to=2025-12');
    const total = r.body.reasons.reduce((t, x) => t + x.count, 0);
    expect(total).toBeGreaterThan(0);
    expect(r.body.reasons.at(-1)?.cumulative_share).toBeCloseTo(1, 12);
    expect(r.body.taxonomy.reduce((t, k) => t + k.count, 0)).toBe(total);
    for (const k of r.body.taxonomy) expect(k.children?.reduce((t, c) => t + c.count, 0)).toBe(k.count);
  });

  it('the report comes as JSON, HTML and Markdown, in English and Chinese', async () => {
    const json = await viewer.get<{ sections: unknown[] }>('/api/v1/report');
    expect(json.body.sections.length).toBeGreaterThan(3);
    const html = await viewer.get('/api/v1/report?format=html&lang=zh');
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('流失');
    const md = await viewer.get('/api/v1/report?format=md');
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.text.startsWith('# ')).toBe(true);
  });

  it('quality, benchmarks, status and the metric list answer', async () => {
    const q = await viewer.get<{ overall: number; data_end: string; entities: unknown[] }>('/api/v1/quality');
    expect(q.body.overall).toBeGreaterThan(0);
    // One rule: the report's data-quality scorecard shows the figure the quality page does, and a demo just
    // built is fresh (its data end in 2025, whatever today is).
    type Scorecard = { id: string; rows: { entity: string; score: number | null }[] };
    const report = await viewer.get<{ sections: Scorecard[] }>('/api/v1/report');
    const card = report.body.sections.find((x) => x.id === 'quality')!;
    expect(card.rows.find((r) => r.entity === 'overall')?.score).toBeCloseTo(q.body.overall, 8);
    expect(q.body.data_end.slice(0, 4)).toBe('2025');
    const entities = q.body.entities as { entity: string; freshness: { status: string | null } }[];
    expect(entities.find((e) => e.entity === 'subscriptions')?.freshness.status).toBe('fresh');
    expect((await viewer.get<{ rows: unknown[] }>('/api/v1/benchmarks')).body.rows.length).toBeGreaterThan(0);
    const st = await viewer.get<{ dimensions: string[]; last_complete_month: string }>('/api/v1/status');
    expect(st.body).toMatchObject({
      last_complete_month: '2025-12',
      dimensions: expect.arrayContaining(['region', 'contract']),
    });
    const list = await viewer.get<{ metrics: { id: string; title: { 'zh-CN': string } }[] }>('/api/v1/metrics');
    expect(list.body.metrics.find((m) => m.id === 'churn_rate')?.title['zh-CN']).toBe('流失率');
  });
});

describe('settings and cached views', () => {
  it('an admin changes part of the config; the file and later views follow', async () => {
    const before = await viewer.get<{ kpis: Kpi[] }>('/api/v1/overview');
    const r = await admin.call<{ churn: { grace_days: number; inactivity_days: number } }>('PUT', '/api/v1/settings', {
      json: { churn: { grace_days: 30 } },
    });
    expect(r.status).toBe(200);
    expect(r.body.churn).toMatchObject({ grace_days: 30, inactivity_days: 180 });
    expect(s.ws.config.churn.grace_days).toBe(30);
    const after = await viewer.get<{ kpis: Kpi[] }>('/api/v1/overview');
    // A 30-day grace period delays churn, so the churn series changes: the cached overview was dropped.
    expect(after.body.kpis[0]?.series).not.toEqual(before.body.kpis[0]?.series);
    expectProblem(await admin.call('PUT', '/api/v1/settings', { json: { gross_margin: 3 } }), 400, 'TEN_BAD_REQUEST');
    expectProblem(await admin.call('PUT', '/api/v1/settings', { json: { colour: 'red' } }), 400, 'TEN_BAD_REQUEST');
  });

  it('webhook URLs (they carry tokens) are whole for admins and cut to their origin for everyone else', async () => {
    const hook = { url: 'https://hooks.example.com/T0KEN/abc?sig=1', secret_env: 'TENURE_WEBHOOK_SECRET' };
    const put = await admin.call('PUT', '/api/v1/settings', { json: { prediction: { webhooks: [hook] } } });
    expect(put.status).toBe(200);
    type Hooks = { prediction: { webhooks: { url: string }[] } };
    expect((await admin.get<Hooks>('/api/v1/settings')).body.prediction.webhooks[0]?.url).toBe(hook.url);
    expect((await viewer.get<Hooks>('/api/v1/settings')).body.prediction.webhooks[0]?.url).toBe(
      'https://hooks.example.com/…',
    );
    await admin.call('PUT', '/api/v1/settings', { json: { prediction: { webhooks: [] } } });
  });
});
