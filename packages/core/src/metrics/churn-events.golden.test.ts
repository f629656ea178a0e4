import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyChurn } from '../../test/fixtures/tiny-churn.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * Hand-computed from tiny-churn's events, months January–March 2024 (P8's 2023 event is outside).
 * Lost MRR = subscriptions with started_at < churned_at ≤ ended_at (or no end):
 *   P4 S5 40, P9 S12 20, P2 S2 50 (ends at the event), P11 S14 45, P12 S15 + S16 = 15 + 5 = 20, P10 S13 35,
 *   P14 none 0, P8 S10 25 (not S11, ended 2023), P13 S17 10, P7 S9 70.
 * Reasons, sorted by count then name; share = n ÷ period total, cumulative = running n ÷ total:
 *   Jan (2): card expired 1 (.5, .5, 40), unknown 1 (.5, 1, 20)
 *   Feb (4): price 2 (.5, .5, 50 + 45), fraud 1 (.25, .75, 35), no longer needed 1 (.25, 1, 20)
 *   Mar (4): price 2 ('price ' trimmed; .5, .5, 0 + 10), bugs 1 (.25, .75, 70), no longer needed 1 (.25, 1, 25)
 * Feb by region: north P2, P11 → price 2 (1, 1, 95); south P10, P12 → fraud 1 (.5, .5, 35), no longer needed 1 (.5, 1, 20)
 * Categories: Jan involuntary/non_malicious 1, unknown/unknown 1 (P9: nothing given)
 *   Feb voluntary/competitive 2, involuntary/malicious 1, voluntary/natural 1
 *   Mar involuntary/retaliatory 1 (P13: empty kind, from the category), voluntary/competitive, fault, natural 1 each
 */
const run = (conn: Connection, config: TenureConfig, names: string[], extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, names, { period: 'month', from: '2024-01', to: '2024-03', ...extra });
const cells = (rows: MetricRow[], ...keys: string[]) =>
  rows.map((r) => [r.period_start.slice(5, 7), ...keys.map((k) => r.segment[k]), r.value, r.parts]);

forEachEngine('churn reasons and categories on tiny-churn (hand-computed)', fillTinyChurn, (e) => {
  e.it('churn reasons: count, share, Pareto cumulative share and lost MRR', async () => {
    const rows = await run(e.conn, e.ws.config, ['churn_reasons']);
    const p = (share: number, cumulative_share: number, mrr_lost: number) => ({ share, cumulative_share, mrr_lost });
    expect(cells(rows, 'reason')).toEqual([
      ['01', 'card expired', 1, p(0.5, 0.5, 40)],
      ['01', 'unknown', 1, p(0.5, 1, 20)],
      ['02', 'price', 2, p(0.5, 0.5, 95)],
      ['02', 'fraud', 1, p(0.25, 0.75, 35)],
      ['02', 'no longer needed', 1, p(0.25, 1, 20)],
      ['03', 'price', 2, p(0.5, 0.5, 10)],
      ['03', 'bugs', 1, p(0.25, 0.75, 70)],
      ['03', 'no longer needed', 1, p(0.25, 1, 25)],
    ]);
  });

  e.it('churn reasons by region', async () => {
    const rows = await run(e.conn, e.ws.config, ['churn_reasons'], { by: ['region'], from: '2024-02', to: '2024-02' });
    expect(cells(rows, 'region', 'reason')).toEqual([
      ['02', 'north', 'price', 2, { share: 1, cumulative_share: 1, mrr_lost: 95 }],
      ['02', 'south', 'fraud', 1, { share: 0.5, cumulative_share: 0.5, mrr_lost: 35 }],
      ['02', 'south', 'no longer needed', 1, { share: 0.5, cumulative_share: 1, mrr_lost: 20 }],
    ]);
  });

  e.it('churn by kind and category, unknown when empty', async () => {
    const rows = await run(e.conn, e.ws.config, ['churn_by_category']);
    expect(cells(rows, 'kind', 'category')).toEqual([
      ['01', 'involuntary', 'non_malicious', 1, { share: 0.5 }],
      ['01', 'unknown', 'unknown', 1, { share: 0.5 }],
      ['02', 'voluntary', 'competitive', 2, { share: 0.5 }],
      ['02', 'involuntary', 'malicious', 1, { share: 0.25 }],
      ['02', 'voluntary', 'natural', 1, { share: 0.25 }],
      ['03', 'involuntary', 'retaliatory', 1, { share: 0.25 }],
      ['03', 'voluntary', 'competitive', 1, { share: 0.25 }],
      ['03', 'voluntary', 'fault', 1, { share: 0.25 }],
      ['03', 'voluntary', 'natural', 1, { share: 0.25 }],
    ]);
  });

  e.it(
    'property: in every period and segment the Pareto share rises to exactly 1 and the shares sum to 1',
    async () => {
      for (const extra of [{}, { by: ['region'] }, { period: 'week' }, { period: 'quarter', to: '2024-06' }]) {
        const rows = await run(e.conn, e.ws.config, ['churn_reasons', 'churn_by_category'], extra);
        const groups = new Map<string, MetricRow[]>();
        for (const r of rows) {
          const key = `${r.metric} ${r.period_start} ${r.segment.region ?? ''}`;
          groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        expect(groups.size).toBeGreaterThan(1);
        for (const [key, g] of groups) {
          expect(g.reduce((s, r) => s + (r.parts?.share ?? 0), 0)).toBeCloseTo(1, 12);
          if (!key.startsWith('churn_reasons')) continue;
          const cum = g.map((r) => r.parts?.cumulative_share ?? 0);
          expect(cum[cum.length - 1]).toBe(1);
          for (const [i, c] of cum.entries()) if (i) expect(c).toBeGreaterThan(cum[i - 1] ?? 0);
          for (const [i, r] of g.entries()) if (i) expect(r.value).toBeLessThanOrEqual(g[i - 1]?.value ?? 0);
        }
      }
    },
  );
});
