import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';

/**
 * Subscriptions that meet period boundaries exactly (boundaries Jan 1, Feb 1, Mar 1 2024):
 *   X re-priced: 100 until Feb 1 00:00, then 110 from that same instant → expansion 10 in January, never churn;
 *   Y new exactly at Feb 1 → new (customer and MRR) in February, not in MRR at Feb 1;
 *   Z ends exactly at Feb 1 → churned in January.
 * MRR: Jan 1 = X 100 + Z 30 = 130; Feb 1 = X 110; Mar 1 = X 110 + Y 50 = 160.
 */
async function fill(ws: Workspace): Promise<void> {
  const subs: [string, string, string, string | null, number][] = [
    ['S1', 'X', '2023-10-01', '2024-02-01', 100],
    ['S2', 'X', '2024-02-01', null, 110],
    ['S3', 'Y', '2024-02-01', null, 50],
    ['S4', 'Z', '2023-11-15', '2024-02-01', 30],
  ];
  for (const c of ['X', 'Y', 'Z'])
    await ws.db.run(sql`INSERT INTO customers (customer_id, created_at) VALUES (${c}, TIMESTAMP '2023-10-01')`);
  for (const [id, c, start, end, mrr] of subs) {
    await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr)
      VALUES (${id}, ${c}, CAST(${start} AS TIMESTAMP), CAST(${end} AS TIMESTAMP), ${mrr})`);
  }
}

forEachEngine('revenue and flow at exact boundaries (hand-computed)', fill, (e) => {
  e.it('a re-pricing at a boundary is expansion, a start there is new next period, an end there is churn', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['mrr_movements', 'churned_customers', 'new_customers'], {
      period: 'month',
      from: '2024-01',
      to: '2024-02',
    });
    expect(rows.filter((r) => r.metric === 'mrr_movements').map((r) => r.parts)).toEqual([
      { mrr_start: 130, new: 0, expansion: 10, reactivation: 0, contraction: 0, churn: 30, mrr_end: 110 },
      { mrr_start: 110, new: 50, expansion: 0, reactivation: 0, contraction: 0, churn: 0, mrr_end: 160 },
    ]);
    expect(rows.filter((r) => r.metric === 'churned_customers').map((r) => r.value)).toEqual([1, 0]);
    expect(rows.filter((r) => r.metric === 'new_customers').map((r) => r.value)).toEqual([0, 1]);
  });

  e.it('cohort revenue follows the same rule: X keeps its re-priced MRR at Feb 1', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['cohort_retention'], {
      period: 'month',
      from: '2023-10',
      to: '2024-02',
    });
    // X's cohort is October 2023; age 0 ends Nov 1 (MRR 100), age 3 ends Feb 1 (MRR 110 after the re-pricing).
    const x = rows.filter((r) => r.segment.cohort === '2023-10-01').map((r) => [r.segment.age, r.parts?.revenue_share]);
    expect(x).toEqual([
      ['0', 1],
      ['1', 1],
      ['2', 1],
      ['3', 1.1],
      ['4', 1.1],
    ]);
  });
});
