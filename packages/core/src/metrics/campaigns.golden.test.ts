import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';

/**
 * Eight subscribers A–H paying 10 a month since 2023-12-01. Campaign K1 (imported, cost 20, so the config's
 * 90-day window: 2024-02-01 to 2024-05-01) treats A–D and holds out E–H. A churns 2024-03-01 (treated 1 of 4),
 * E and F 2024-02-15 (control 2 of 4), H 2024-06-01, after the window (not counted). February's CRM and retention
 * costs are 30 + 10 + 15: care 30 over Feb 15 – Mar 15 is prorated by days, 15 of its 30 in February (care is a
 * retention category); acquisition 100 is not one of them. Campaign K2 (March 10) treats C and D with no control
 * group. By hand, for February:
 *   churn difference = 2/4 − 1/4 = 0.25;
 *   value of a saved customer = MRR 10 per member at launch × (3 window months ÷ control churn 0.5) = 60;
 *   gross profit = 0.25 × 4 treated × 60 × margin 0.7 = 42; campaign ROI = (42 − 20) ÷ 20 = 1.1;
 *   CRM ROI = (42 − 55) ÷ 55. January launched no campaign and March only one without a control group: CRM ROI is
 *   not measurable there, and says so.
 */
async function fill(ws: Workspace): Promise<void> {
  const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at)
    SELECT id, TIMESTAMP '2023-12-01' FROM (SELECT unnest(${ids}) AS id)`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr)
    SELECT 'S' || id, id, TIMESTAMP '2023-12-01', CASE id WHEN 'A' THEN TIMESTAMP '2024-03-01'
      WHEN 'E' THEN TIMESTAMP '2024-02-15' WHEN 'F' THEN TIMESTAMP '2024-02-15' WHEN 'H' THEN TIMESTAMP '2024-06-01' END, 10
    FROM (SELECT unnest(${ids}) AS id)`);
  await ws.db.run(sql`INSERT INTO campaigns (campaign_id, name, started_at, cost)
    VALUES ('K1', 'Call', TIMESTAMP '2024-02-01', 20)`);
  await ws.db.run(sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')})
    SELECT 'K1', id, CASE WHEN id <= 'D' THEN 'treatment' ELSE 'control' END FROM (SELECT unnest(${ids}) AS id)`);
  await ws.db.run(sql`INSERT INTO costs (period_start, period_end, category, amount, segment) VALUES
    (DATE '2024-02-01', DATE '2024-02-29', 'crm', 30, 'all'), (DATE '2024-02-01', DATE '2024-02-29', 'retention', 10, 'all'),
    (DATE '2024-02-01', DATE '2024-02-29', 'acquisition', 100, 'all'), (DATE '2024-02-15', DATE '2024-03-15', 'care', 30, 'all')`);
  await ws.db.run(
    sql`INSERT INTO campaigns (campaign_id, name, started_at, cost) VALUES ('K2', 'Mail', TIMESTAMP '2024-03-10', 5)`,
  );
  await ws.db.run(sql`INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')})
    VALUES ('K2', 'C', 'treatment'), ('K2', 'D', 'treatment')`);
}

forEachEngine('campaign metrics on a hand-computed campaign', fill, (e) => {
  e.it('churn difference, campaign ROI and CRM ROI by the month of launch', async () => {
    const ids = ['campaign_churn_difference', 'campaign_roi', 'crm_roi'];
    const rows = await computeMetrics(e.conn, e.ws.config, ids, { period: 'month', from: '2024-01', to: '2024-03' });
    const v = (id: string) => rows.filter((r) => r.metric === id).map((r) => r.value);
    expect(v('campaign_churn_difference')).toEqual([null, 0.25, null]);
    const [jan, feb, mar] = v('campaign_roi');
    expect([jan, mar]).toEqual([null, null]);
    expect(feb).toBeCloseTo(1.1, 9);
    expect(v('crm_roi')[1]).toBeCloseTo((42 - 55) / 55, 9);
    const crm = rows.filter((r) => r.metric === 'crm_roi');
    expect([crm[0]?.value, crm[2]?.value]).toEqual([null, null]);
    for (const r of [crm[0], crm[2]])
      expect(r?.reason?.en).toMatch(/^Not measurable: no campaign with a control group/);
    expect(crm[1]?.reason).toBeUndefined();
  });
});
