import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyChurn } from '../../test/fixtures/tiny-churn.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * tiny-churn (churn-events.golden.test.ts) with competitors named:
 *   imported: P2 (Feb 10, price) and P11 (Feb 20, price) BlueWave; P14 (Mar 5, 'price ') Nimbus; P7 (Mar 25, bugs)
 *   ' Nimbus ' (trimmed); P12 (Feb 25) '  ' (blank: no competitor); P8's 2023 event BlueWave (outside the range);
 *   from a confirmed exit mapping: P9 (Jan 31, nothing imported) Vertex, reason price.
 * Won back (a subscription started or an order placed after the churn event): P11 by S18 starting Apr 10,
 *   P7 by an order on Apr 2; P2, P9, P14 never come back.
 * Lost MRR as in churn-events.golden.test.ts: P9 20, P2 50, P11 45, P14 0, P7 70.
 * Months (total = all of the period's churn events: Jan 2, Feb 4, Mar 4), rows by competitor, count, reason:
 *   Jan Vertex / price 1: share 1/2, mrr 20, won back 0 (0)
 *   Feb BlueWave / price 2: share 2/4, mrr 50 + 45 = 95, won back 1 (P11: 1/2)
 *   Mar Nimbus / bugs 1: 1/4, 70, 1 (1); Nimbus / price 1: 1/4, 0, 0 (0)
 * The quarter Q1 (10 events): BlueWave / price 2 (.2, 95, 1, .5), Nimbus / bugs 1 (.1, 70, 1, 1),
 *   Nimbus / price 1 (.1, 0, 0, 0), Vertex / price 1 (.1, 20, 0, 0).
 * February by region: north's events are P2 and P11 (both BlueWave: share 2/2); south's P12 and P10 name none.
 */
async function fill(ws: Workspace): Promise<void> {
  await fillTinyChurn(ws);
  for (const [c, at, competitor] of [
    ['P2', '2024-02-10', 'BlueWave'],
    ['P11', '2024-02-20', 'BlueWave'],
    ['P14', '2024-03-05', 'Nimbus'],
    ['P7', '2024-03-25', ' Nimbus '],
    ['P12', '2024-02-25', '  '],
    ['P8', '2023-01-01', 'BlueWave'],
  ])
    await ws.db.run(
      sql`UPDATE churn_events SET competitor = ${competitor} WHERE customer_id = ${c} AND churned_at = CAST(${at} AS TIMESTAMP)`,
    );
  await ws.db.run(sql`INSERT INTO exit_mappings (customer_id, churned_at, matched, kind, category, competitor, reason, confirmed_by, confirmed_at)
    VALUES ('P9', TIMESTAMP '2024-01-31 00:00:00', '[]', 'voluntary', 'competitive', 'Vertex', 'price', 'li.wei', TIMESTAMP '2024-04-01 00:00:00')`);
  await ws.db.run(sql`INSERT INTO subscriptions (subscription_id, customer_id, started_at, ended_at, mrr, billing_period)
    VALUES ('S18', 'P11', TIMESTAMP '2024-04-10 00:00:00', NULL, 45, 'month')`);
  await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount)
    VALUES ('O1', 'P7', TIMESTAMP '2024-04-02 00:00:00', 30)`);
}

const cells = (rows: MetricRow[]) =>
  rows.map((r) => [r.period_start.slice(5, 7), r.segment.competitor, r.segment.reason, r.value, r.parts]);
const p = (share: number, mrr_lost: number, won_back: number, won_back_share: number) => ({
  share,
  mrr_lost,
  won_back,
  won_back_share,
});

forEachEngine('win–loss by competitor on tiny-churn (hand-computed)', fill, (e) => {
  e.it('months: events lost to each named competitor per reason, share, lost MRR and won back', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['churn_by_competitor'], {
      period: 'month',
      from: '2024-01',
      to: '2024-03',
    });
    expect(cells(rows)).toEqual([
      ['01', 'Vertex', 'price', 1, p(0.5, 20, 0, 0)],
      ['02', 'BlueWave', 'price', 2, p(0.5, 95, 1, 0.5)],
      ['03', 'Nimbus', 'bugs', 1, p(0.25, 70, 1, 1)],
      ['03', 'Nimbus', 'price', 1, p(0.25, 0, 0, 0)],
    ]);
  });

  e.it('by region: each region its own total', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['churn_by_competitor'], {
      period: 'month',
      from: '2024-02',
      to: '2024-02',
      by: ['region'],
    });
    expect(rows.map((r) => [r.segment.region, ...cells([r])[0]!])).toEqual([
      ['north', '02', 'BlueWave', 'price', 2, p(1, 95, 1, 0.5)],
    ]);
  });

  e.it('a quarter: the same events over all ten of the quarter', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['churn_by_competitor'], {
      period: 'quarter',
      from: '2024-01',
      to: '2024-01',
    });
    expect(cells(rows)).toEqual([
      ['01', 'BlueWave', 'price', 2, p(0.2, 95, 1, 0.5)],
      ['01', 'Nimbus', 'bugs', 1, p(0.1, 70, 1, 1)],
      ['01', 'Nimbus', 'price', 1, p(0.1, 0, 0, 0)],
      ['01', 'Vertex', 'price', 1, p(0.1, 20, 0, 0)],
    ]);
  });
});
