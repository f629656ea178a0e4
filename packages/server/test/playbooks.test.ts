/**
 * The playbook routes over real HTTP: admins add, change, switch and delete, analysts run (with the counts),
 * viewers read; a stale version is 409 with the current one; a definition naming an unknown field is refused
 * by code with nothing written.
 */
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, startServer, type TestServer } from './helpers.ts';

type Playbook = { id: string; version: number; enabled: boolean } & Record<string, unknown>;
type Run = { matched: number; created: number; dry_run: boolean; skipped: Record<string, number>; case_ids: string[] };

let s: TestServer;
let admin: Client;
let analyst: Client;
let viewer: Client;
let region: string;
beforeAll(async () => {
  s = await startServer();
  admin = new Client(s.url, s.keys.admin);
  analyst = new Client(s.url, s.keys.analyst);
  viewer = new Client(s.url, s.keys.viewer);
  const [r] = await s.ws.db.all<{ region: string }>(
    sql`SELECT region FROM customers WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) LIMIT 1`,
  );
  region = r?.region as string;
});
afterAll(() => s.close());

const definition = (over: Record<string, unknown> = {}) => ({
  id: 'region-follow-up',
  name: { en: 'Region follow-up', 'zh-CN': '地区回访' },
  trigger: { kind: 'filter', filter: [`region=${region}`] },
  template: { kind: 'follow_up', subject: { en: 'Check in', 'zh-CN': '回访' } },
  owner_rule: { owner: 'analyst' },
  ...over,
});
const count = async () =>
  (await s.ws.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM playbooks`))[0]?.n;

describe('playbook routes', () => {
  it('an admin adds one, an analyst runs it (no second open case on the next run), a viewer reads it', async () => {
    const added = await admin.call<Playbook>('POST', '/api/v1/playbooks', { json: definition() });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ id: 'region-follow-up', version: 1, enabled: true });
    const dry = await analyst.call<Run>('POST', '/api/v1/playbooks/region-follow-up/runs', { json: { dry_run: true } });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.matched).toBeGreaterThan(0);
    const run = await analyst.call<Run>('POST', '/api/v1/playbooks/region-follow-up/runs', { json: {} });
    expect(run.body).toMatchObject({ dry_run: false, matched: dry.body.matched });
    expect(run.body.created + run.body.skipped.malicious! + run.body.skipped.credit_risk!).toBe(run.body.matched);
    const again = await analyst.call<Run>('POST', '/api/v1/playbooks/region-follow-up/runs', { json: {} });
    expect(again.body).toMatchObject({ created: 0, skipped: { open_case: run.body.created } });
    const opened = await viewer.get<{ case: Record<string, unknown> }>(`/api/v1/cases/${run.body.case_ids[0]}`);
    expect(opened.body.case).toMatchObject({ playbook_id: 'region-follow-up', kind: 'follow_up', owner: 'analyst' });
    const list = await viewer.get<{ playbooks: Playbook[] }>('/api/v1/playbooks');
    expect(list.body.playbooks.map((p) => p.id)).toEqual(['demo-at-risk', 'region-follow-up']);
    // Only admins change playbooks; viewers cannot run them.
    expectProblem(
      await analyst.call('POST', '/api/v1/playbooks', { json: definition({ id: 'x' }) }),
      403,
      'TEN_FORBIDDEN',
    );
    expectProblem(
      await viewer.call('POST', '/api/v1/playbooks/region-follow-up/runs', { json: {} }),
      403,
      'TEN_FORBIDDEN',
    );
  });

  it('two admins on one version: the second gets 409 TEN_PLAYBOOK_STALE with the current version', async () => {
    const { id: _, ...body } = definition({ enabled: false });
    const first = await admin.call<Playbook>('PUT', '/api/v1/playbooks/region-follow-up', {
      json: { ...body, version: 1 },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ version: 2, enabled: false });
    const second = await admin.call('PUT', '/api/v1/playbooks/region-follow-up', { json: { ...body, version: 1 } });
    expectProblem(second, 409, 'TEN_PLAYBOOK_STALE');
    expect(second.body).toMatchObject({ version: 2 });
    const on = await admin.call<Playbook>('PUT', '/api/v1/playbooks/region-follow-up/enabled', {
      json: { enabled: true, version: 2 },
    });
    expect(on.body).toMatchObject({ enabled: true, version: 3 });
    expectProblem(
      await admin.call('DELETE', '/api/v1/playbooks/region-follow-up?version=2'),
      409,
      'TEN_PLAYBOOK_STALE',
    );
    expect((await admin.call('DELETE', '/api/v1/playbooks/region-follow-up?version=3')).status).toBe(204);
    expectProblem(await viewer.get('/api/v1/playbooks/region-follow-up'), 404, 'TEN_PLAYBOOK_NOT_FOUND');
  });

  it('refuses by code with nothing written: a bad shape names its parts, an unknown field, an unknown tier', async () => {
    const before = await count();
    const bad = await admin.call<{ args: { playbook_problems: { path: string }[] } }>('POST', '/api/v1/playbooks', {
      json: { ...definition(), template: { kind: 'lawsuit' } },
    });
    expectProblem(bad, 422, 'TEN_PLAYBOOK_INVALID');
    expectProblem(
      await admin.call('POST', '/api/v1/playbooks', {
        json: definition({ trigger: { kind: 'filter', filter: ['shoe=1'] } }),
      }),
      422,
      'TEN_PLAYBOOK_UNKNOWN_FIELD',
    );
    expectProblem(
      await admin.call('POST', '/api/v1/playbooks', {
        json: definition({ trigger: { kind: 'risk_tier', tier: 'x' } }),
      }),
      422,
      'TEN_PLAYBOOK_UNKNOWN_TIER',
    );
    expect(await count()).toBe(before);
  });
});
