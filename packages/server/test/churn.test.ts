/**
 * Churn prediction over real HTTP on a 2,000-customer demo workspace, each answer compared with the library's:
 * training and scoring as jobs, the model report, the at-risk list with its filters and languages, one
 * customer's risk and explanation, the alert inbox and the alert settings, and the refusals before a model
 * exists.
 */
import { createServer, type Server } from 'node:http';
import {
  api,
  atRisk,
  churnModelReport,
  customerScore,
  explainCustomer,
  latestRun,
  listAlerts,
  riskViewJson,
  signature,
} from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let analyst: Client;
let admin: Client;
beforeAll(async () => {
  s = await startServer({}, 2000);
  viewer = new Client(s.url, s.keys.viewer);
  analyst = new Client(s.url, s.keys.analyst);
  admin = new Client(s.url, s.keys.admin);
});
afterAll(() => s.close());

type Job = z.infer<typeof api.fitJobSchema>;
type AtRisk = z.infer<typeof api.atRiskResponse>;
type Risk = z.infer<typeof api.customerRiskResponse>;
type Settings = z.infer<typeof api.alertSettingsResponse>;

/** JSON as it travels: what the library returns, after a round trip. */
/** A library result as the API sends it: keys in snake_case, then through JSON. */
const wire = <T>(v: T): api.Wire<T> => JSON.parse(JSON.stringify(api.toWire(v)));

/** Start a training or scoring job and wait for it to end. */
async function job(path: string, body: Record<string, unknown>): Promise<Job> {
  const start = await analyst.call<Job>('POST', path, { json: body });
  expect(start.status, start.text).toBe(202);
  const poll = () => viewer.get<Job>(`/api/v1/models/jobs/${start.body.job_id}`).then((r) => r.body);
  await expect.poll(async () => (await poll()).state, { timeout: 60_000 }).toMatch(/done|failed/);
  return poll();
}

describe('before the first training', () => {
  it('has no report, no scores and nothing to explain; scoring fails its job with the problem', async () => {
    expectProblem(await viewer.get('/api/v1/churn/model'), 404, 'TEN_PREDICT_NO_MODEL');
    expectProblem(await viewer.get('/api/v1/churn/customers/C0000001'), 404, 'TEN_PREDICT_NO_MODEL');
    const empty = await viewer.get<AtRisk>('/api/v1/churn/at-risk');
    expect(empty.body).toEqual({ total: 0, page: 1, page_size: 50, run_id: null, as_of: null, rows: [] });
    expect(await job('/api/v1/churn/score', {})).toMatchObject({
      state: 'failed',
      error: { code: 'TEN_PREDICT_NO_MODEL', status: 404 },
    });
  });

  it('refuses a test-id file (a path on the server) and unknown options, naming each with its value', async () => {
    for (const [json, option, value] of [
      [{ testIds: '/etc/passwd' }, 'test_ids', '/etc/passwd'],
      [{ trees: 10 }, 'trees', '10'],
      [{ classifier: 'forest' }, 'classifier', 'forest'],
    ] as const) {
      const r = await analyst.call<{ fixes?: { option: string; value: string }[] }>('POST', '/api/v1/churn/train', {
        json,
      });
      expectProblem(r, 400, 'TEN_BAD_OPTION');
      expect(r.body.fixes).toEqual([expect.objectContaining({ option, value })]);
    }
  });
});

describe('training', () => {
  it('trains and backtests as a job and reports the stored runs against the baseline', async () => {
    const done = await job('/api/v1/churn/train', { horizon_days: 90, snapshots: 6 });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.run?.run_id).toBe((await latestRun(s.ws.db, 'churn'))?.runId);
    const r = await viewer.get<z.infer<typeof api.modelReportResponse>>('/api/v1/churn/model');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual(wire(await churnModelReport(s.ws)));
    expect(r.body.evaluations.map((e) => e.set)).toEqual(['backtest', 'validation']);
    for (const e of r.body.evaluations) {
      expect(e.baseline).not.toBeNull();
      // From the highest score down to the lowest, where every customer is flagged and every churner caught, at
      // enough thresholds for a smooth curve (not the ten bin edges of the reliability curve).
      expect(e.model.curve.at(-1)).toMatchObject({ share: 1, tpr: 1, fpr: 1, lift: 1 });
      expect(e.model.curve.length).toBeGreaterThanOrEqual(Math.min(100, e.model.rows / 2));
      const shares = e.model.curve.map((p) => p.share);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
    }
    expect(r.body.importance.reduce((a, i) => a + i.share, 0)).toBeCloseTo(1, 9);
  });
});

describe('scoring and the at-risk list', () => {
  let first: AtRisk;

  it('scores as a job, then lists the latest scoring as the library does, by expected loss, customers not worth retaining left out', async () => {
    const done = await job('/api/v1/churn/score', {});
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    first = (await viewer.get<AtRisk>('/api/v1/churn/at-risk?page_size=100')).body;
    expect(first).toEqual(wire(await atRisk(s.ws, { pageSize: 100 })));
    expect(first.rows.length).toBe(100);
    const losses = first.rows.map((r) => r.expected_loss ?? Number.NEGATIVE_INFINITY);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    expect(first.rows.every((r) => r.retain)).toBe(true);
    expect(first.rows[0]?.reasons.length).toBeGreaterThan(0);
    const all = (await viewer.get<AtRisk>('/api/v1/churn/at-risk?all=true&page_size=1')).body;
    expect(all.total).toBe((await atRisk(s.ws, { all: true, pageSize: 1 })).total);
    expect(all.total).toBeGreaterThanOrEqual(first.total);
  });

  it('filters by tier, segment and reason', async () => {
    const high = (await viewer.get<AtRisk>('/api/v1/churn/at-risk?tier=critical&tier=high&page_size=500')).body;
    // Each filter keeps some rows and drops others: `every` holds of an empty list, and of an ignored filter.
    expect(high.rows.length).toBeGreaterThan(0);
    expect(high.total).toBeLessThan(first.total);
    expect(high.rows.every((r) => r.tier === 'critical' || r.tier === 'high')).toBe(true);
    expect(high.total).toBe((await atRisk(s.ws, { tier: ['critical', 'high'] })).total);
    const north = await viewer.get<AtRisk>('/api/v1/churn/at-risk?filter=contract:month_to_month&page_size=500');
    expect(north.body.rows.length).toBeGreaterThan(0);
    expect(north.body.total).toBeLessThan(first.total);
    expect(north.body.total).toBe((await atRisk(s.ws, { filter: { contract: ['month_to_month'] } })).total);
    const feature = first.rows[0]!.reasons[0]!.feature;
    const because = (await viewer.get<AtRisk>(`/api/v1/churn/at-risk?reason=${feature}&page_size=500`)).body;
    expect(because.total).toBeGreaterThan(0);
    expect(because.rows.every((r) => r.reasons.some((x) => x.feature === feature))).toBe(true);
    expectProblem(await viewer.get('/api/v1/churn/at-risk?filter=shoe_size:9'), 400, 'TEN_METRIC_UNKNOWN_SEGMENT');
    expectProblem(await viewer.get('/api/v1/churn/at-risk?tier=extreme'), 400, 'TEN_BAD_OPTION');
  });

  it("gives reason codes in the request's language: ?lang, else Accept-Language", async () => {
    const id = first.rows[0]!.customer_id;
    const zh = await customerScore(s.ws, id, 'zh-CN');
    const byQuery = (await viewer.get<AtRisk>('/api/v1/churn/at-risk?page_size=1&lang=zh')).body.rows[0];
    expect(byQuery?.reasons).toEqual(zh?.reasons);
    const byHeader = await viewer.call<AtRisk>(
      'GET',
      '/api/v1/churn/at-risk?page_size=1',
      {},
      {
        headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      },
    );
    expect(byHeader.body.rows[0]?.reasons).toEqual(zh?.reasons);
    expect(zh?.reasons[0]?.text).not.toBe(first.rows[0]?.reasons[0]?.text);
  });

  it('words categorical values in Chinese (合同：按月, not 合同：month_to_month); values without words quoted', async () => {
    const rows = (await viewer.get<AtRisk>('/api/v1/churn/at-risk?all=true&page_size=500&lang=zh')).body.rows;
    const categorical = rows.flatMap((r) => r.reasons).filter((x) => typeof x.value === 'string');
    expect(categorical.length).toBeGreaterThan(0);
    expect(categorical.some((x) => x.text === '合同：按月')).toBe(true);
    for (const x of categorical)
      expect(!x.text.includes(String(x.value)) || x.text.includes(`“${x.value}”`), x.text).toBe(true);
  });

  it("explains one customer at the scoring's date: the stored probability, contributions that add up", async () => {
    const row = first.rows[0]!;
    const r = await viewer.get<Risk>(`/api/v1/churn/customers/${row.customer_id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.score).toEqual(row);
    const e = r.body.explanation;
    expect(e.as_of).toBe(row.as_of);
    expect(e.probability).toBeCloseTo(row.probability, 9);
    expect(e.tier).toBe(row.tier);
    expect(e.contributions.reduce((a, c) => a + c.contribution, e.expected_margin)).toBeCloseTo(e.margin, 9);
    expect(e.reasons.map((x) => x.feature)).toEqual(row.reasons.map((x) => x.feature));
    expectProblem(await viewer.get('/api/v1/churn/customers/NOBODY'), 404, 'TEN_PREDICT_UNKNOWN_CUSTOMER');
    // Once the server has built its served churn risks, a customer not opened before is answered from them.
    for (let i = 0; !(await s.app.tenure.customerViews()).risk; i++) {
      expect(i).toBeLessThan(600);
      await new Promise((go) => setTimeout(go, 100));
    }
    for (const other of first.rows.slice(1, 4)) {
      const served = await viewer.get<Risk>(`/api/v1/churn/customers/${other.customer_id}`);
      expect(served.body.score).toEqual(other);
      const x = served.body.explanation;
      expect(x.contributions.reduce((a, c) => a + c.contribution, x.expected_margin)).toBeCloseTo(x.margin, 9);
      expect(x.reasons.map((r) => r.feature)).toEqual(other.reasons.map((r) => r.feature));
      // Sent as prebuilt, in the request's language: the bytes the library computes for it.
      for (const lang of ['en', 'zh-CN'] as const) {
        const sent = await viewer.get(`/api/v1/churn/customers/${other.customer_id}?lang=${lang}`);
        const score = await customerScore(s.ws, other.customer_id, lang);
        const e = await explainCustomer(s.ws, other.customer_id, { asOf: score?.as_of });
        expect(sent.text).toBe(riskViewJson(score, e, lang));
      }
    }
  });
});

describe('alerts', () => {
  it('lists a page of the alerts scoring raised, with the total, as the library does, and acknowledges them', async () => {
    const inbox = await viewer.get<z.infer<typeof api.alertsResponse>>('/api/v1/alerts?page_size=500');
    expect(inbox.status, inbox.text).toBe(200);
    const lib = await listAlerts(s.ws, { pageSize: 500 });
    expect(inbox.body).toEqual(wire({ ...lib, rows: lib.rows.map((a) => ({ ...a, message: a.message.en })) }));
    expect(inbox.body.rows.length).toBeGreaterThan(0);
    expect(inbox.body.total).toBe(inbox.body.rows.length);
    const second = (await viewer.get<z.infer<typeof api.alertsResponse>>('/api/v1/alerts?page_size=1&page=2')).body;
    expect(second).toMatchObject({ total: inbox.body.total, page: 2, page_size: 1 });
    expect(second.rows.map((a) => a.alert_id)).toEqual([inbox.body.rows[1]!.alert_id]);
    const ids = inbox.body.rows.slice(0, 2).map((a) => a.alert_id);
    const ack = await analyst.call('POST', '/api/v1/alerts/acknowledge', { json: { ids } });
    expect(ack.body).toEqual({ acknowledged: 2 });
    const again = await analyst.call('POST', '/api/v1/alerts/acknowledge', { json: { ids } });
    expect(again.body).toEqual({ acknowledged: 0 });
    const open = (await viewer.get<z.infer<typeof api.alertsResponse>>('/api/v1/alerts?open=true&page_size=500')).body;
    expect(open.total).toBe(inbox.body.total - 2);
    expect(open.rows.some((a) => ids.includes(a.alert_id))).toBe(false);
  });

  it('filters by rule, severity and customer as the library does', async () => {
    const [a] = (await listAlerts(s.ws, { pageSize: 1 })).rows;
    for (const [query, filter] of [
      [`rule=${a!.rule}`, { rule: a!.rule }],
      [`severity=${a!.severity}`, { severity: a!.severity }],
      [`customer=${a!.customer_id}`, { customerId: a!.customer_id }],
    ] as const) {
      const r = (await viewer.get<z.infer<typeof api.alertsResponse>>(`/api/v1/alerts?page_size=500&${query}`)).body;
      const lib = await listAlerts(s.ws, { pageSize: 500, ...filter });
      expect(r.rows.map((x) => x.alert_id)).toEqual(lib.rows.map((x) => x.alert_id));
      expect(r.total).toBe(lib.total);
      expect(r.rows.length).toBeGreaterThan(0);
    }
    // A rule filter finds every alert naming the rule, first or not.
    const all = (await listAlerts(s.ws, { pageSize: 500 })).rows;
    const naming = all.filter((x) => x.rule === a!.rule || ((x.detail.rules as string[]) ?? []).includes(a!.rule));
    expect((await listAlerts(s.ws, { pageSize: 500, rule: a!.rule })).total).toBe(naming.length);
  });
});

describe('alert settings', () => {
  it('changes one rule and keeps the others; refuses tiers out of order and leaves the settings as they were', async () => {
    const before = (await admin.get<Settings>('/api/v1/alerts/settings')).body;
    const r = await admin.call<Settings>('PUT', '/api/v1/alerts/settings', { json: { alerts: { usage_drop: 0.4 } } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.alerts).toEqual({ ...before.alerts, usage_drop: 0.4 });
    expect(s.ws.config.prediction.alerts.usage_drop).toBe(0.4);
    const bad = await admin.call('PUT', '/api/v1/alerts/settings', { json: { tiers: { high: 0.9 } } });
    expectProblem(bad, 422, 'TEN_CONFIG_INVALID');
    expect((await admin.get<Settings>('/api/v1/alerts/settings')).body.tiers).toEqual(before.tiers);
  });
});

describe('webhooks', () => {
  const secret = 'a test webhook secret';
  const received: { body: string; signed: string; delivery: string }[] = [];
  let receiver: Server;
  beforeAll(async () => {
    process.env.TENURE_TEST_WEBHOOK_SECRET = secret;
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push({
          body,
          signed: String(req.headers['x-tenure-signature']),
          delivery: String(req.headers['x-tenure-delivery']),
        });
        res.end();
      });
    });
    await new Promise<void>((go) => receiver.listen(0, '127.0.0.1', go));
  });
  afterAll(() => {
    delete process.env.TENURE_TEST_WEBHOOK_SECRET;
    receiver.close();
  });

  it('sends the alerts of a scoring to the configured webhook, signed, once each', async () => {
    const port = (receiver.address() as { port: number }).port;
    const webhooks = [{ url: `http://127.0.0.1:${port}/tenure`, secret_env: 'TENURE_TEST_WEBHOOK_SECRET' }];
    expect((await admin.call('PUT', '/api/v1/alerts/settings', { json: { webhooks } })).status).toBe(200);
    // Acknowledged alerts let their rules speak again, so the next scoring raises alerts for those customers.
    const open = (await viewer.get<z.infer<typeof api.alertsResponse>>('/api/v1/alerts?open=true&page_size=500')).body;
    await analyst.call('POST', '/api/v1/alerts/acknowledge', { json: { ids: open.rows.map((a) => a.alert_id) } });
    const done = await job('/api/v1/churn/score', {});
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const raised = (await listAlerts(s.ws, { pageSize: 500 })).rows.filter((a) => a.run_id === done.run?.run_id);
    expect(raised.length).toBeGreaterThan(0);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(raised.length);
    for (const r of received) {
      const t = Number(/t=(\d+)/.exec(r.signed)?.[1]);
      expect(r.signed).toBe(signature(secret, t, r.body));
    }
    expect(new Set(received.map((r) => JSON.parse(r.body).alert_id))).toEqual(new Set(raised.map((a) => a.alert_id)));
    const inbox = (await viewer.get<z.infer<typeof api.alertsResponse>>('/api/v1/alerts?open=true&page_size=500')).body;
    // The scoring's alerts; the server's SLA checks raise theirs on their own clock (the demo has overdue cases).
    const scored = inbox.rows.filter((a) => a.run_id === done.run?.run_id);
    expect(scored.length).toBe(raised.length);
    for (const a of scored) expect(a.deliveries).toEqual({ delivered: 1, pending: 0, failed: 0 });
  });
});
