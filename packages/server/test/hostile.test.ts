/**
 * What hostile testing of the HTTP API found, kept fixed: settings writes that reset other settings, dimension
 * names that are members of Object.prototype, dates the calendar does not have, and a churn model explained
 * after the configured dimensions changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, callFrom, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
let admin: Client;
// A dashboard of one page, so / is served as a page.
const webDir = mkdtempSync(join(tmpdir(), 'tenure-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Tenure</title>');
beforeAll(async () => {
  s = await startServer({ webDir });
  viewer = new Client(s.url, s.keys.viewer);
  admin = new Client(s.url, s.keys.admin);
});
afterAll(async () => {
  await s.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** Send raw bytes (what fetch would refuse or normalise) and read the whole answer: status, headers, body. */
function raw(text: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const url = new URL(s.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
    });
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', body = ''] = got.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      done({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

describe('settings writes', () => {
  it('change only the keys they name, at any depth; every other key survives', async () => {
    const { version, ...original } = (await admin.get('/api/v1/settings')).body;
    expect(version).toBe(1);
    // Every key away from its default, so a reset to defaults shows.
    const custom = {
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      fiscal_year_start_month: 4,
      week_start: 'sunday',
      churn: {
        grace_days: 3,
        inactivity_days: 90,
        recognized_at: 'cancellation_request',
        count_same_period: true,
        retaliatory_window_days: 45,
      },
      gross_margin: 0.55,
      dimensions: ['region', 'channel'],
      prediction: {
        horizon_days: 60,
        tiers: { critical: 0.6, high: 0.4, medium: 0.2 },
        credit_risk_column: 'risky',
        alerts: {
          tier_rise: false,
          usage_drop: 0.3,
          complaint_past_sla: false,
          nps_detractor: 4,
          failed_payment: false,
        },
        webhooks: [{ url: 'https://hooks.example.com/x', secret_env: 'TENURE_WEBHOOK_SECRET' }],
      },
    };
    expect((await admin.call('PUT', '/api/v1/settings', { json: custom })).status).toBe(200);
    const before = (await admin.get<typeof custom>('/api/v1/settings')).body;
    expect(before).toMatchObject(custom);

    const empty = await admin.call('PUT', '/api/v1/settings', { json: {} });
    expect(empty.body).toEqual(before);
    const grace = await admin.call('PUT', '/api/v1/settings', { json: { churn: { grace_days: 7 } } });
    const expected = { ...before, churn: { ...before.churn, grace_days: 7 } };
    expect(grace.body).toEqual(expected);
    const tier = await admin.call('PUT', '/api/v1/settings', { json: { prediction: { tiers: { medium: 0.1 } } } });
    const deep = {
      ...expected,
      prediction: { ...before.prediction, tiers: { ...before.prediction.tiers, medium: 0.1 } },
    };
    expect(tier.body).toEqual(deep);
    // The file holds the same, and the alert settings route merges the same way.
    expect(JSON.parse(readFileSync(join(s.ws.dir, 'tenure.config.json'), 'utf8'))).toMatchObject(deep);
    const rule = await admin.call('PUT', '/api/v1/alerts/settings', { json: { alerts: { tier_rise: true } } });
    expect(rule.body).toEqual({ ...deep.prediction, alerts: { ...deep.prediction.alerts, tier_rise: true } });
    // A merged whole that breaks a rule is refused and changes nothing.
    expectProblem(
      await admin.call('PUT', '/api/v1/settings', { json: { prediction: { tiers: { medium: 0.9 } } } }),
      422,
      'TEN_CONFIG_INVALID',
    );
    expectProblem(
      await admin.call('PUT', '/api/v1/settings', { json: { churn: { colour: 1 } } }),
      400,
      'TEN_BAD_REQUEST',
    );
    expect((await admin.get('/api/v1/settings')).body).toMatchObject({ currency: 'CNY', gross_margin: 0.55 });

    expect((await admin.call('PUT', '/api/v1/settings', { json: original })).status).toBe(200);
  });
});

describe('dimension names that are members of Object.prototype', () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
  const routes = (name: string) => [
    `/api/v1/customers?filter=${name}:x`,
    `/api/v1/metrics/churn_rate?filter=${name}:x`,
    `/api/v1/metrics/churn_rate?by=${name}`,
    `/api/v1/churn/at-risk?filter=${name}:x`,
    `/api/v1/models/survival?filter=${name}:x`,
    `/api/v1/models/survival?by=${name}`,
    `/api/v1/models/validate?calibration_end=2024-06-30&filter=${name}:x`,
  ];
  it.each(names)('%s is refused as an unknown dimension on every route', async (name) => {
    for (const path of routes(name)) expectProblem(await viewer.get(path), 400, 'TEN_METRIC_UNKNOWN_SEGMENT');
  });
});

describe('dates the calendar does not have', () => {
  it.each([
    '/api/v1/models/survival?as_of=2024-02-30',
    '/api/v1/models/survival?as_of=2023-02-29',
    '/api/v1/models/validate?calibration_end=2024-02-30',
    '/api/v1/models/validate?calibration_end=2024-06-30&holdout_end=2024-13-01',
    '/api/v1/metrics/churn_rate?from=2024-02-30',
    '/api/v1/metrics/churn_rate?from=2024-01&to=2024-13',
    '/api/v1/overview?to=2024-00',
    '/api/v1/report?from=2024-13',
  ])('%s is a 400 naming the parameter', async (path) => {
    const r = await viewer.get<{ errors?: { path: string }[] }>(path);
    expectProblem(r, 400, 'TEN_BAD_OPTION');
    expect(r.body.errors?.[0]?.path).toMatch(/^querystring\./);
  });

  it('a leap day that exists is accepted', async () => {
    expect((await viewer.get('/api/v1/models/survival?as_of=2024-02-29')).status).toBe(200);
  });
});

describe('a churn model after the configured dimensions changed', () => {
  type Job = { state: string; error?: { code: string } };
  const job = async (path: string, json: unknown): Promise<Job> => {
    const start = await admin.call<{ job_id: string }>('POST', path, { json });
    const poll = () => admin.get<Job>(`/api/v1/models/jobs/${start.body.job_id}`).then((r) => r.body);
    await expect.poll(async () => (await poll()).state, { timeout: 120_000 }).toMatch(/done|failed/);
    return poll();
  };
  type Risk = { explanation: { contributions: { feature: string }[] } };

  it('explains and scores with the dimensions the model was trained on', { timeout: 300_000 }, async () => {
    const { dimensions } = (await admin.get<{ dimensions: string[] }>('/api/v1/settings')).body;
    expect(dimensions).toContain('product_line');
    expect(await job('/api/v1/churn/train', { horizon_days: 90, snapshots: 3, backtest: false })).toMatchObject({
      state: 'done',
    });
    expect(await job('/api/v1/churn/score', {})).toMatchObject({ state: 'done' });
    const id = (await viewer.get<{ rows: { customer_id: string }[] }>('/api/v1/churn/at-risk?page_size=1')).body.rows[0]
      ?.customer_id;
    const before = await viewer.get<Risk>(`/api/v1/churn/customers/${id}`);
    expect(before.status).toBe(200);

    // Fewer dimensions (the model needs product_line) and then a new one (the model does not know it).
    for (const next of [['region'], ['region', 'contract']]) {
      expect((await admin.call('PUT', '/api/v1/settings', { json: { dimensions: next } })).status).toBe(200);
      const after = await viewer.get<Risk>(`/api/v1/churn/customers/${id}`);
      expect(after.status, after.text).toBe(200);
      expect(after.body.explanation.contributions.map((c) => c.feature).sort()).toEqual(
        before.body.explanation.contributions.map((c) => c.feature).sort(),
      );
      expect(await job('/api/v1/churn/score', {})).toMatchObject({ state: 'done' });
    }
    expect((await admin.call('PUT', '/api/v1/settings', { json: { dimensions } })).status).toBe(200);
  });
});

describe('security headers and refusals before a route', () => {
  const expectSecure = (h: (name: string) => string | null | undefined) => {
    expect(h('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(h('content-security-policy')).toContain("script-src 'self'");
    expect(h('x-content-type-options')).toBe('nosniff');
    expect(h('x-frame-options')).toBe('DENY');
    expect(h('referrer-policy')).toBe('no-referrer');
  };

  it.each(['/', '/customers/C1', '/api/docs', '/api/openapi.json', '/api/health', '/api/v1/status', '/api/v1/nope'])(
    '%s carries them',
    async (path) => {
      const r = await viewer.get(path);
      expect(r.status).toBeLessThan(500);
      expectSecure((n) => r.headers.get(n));
    },
  );

  it('headers too large: 431 problem+json', async () => {
    const r = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expect(r.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(r.body)).toMatchObject({ status: 431, code: 'TEN_HEADERS_TOO_LARGE' });
    expectSecure((n) => r.headers[n]);
  });

  it('a request that is not HTTP, and a URL that does not decode: 400 problem+json', async () => {
    const garbage = await raw('GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(garbage.body)).toMatchObject({ code: 'TEN_BAD_REQUEST' });
    for (const path of ['/api/v1/customers/%E0%A4%A', '/api/v1/customers/%', '/%c0']) {
      const r = await viewer.get(path);
      expectProblem(r, 400, 'TEN_BAD_REQUEST');
      expectSecure((n) => r.headers.get(n));
    }
  });

  it('POST /events/<unknown entity> is a 404 with a code, with or without rows', async () => {
    const analyst = new Client(s.url, s.keys.analyst);
    for (const rows of [[], [{ a: 1 }]])
      expectProblem(
        await analyst.call('POST', '/api/v1/events/nope', { json: { rows } }),
        404,
        'TEN_EVENT_ENTITY_UNKNOWN',
      );
    expectProblem(
      await analyst.call('POST', '/api/v1/events/constructor', { json: { rows: [] } }),
      404,
      'TEN_EVENT_ENTITY_UNKNOWN',
    );
    expect((await analyst.call('POST', '/api/v1/events/orders', { json: { rows: [] } })).status).toBe(200);
  });
});

describe('internal errors', () => {
  it('are logged with their request id and cause on stderr and in tenure.server.log, without credentials', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    // A table the route reads is gone: the failure is real, and no input of the client's explains it.
    await s.ws.db.run(sql`ALTER TABLE model_runs RENAME TO model_runs_away`);
    try {
      const r = await viewer.get<{ request_id: string; detail: string }>('/api/v1/churn/model');
      expectProblem(r, 500, 'TEN_INTERNAL');
      const id = r.body.request_id;
      expect(r.body.detail).toContain(id);
      const logged = written.join('');
      expect(logged).toContain(`request ${id} GET /api/v1/churn/model failed`);
      expect(logged).toMatch(/model_runs/);
      expect(logged).not.toContain(s.keys.viewer);
      expect(readFileSync(join(s.ws.dir, 'tenure.server.log'), 'utf8')).toContain(`request ${id} GET`);
    } finally {
      spy.mockRestore();
      await s.ws.db.run(sql`ALTER TABLE model_runs_away RENAME TO model_runs`);
    }
  });
});

describe('requests without credentials', () => {
  const auditRows = async () => (await admin.get<{ total: number }>('/api/v1/audit?page_size=1')).body.total;

  it('write no audit rows and are rate-limited per address; signed-in callers from that address are not', async () => {
    const before = await auditRows();
    const json = { username: 'intruder', password: 'a long test passphrase', role: 'admin' };
    const started = Date.now();
    const flood = await Promise.all(
      Array.from({ length: 300 }, () => callFrom('127.0.0.5', s.url, 'POST', '/api/v1/users', { json })),
    );
    const seconds = (Date.now() - started) / 1000;
    const codes = flood.map((r) => r.body.code);
    // The default limit: a burst of 120, then 10 a second.
    expect(codes.filter((c) => c === 'TEN_UNAUTHENTICATED').length).toBeLessThanOrEqual(120 + 10 * seconds + 1);
    expect(codes.filter((c) => c === 'TEN_TOO_MANY_REQUESTS').length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'TEN_UNAUTHENTICATED' || c === 'TEN_TOO_MANY_REQUESTS')).toBe(true);
    const limited = flood.find((r) => r.status === 429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // Made-up keys count as no credentials, and cost no lookup once the address is out. A burst of them, because
    // the bucket refills a token every 100 ms and a loaded machine may take that long between two requests.
    const fakes = await Promise.all(
      Array.from({ length: 50 }, () =>
        callFrom('127.0.0.5', s.url, 'GET', '/api/v1/status', { headers: { authorization: 'Bearer x' } }),
      ),
    );
    const fakeCodes = fakes.map((r) => r.body.code);
    expect(fakeCodes).toContain('TEN_TOO_MANY_REQUESTS');
    expect(fakeCodes.every((c) => c === 'TEN_UNAUTHENTICATED' || c === 'TEN_TOO_MANY_REQUESTS')).toBe(true);
    // A valid key from the same address, and anyone from another address, go on as before.
    const auth = { authorization: `Bearer ${s.keys.viewer}` };
    expect((await callFrom('127.0.0.5', s.url, 'GET', '/api/v1/status', { headers: auth })).status).toBe(200);
    // An open route (health) with that key, now known, is not counted either.
    expect((await callFrom('127.0.0.5', s.url, 'GET', '/api/health', { headers: auth })).status).toBe(200);
    // Nor a monitor polling health with its key past the burst, when the key is not in memory to begin with.
    s.app.tenure.forgetCredentials();
    const polls = [];
    for (let i = 0; i < 150; i++)
      polls.push((await callFrom('127.0.0.7', s.url, 'GET', '/api/health', { headers: auth })).status);
    expect(polls.every((status) => status === 200)).toBe(true);
    expect((await callFrom('127.0.0.6', s.url, 'POST', '/api/v1/users', { json })).body.code).toBe(
      'TEN_UNAUTHENTICATED',
    );
    expect(await auditRows()).toBe(before);
    // A refused write by a known actor is still written.
    expectProblem(await viewer.call('POST', '/api/v1/users', { json }), 403, 'TEN_FORBIDDEN');
    expect(await auditRows()).toBe(before + 1);
  });
});
