import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyChurn } from '../../test/fixtures/tiny-churn.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * tiny-churn with two confirmed exit mappings (voice/exits/), January 2024:
 *   P9 (Jan 31: no kind, category or reason imported) confirmed voluntary / fault / 'billing errors': it fills all three;
 *   P4 (Jan 20: imported involuntary / non_malicious / 'card expired') confirmed voluntary / natural / 'moved':
 *   the imported values win.
 * Reasons, by count then name: billing errors 1 (share .5, cumulative .5, lost MRR S12 20), card expired 1 (.5, 1, 40).
 * Categories: involuntary / non_malicious 1, voluntary / fault 1 (no unknown left).
 */
async function fill(ws: Workspace): Promise<void> {
  await fillTinyChurn(ws);
  await ws.db.run(sql`INSERT INTO exit_mappings (customer_id, churned_at, matched, kind, category, reason, confirmed_by, confirmed_at)
    VALUES ('P9', TIMESTAMP '2024-01-31 00:00:00', '[]', 'voluntary', 'fault', 'billing errors', 'li.wei', TIMESTAMP '2024-04-01 00:00:00'),
      ('P4', TIMESTAMP '2024-01-20 00:00:00', '[]', 'voluntary', 'natural', 'moved', 'li.wei', TIMESTAMP '2024-04-01 00:00:00')`);
}

const cells = (rows: MetricRow[], ...keys: string[]) =>
  rows.map((r) => [r.period_start.slice(5, 7), ...keys.map((k) => r.segment[k]), r.value, r.parts]);

forEachEngine('confirmed exit mappings fill churn reasons and categories (hand-computed)', fill, (e) => {
  e.it('a confirmed mapping fills a missing reason, kind and category; an imported one wins', async () => {
    const q = { period: 'month', from: '2024-01', to: '2024-01' } as const;
    const reasons = await computeMetrics(e.conn, e.ws.config, ['churn_reasons'], q);
    expect(cells(reasons, 'reason')).toEqual([
      ['01', 'billing errors', 1, { share: 0.5, cumulative_share: 0.5, mrr_lost: 20 }],
      ['01', 'card expired', 1, { share: 0.5, cumulative_share: 1, mrr_lost: 40 }],
    ]);
    const categories = await computeMetrics(e.conn, e.ws.config, ['churn_by_category'], q);
    expect(cells(categories, 'kind', 'category')).toEqual([
      ['01', 'involuntary', 'non_malicious', 1, { share: 0.5 }],
      ['01', 'voluntary', 'fault', 1, { share: 0.5 }],
    ]);
  });
});
