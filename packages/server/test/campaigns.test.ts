/**
 * The campaign routes over real HTTP: an analyst designs and launches, a viewer reads, measures, exports and asks
 * the power and the CRM ROI; bad designs are refused by code with nothing written; the demo's campaign measures.
 */
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Campaign = { id: string; status: string; treatment: number; control: number } & Record<string, unknown>;
type Measurement = { interim: boolean; days_remaining: number; arms: { members: number }[] } & Record<string, unknown>;

let s: TestServer;
let analyst: Client;
let viewer: Client;
let region: string;
beforeAll(async () => {
  s = await startServer();
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
  const [r] = await s.ws.db.all<{ region: string }>(
    sql`SELECT region FROM customers WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC LIMIT 1`,
  );
  region = r?.region as string;
});
afterAll(() => s.close());

const design = (over: Record<string, unknown> = {}) => ({
  id: 'CALL-01',
  name: 'Call the region',
  target: { kind: 'filter', filter: [`region=${region}`] },
  holdout_share: 0.5,
  cost_per_contact: 5,
  ...over,
});
const members = async () =>
  (await s.ws.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM campaign_members`))[0]?.n;

describe('campaign routes', () => {
  it('an analyst designs and launches, a viewer measures and exports; nothing is redrawn', async () => {
    const before = await members();
    expectProblem(await viewer.call('POST', '/api/v1/campaigns', { json: design() }), 403, 'TEN_FORBIDDEN');
    const made = await analyst.call<{ campaign: Campaign; strata: unknown[] }>('POST', '/api/v1/campaigns', {
      json: design(),
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body.campaign).toMatchObject({ id: 'CALL-01', status: 'draft' });
    const { treatment, control } = made.body.campaign;
    expect(Math.abs(treatment - control)).toBeLessThanOrEqual(made.body.strata.length);
    expect(await members()).toBe((before ?? 0) + treatment + control);
    expectProblem(await analyst.call('POST', '/api/v1/campaigns', { json: design() }), 409, 'TEN_CAMPAIGN_EXISTS');
    expectProblem(await viewer.get('/api/v1/campaigns/CALL-01/measure'), 409, 'TEN_CAMPAIGN_NOT_LAUNCHED');
    const launched = await analyst.call<Campaign>('POST', '/api/v1/campaigns/CALL-01/launch');
    expect(launched.body.status).toBe('launched');
    expectProblem(await analyst.call('POST', '/api/v1/campaigns/CALL-01/launch'), 409, 'TEN_CAMPAIGN_STATUS');
    const m = await viewer.get<Measurement>('/api/v1/campaigns/CALL-01/measure');
    expect(m.status, m.text).toBe(200);
    expect(m.body).toMatchObject({ interim: true, days_remaining: 90 });
    expect(m.body.arms.map((a) => a.members)).toEqual([treatment, control]);
    expectProblem(
      await viewer.get('/api/v1/campaigns/CALL-01/measure?view=per_protocol'),
      422,
      'TEN_CAMPAIGN_NO_DELIVERY',
    );
    const csv = await viewer.get<string>('/api/v1/campaigns/CALL-01/export?format=csv&arm=treatment');
    expect(csv.type).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(treatment + 1);
    const rows = await viewer.get<{ members: unknown[] }>('/api/v1/campaigns/CALL-01/export');
    expect(rows.body.members).toHaveLength(treatment + control);
    const list = await viewer.get<{ campaigns: Campaign[] }>('/api/v1/campaigns');
    expect(list.body.campaigns.map((c) => c.id).sort()).toEqual(['CALL-01', 'RET-01']);
  });

  it('refuses bad designs by code and writes nothing', async () => {
    const before = await members();
    for (const [over, status, code] of [
      [{ id: 'X1', holdout_share: 1 }, 422, 'TEN_EXPERIMENT_BAD_HOLDOUT'],
      [{ id: 'X2', holdout_share: 0 }, 422, 'TEN_EXPERIMENT_BAD_HOLDOUT'],
      [{ id: 'X3', currency: 'XXX' }, 422, 'TEN_CAMPAIGN_CURRENCY'],
      [{ id: 'X4', target: { kind: 'filter', filter: ['region=nowhere'] } }, 422, 'TEN_CAMPAIGN_EMPTY_TARGET'],
      [{ id: 'X5', target: { kind: 'playbook', playbook: 'nope' } }, 422, 'TEN_CAMPAIGN_TARGET'],
      [{ id: 'X6', holdout_share: 'half' }, 400, 'TEN_BAD_OPTION'],
    ] as const)
      expectProblem(await analyst.call('POST', '/api/v1/campaigns', { json: design(over) }), status, code);
    expect(await members()).toBe(before);
    expectProblem(await viewer.get('/api/v1/campaigns/NOPE'), 404, 'TEN_CAMPAIGN_NOT_FOUND');
  });

  it("measures the demo's campaign, answers the power calculation and the CRM ROI", async () => {
    const m = await viewer.get<Measurement>('/api/v1/campaigns/RET-01/measure');
    expect(m.status, m.text).toBe(200);
    expect(m.body.interim).toBe(false);
    const p = await viewer.call<{ total: number; solved_for: string }>('POST', '/api/v1/campaigns/power', {
      json: { baseline: 0.2, effect: 0.05 },
    });
    expect(p.body).toMatchObject({ solved_for: 'sample_size' });
    expectProblem(
      await viewer.call('POST', '/api/v1/campaigns/power', { json: { baseline: 0.2 } }),
      422,
      'TEN_CAMPAIGN_POWER_INPUT',
    );
    const roi = await viewer.get<{ programmes: unknown[] }>('/api/v1/crm-roi?from=2025-01&to=2025-12');
    expect(roi.status, roi.text).toBe(200);
    expect(roi.body.programmes).toHaveLength(1);
  });
});
