/**
 * Customer search and the customer-360 view over real HTTP, checked against the demo workspace's tables.
 */
import { type api, customerProfit, customerStoresCurrent, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
let viewer: Client;
beforeAll(async () => {
  s = await startServer();
  viewer = new Client(s.url, s.keys.viewer);
});
afterAll(() => s.close());

type Row = { customer_id: string; name: string | null; status: string; mrr: number | null; region: string | null };
type Page = { total: number; page: number; page_size: number; rows: Row[] };
const count = async (where: ReturnType<typeof sql>) =>
  (await s.ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM customers WHERE ${where}`))[0]?.n ?? 0;

describe('customer search', () => {
  it('finds ids and names containing the text, case-insensitive, one page at a time', async () => {
    const r = await viewer.get<Page>('/api/v1/customers?q=customer%2012&page_size=5');
    expect(r.body.total).toBe(await count(sql`name ILIKE '%customer 12%'`));
    expect(r.body.rows).toHaveLength(5);
    for (const row of r.body.rows) expect(row.name?.toLowerCase()).toContain('customer 12');
    const second = await viewer.get<Page>('/api/v1/customers?q=customer%2012&page_size=5&page=2');
    expect(second.body.rows.map((x) => x.customer_id)).not.toContain(r.body.rows[0]?.customer_id);
    // LIKE wildcards in the text are literal: no customer id contains a percent sign.
    expect((await viewer.get<Page>('/api/v1/customers?q=%25')).body.total).toBe(0);
  });

  it('filters by declared dimensions and by status; active, churned and unknown add up to all', async () => {
    const east = await viewer.get<Page>('/api/v1/customers?filter=region:east&filter=region:west&page_size=500');
    expect(east.body.total).toBe(await count(sql`region IN ('east', 'west')`));
    expect(new Set(east.body.rows.map((x) => x.region))).toEqual(new Set(['east', 'west']));
    const all = (await viewer.get<Page>('/api/v1/customers')).body.total;
    const active = await viewer.get<Page>('/api/v1/customers?status=active&page_size=500');
    const churned = (await viewer.get<Page>('/api/v1/customers?status=churned')).body.total;
    const unknown = (await viewer.get<Page>('/api/v1/customers?status=unknown')).body.total;
    expect(active.body.total + churned + unknown).toBe(all);
    expect(active.body.total).toBeGreaterThan(0);
    expect(active.body.rows.every((x) => x.status === 'active')).toBe(true);
    // Every active customer of a subscription business pays now.
    expect(active.body.rows.every((x) => (x.mrr ?? 0) > 0)).toBe(true);
    expectProblem(await viewer.get('/api/v1/customers?filter=shoe_size:42'), 400, 'TEN_METRIC_UNKNOWN_SEGMENT');
    expectProblem(await viewer.get('/api/v1/customers?filter=region'), 400, 'TEN_BAD_OPTION');
  });
});

describe("a customer's profit contribution", () => {
  it('answers the months of the per-customer profit relation, as core computes them', async () => {
    const id = (await s.ws.db.all<{ id: string }>(sql`SELECT min(customer_id) AS id FROM customers`))[0]?.id as string;
    const r = await viewer.get<api.CustomerProfit>(`/api/v1/customers/${id}/profit?months=6`);
    expect(r.status).toBe(200);
    expect(r.body.months).toHaveLength(6);
    expect(r.body).toEqual(await customerProfit(s.ws, id, { months: 6 }));
    expect(r.body.total.subscription_revenue + r.body.total.order_revenue).toBeGreaterThan(0);
    expectProblem(await viewer.get('/api/v1/customers/nobody/profit'), 404, 'TEN_CUSTOMER_NOT_FOUND');
    expectProblem(await viewer.get(`/api/v1/customers/${id}/profit?months=0`), 400, 'TEN_BAD_OPTION');
  });
});

describe('customer list after writes', () => {
  it('follows new customers, new subscriptions and changed ones (the directory is rebuilt when data changes)', async () => {
    const analyst = new Client(s.url, s.keys.analyst);
    const find = async () => (await viewer.get<Page>('/api/v1/customers?q=Zhang%20Wei%20Trading')).body.rows[0];
    const send = (entity: string, rows: Record<string, unknown>[]) =>
      analyst.call('POST', `/api/v1/events/${entity}`, { json: { rows } });
    // The server has built its per-customer stores: every write below makes them stale until rebuilt, and the
    // 360 must show the write at once all the same.
    for (let i = 0; !(await customerStoresCurrent(s.ws)); i++) {
      expect(i).toBeLessThan(300);
      await new Promise((go) => setTimeout(go, 100));
    }
    expect(await find()).toBeUndefined();
    await send('customers', [{ customer_id: 'ZW-1', name: 'Zhang Wei Trading', created_at: '2025-01-05' }]);
    // Imported without subscriptions or orders: nothing says whether they are active, so not "churned".
    expect(await find()).toMatchObject({ customer_id: 'ZW-1', status: 'unknown', mrr: null });
    const alone = await viewer.get<{ customer: Row; series: { mrr: unknown[] } }>('/api/v1/customers/ZW-1');
    expect(alone.body.customer.status).toBe('unknown');
    expect(alone.body.series.mrr).toEqual([]);
    const sub = { subscription_id: 'ZW-S1', customer_id: 'ZW-1', plan: 'pro', started_at: '2025-01-05', mrr: 99 };
    await send('subscriptions', [sub]);
    expect(await find()).toMatchObject({ status: 'active', mrr: 99 });
    const now = await viewer.get<{ customer: Row; timeline: { action: string }[] }>('/api/v1/customers/ZW-1');
    expect(now.body.customer).toMatchObject({ status: 'active', mrr: 99 });
    expect(now.body.timeline.map((e) => e.action)).toEqual(['subscription_started']);
    // Same row count, a changed row: the subscription ended.
    await send('subscriptions', [{ ...sub, ended_at: '2025-03-05' }]);
    expect(await find()).toMatchObject({ status: 'churned', mrr: null });
  });
});

describe('customer 360', () => {
  it("shows a churned customer's record, attributes and timeline, newest first", async () => {
    const [c] = await s.ws.db.all<{ id: string }>(
      sql`SELECT customer_id AS id FROM churn_events ORDER BY churned_at LIMIT 1`,
    );
    const r = await viewer.get<{
      customer: Row;
      attributes: Record<string, unknown>;
      attribute_headers: Record<string, string>;
      timeline: { at: string; kind: string; action: string; subject: string | null; amount: number | null }[];
      series: { mrr: { month: string; mrr: number }[]; usage: { month: string; kind: string; quantity: number }[] };
    }>(`/api/v1/customers/${c?.id}`);
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({ customer_id: c?.id, status: 'churned' });
    expect(Object.keys(r.body.attributes)).toContain('contract');
    // Attributes carry the header they were imported under, for the page to label them by.
    expect(r.body.attribute_headers).toMatchObject({ contract: expect.any(String) });
    const kinds = new Set(r.body.timeline.map((e) => e.kind));
    for (const k of ['subscription', 'churn_event']) expect(kinds).toContain(k);
    const times = r.body.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const [subs] = await s.ws.db.all<{ n: number }>(
      sql`SELECT count(*) + count(ended_at) AS n FROM subscriptions WHERE customer_id = ${c?.id ?? ''}`,
    );
    expect(r.body.timeline.filter((e) => e.kind === 'subscription')).toHaveLength(subs?.n ?? -1);
    // Each subscription's end is an event of its own, with its plan and MRR as data (the page words it).
    const [ended] = await s.ws.db.all<{ plan: string; mrr: number }>(
      sql`SELECT plan, CAST(mrr AS DOUBLE) AS mrr FROM subscriptions WHERE customer_id = ${c?.id ?? ''} AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1`,
    );
    expect(r.body.timeline.find((e) => e.action === 'subscription_ended')).toMatchObject({
      subject: ended?.plan,
      amount: ended?.mrr,
    });
    // MRR by month up to now: paid while subscribed, nothing after the churn.
    expect(r.body.series.mrr.length).toBeGreaterThan(1);
    expect(r.body.series.mrr.some((m) => m.mrr > 0)).toBe(true);
    expect(r.body.series.mrr.at(-1)?.mrr).toBe(0);
    const [usage] = await s.ws.db.all<{ n: number }>(
      sql`SELECT CAST(coalesce(sum(coalesce(quantity, 1)), 0) AS DOUBLE) AS n FROM activity WHERE customer_id = ${c?.id ?? ''}`,
    );
    expect(r.body.series.usage.reduce((sum, u) => sum + u.quantity, 0)).toBeCloseTo(usage?.n ?? -1, 6);
    const limited = await viewer.get<{ timeline: unknown[] }>(`/api/v1/customers/${c?.id}?limit=2`);
    expect(limited.body.timeline).toHaveLength(2);
  });

  it('answers any customer from the served 360s once built, exactly as it computes them', async () => {
    for (let i = 0; !(await s.app.tenure.customerViews()).served; i++) {
      expect(i).toBeLessThan(600);
      await new Promise((go) => setTimeout(go, 100));
    }
    const ids = await s.ws.db.all<{ id: string }>(sql`SELECT customer_id AS id FROM customers USING SAMPLE 10 ROWS`);
    for (const { id } of ids) {
      const served = await viewer.get<{ timeline: unknown[] }>(`/api/v1/customers/${encodeURIComponent(id)}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(/^application\/json/);
      expect(served.body.timeline.length).toBeLessThan(500);
      // A length other than the served one is computed: the same view, as the timelines are shorter than both.
      const computed = await viewer.get(`/api/v1/customers/${encodeURIComponent(id)}?limit=4999`);
      expect(served.body).toEqual(computed.body);
    }
    expectProblem(await viewer.get('/api/v1/customers/NOPE-2'), 404, 'TEN_CUSTOMER_NOT_FOUND');
  });

  it('an unknown customer is a 404 problem', async () => {
    expectProblem(await viewer.get('/api/v1/customers/NOPE-1'), 404, 'TEN_CUSTOMER_NOT_FOUND');
  });
});
