import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHURNED, CLOCK, campaignWorkspace } from '../../test/campaigns.ts';
import { importFile } from '../ingest/import.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { createCampaign } from './create.ts';
import { assignmentCsv, assignmentRows } from './export.ts';
import { measureCampaign } from './measure.ts';
import { campaignPower } from './power.ts';
import { moveCampaign } from './status.ts';
import { getCampaign, listCampaigns } from './store.ts';

const boss = { name: 'boss' };
const north = { id: 'N-01', name: 'North call', target: { kind: 'filter', filter: ['region=north'] } };

let ws: Workspace;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, done } = await campaignWorkspace());
});
afterEach(() => done());

const codeOf = async (p: Promise<unknown>) =>
  (
    await p.then(
      () => null,
      (e) => e,
    )
  )?.code;
const arms = async (id: string) =>
  ws.db.all<{ customer_id: string; arm: string }>(
    sql`SELECT customer_id, ${sql.id('group')} AS arm FROM campaign_members WHERE campaign_id = ${id} ORDER BY customer_id`,
  );

describe('designing a campaign', () => {
  it('draws exactly the holdout share of each stratum, seeded, as a draft at the campaign clock', async () => {
    const r = await createCampaign(ws, boss, { ...north, holdout_share: 0.3, strata: 'region' });
    expect(r.campaign).toMatchObject({ status: 'draft', treatment: 7, control: 3, started_at: `${CLOCK} 00:00:00` });
    expect(r.strata).toEqual([{ stratum: 'unscored × north', treatment: 7, control: 3 }]);
    // The same seed and target draw the same arms; another seed draws others.
    await createCampaign(ws, boss, { ...north, id: 'N-02', holdout_share: 0.3, strata: 'region' });
    await createCampaign(ws, boss, { ...north, id: 'N-03', holdout_share: 0.3, strata: 'region', seed: 99 });
    const [a, b, c] = [await arms('N-01'), await arms('N-02'), await arms('N-03')];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('stratifies by a derived dimension (lifecycle stage), each stratum drawn on its own', async () => {
    const r = await createCampaign(ws, boss, { ...north, holdout_share: 0.3, strata: 'lifecycle_stage' });
    expect(r.strata.length).toBeGreaterThan(0);
    for (const s of r.strata)
      expect(s.stratum).toMatch(/^unscored × (new|active|at_risk|dormant|churned|reactivated|\(none\))$/);
    expect(r.strata.reduce((a, s) => a + s.treatment + s.control, 0)).toBe(10);
  });

  it('never redraws: creating an id again is refused and the members stay as drawn', async () => {
    await createCampaign(ws, boss, north);
    const before = await arms('N-01');
    expect(await codeOf(createCampaign(ws, boss, { ...north, seed: 7 }))).toBe('TEN_CAMPAIGN_EXISTS');
    await moveCampaign(ws, 'N-01', 'launch');
    expect(await codeOf(moveCampaign(ws, 'N-01', 'launch'))).toBe('TEN_CAMPAIGN_STATUS');
    expect(await arms('N-01')).toEqual(before);
  });

  it('refuses a holdout of 0 or 1, an empty target, another currency and unknown names, writing nothing', async () => {
    expect(await codeOf(createCampaign(ws, boss, { ...north, holdout_share: 0 }))).toBe('TEN_EXPERIMENT_BAD_HOLDOUT');
    expect(await codeOf(createCampaign(ws, boss, { ...north, holdout_share: 1 }))).toBe('TEN_EXPERIMENT_BAD_HOLDOUT');
    const nobody = { ...north, target: { kind: 'filter', filter: ['region=west'] } };
    expect(await codeOf(createCampaign(ws, boss, nobody))).toBe('TEN_CAMPAIGN_EMPTY_TARGET');
    expect(await codeOf(createCampaign(ws, boss, { ...north, currency: 'EUR' }))).toBe('TEN_CAMPAIGN_CURRENCY');
    const field = { ...north, target: { kind: 'filter', filter: ['shoe_size=9'] } };
    expect(await codeOf(createCampaign(ws, boss, field))).toBe('TEN_CAMPAIGN_TARGET');
    expect(await codeOf(createCampaign(ws, boss, { ...north, target: { kind: 'at_risk' } }))).toBe(
      'TEN_CAMPAIGN_EMPTY_TARGET',
    );
    expect(await codeOf(createCampaign(ws, boss, { ...north, holdout_share: 'half' }))).toBe('TEN_BAD_OPTION');
    expect(await listCampaigns(ws)).toEqual([]);
    expect(await ws.db.all(sql`SELECT * FROM campaign_members`)).toEqual([]);
  });

  it('never changes an assignment on re-import: a stored member keeps its group, new members are added', async () => {
    const file = join(ws.dir, 'members.csv');
    writeFileSync(file, 'campaign_id,customer_id,group\nIMP,C01,treatment\n');
    await importFile(ws, 'campaign_members', file);
    writeFileSync(file, 'campaign_id,customer_id,group\nIMP,C01,control\nIMP,C02,control\n');
    await importFile(ws, 'campaign_members', file);
    expect(await arms('IMP')).toEqual([
      { customer_id: 'C01', arm: 'treatment' },
      { customer_id: 'C02', arm: 'control' },
    ]);
  });

  it('exports the assignment as CSV, treatment first, formulas defused', async () => {
    await createCampaign(ws, boss, north);
    const rows = await assignmentRows(ws, 'N-01', { arm: 'control' });
    expect(rows.map((r) => r.arm)).toEqual(Array(5).fill('control'));
    const csv = assignmentCsv([{ ...rows[0]!, stratum: '=cmd()' }]);
    expect(csv.split('\r\n')[0]).toBe('customer_id,arm,stratum,assigned_at,delivered_at');
    expect(csv).toContain(",'=cmd(),");
  });
});

describe('measuring a campaign', () => {
  it('refuses a draft, then measures interim figures with the days remaining', async () => {
    await createCampaign(ws, boss, north);
    expect(await codeOf(measureCampaign(ws, 'N-01'))).toBe('TEN_CAMPAIGN_NOT_LAUNCHED');
    await moveCampaign(ws, 'N-01', 'launch');
    const m = await measureCampaign(ws, 'N-01');
    expect(m).toMatchObject({ interim: true, days_remaining: 90, launched_at: CLOCK });
    expect(m.warnings.map((w) => w.code)).toContain('TEN_CAMPAIGN_INTERIM');
    expect(m.arms.map((a) => a.churned)).toEqual([0, 0]);
    expect(await codeOf(measureCampaign(ws, 'N-01', { view: 'per_protocol' }))).toBe('TEN_CAMPAIGN_NO_DELIVERY');
  });

  it('counts churn within the window per arm as the activity spans say, with Newcombe and money', async () => {
    await createCampaign(ws, boss, { ...north, cost_per_contact: 2, fixed_cost: 10 });
    await moveCampaign(ws, 'N-01', 'launch');
    const m = await measureCampaign(ws, 'N-01', { as_of: '2024-12-31' });
    const assigned = await arms('N-01');
    const churnedIn = (arm: string) => assigned.filter((a) => a.arm === arm && CHURNED.includes(a.customer_id)).length;
    const [t, c] = m.arms;
    // C04 churns after the 90-day window: not counted.
    expect([t!.churned, c!.churned]).toEqual([churnedIn('treatment'), churnedIn('control')]);
    expect(m.interim).toBe(false);
    expect(m.churn.absolute_reduction.estimate).toBeCloseTo(c!.churned / 5 - t!.churned / 5, 12);
    expect(m.money.cost).toBe(10 + 2 * 5);
    expect(m.money.saved.estimate).toBeCloseTo((c!.churned / 5 - t!.churned / 5) * 5, 12);
    // Retained MRR at the window's end: 10 for every member still subscribed.
    expect(t!.retained_mrr).toBeCloseTo((10 * (5 - t!.churned)) / 5, 12);
    expect(m.survival.curves.map((x) => x.points[0]?.survival)).toEqual([1, 1]);
    expect(m.srm.mismatch).toBe(false);
  });

  it('shows a per-protocol view once delivery is recorded', async () => {
    await createCampaign(ws, boss, north);
    await moveCampaign(ws, 'N-01', 'launch');
    await ws.db.run(sql`UPDATE campaign_members SET delivered_at = TIMESTAMP '2024-07-02'
      WHERE campaign_id = 'N-01' AND ${sql.id('group')} = 'treatment' AND customer_id = (SELECT min(customer_id)
        FROM campaign_members WHERE campaign_id = 'N-01' AND ${sql.id('group')} = 'treatment')`);
    expect((await getCampaign(ws, 'N-01')).delivered).toBe(1);
    const m = await measureCampaign(ws, 'N-01', { view: 'per_protocol', as_of: '2024-12-31' });
    expect(m.arms.map((a) => a.members)).toEqual([1, 5]);
    expect(m.cuped).toBeNull();
  });

  it('measures an imported campaign with the config defaults, and refuses members assigned twice', async () => {
    await ws.db.run(sql`INSERT INTO campaigns (campaign_id, name, started_at, cost)
      VALUES ('IMP', 'Imported', TIMESTAMP '2024-07-01', 40)`);
    await ws.db.run(sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')})
      VALUES ('IMP', 'C01', 'treatment'), ('IMP', 'C05', 'treatment'), ('IMP', 'C02', 'control'), ('IMP', 'C06', 'control')`);
    const m = await measureCampaign(ws, 'IMP', { as_of: '2024-12-31' });
    expect(m.arms.map((a) => [a.members, a.churned])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect([m.window_days, m.money.cost, (await getCampaign(ws, 'IMP')).status]).toEqual([90, 40, 'imported']);
    await ws.db.run(sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')})
      VALUES ('IMP', 'C01', 'control')`);
    expect(await codeOf(measureCampaign(ws, 'IMP'))).toBe('TEN_CAMPAIGN_TWICE_ASSIGNED');
  });
});

describe('the power calculation', () => {
  it('solves for the sample size given an effect, or for the effect given a size', () => {
    const n = campaignPower({ baseline: 0.2, effect: 0.05 });
    expect(n.solved_for).toBe('sample_size');
    const mde = campaignPower({ baseline: 0.2, size: n.total });
    expect(mde.solved_for).toBe('mde');
    expect(mde.effect).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(mde.effect).toBeGreaterThan(0.045);
    expect(() => campaignPower({ baseline: 0.2 })).toThrow(
      expect.objectContaining({ code: 'TEN_CAMPAIGN_POWER_INPUT' }),
    );
  });
});
