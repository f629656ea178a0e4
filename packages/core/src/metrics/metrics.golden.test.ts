import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { sql } from '../sql/sql.ts';
import { initWorkspace } from '../workspace/workspace.ts';
import { catalog } from './catalog.ts';
import { computeMetrics, type MetricRow } from './compute.ts';
import { metrics } from './index.ts';

// Hand-computed from the fixture's comments (boundaries Jan 1, Feb 1, Mar 1, Apr 1 2024).
const FLOW = {
  jan: { start: 7, end: 6, new: 2, react: 0, churned: 2, lost: 1 },
  feb: { start: 6, end: 8, new: 1, react: 1, churned: 0, lost: 0 },
  mar: { start: 8, end: 7, new: 1, react: 0, churned: 2, lost: 0 },
};
const MRR = {
  jan: { start: 540, end: 440, new: 60, expansion: 0, reactivation: 0, contraction: 30, churn: 130, payers: 6 },
  feb: { start: 440, end: 550, new: 20, expansion: 50, reactivation: 40, contraction: 0, churn: 0, payers: 8 },
  mar: { start: 550, end: 470, new: 10, expansion: 0, reactivation: 0, contraction: 0, churn: 90, payers: 7 },
};
const months = ['jan', 'feb', 'mar'] as const;

const values = (rows: MetricRow[], metric: string) => rows.filter((r) => r.metric === metric).map((r) => r.value);

forEachEngine('tiny-saas (hand-computed)', fillTinySaas, (e) => {
  const run = (names: string[], extra: Record<string, unknown> = {}) =>
    computeMetrics(e.conn, e.ws.config, names, { period: 'month', from: '2024-01', to: '2024-03', ...extra });
  describe('customer flow', () => {
    e.it('counts', async () => {
      const rows = await run(['active_customers', 'new_customers', 'reactivated_customers', 'churned_customers']);
      expect(values(rows, 'active_customers')).toEqual(months.map((m) => FLOW[m].end));
      expect(values(rows, 'new_customers')).toEqual(months.map((m) => FLOW[m].new));
      expect(values(rows, 'reactivated_customers')).toEqual(months.map((m) => FLOW[m].react));
      expect(values(rows, 'churned_customers')).toEqual(months.map((m) => FLOW[m].churned));
    });

    e.it('customer growth rate: (end − start) ÷ start, negative when the base shrinks', async () => {
      const rows = await run(['customer_growth_rate']);
      expect(values(rows, 'customer_growth_rate')).toEqual([(6 - 7) / 7, (8 - 6) / 6, (7 - 8) / 8]);
      expect(rows[0]?.parts).toEqual({ active_start: 7, active_end: 6 });
      expect(rows[0]).toMatchObject({ ci_low: null, ci_high: null });
    });

    e.it('churn and both retention rates, with the reason they differ', async () => {
      const rows = await run(['churn_rate', 'retention_rate', 'retention_rate_end_minus_new']);
      expect(values(rows, 'churn_rate')).toEqual([2 / 7, 0 / 6, 2 / 8]);
      expect(values(rows, 'retention_rate')).toEqual([5 / 7, 6 / 6, 6 / 8]);
      // (end − new − reactivated) ÷ start: January is lower by E, who joined and left within it.
      expect(values(rows, 'retention_rate_end_minus_new')).toEqual([4 / 7, 6 / 6, 6 / 8]);
      const jan = rows.find((r) => r.metric === 'churn_rate' && r.period_start === '2024-01-01');
      expect(jan).toMatchObject({ period_end: '2024-02-01', numerator: 2, denominator: 7 });
      expect(jan?.ci_low).toBeCloseTo(0.0822, 3); // Wilson 95 % for 2/7
      expect(jan?.ci_high).toBeCloseTo(0.6411, 3);
    });

    e.it('by region', async () => {
      const rows = await run(['churn_rate'], { by: ['region'], to: '2024-01' });
      expect(rows.map((r) => [r.segment.region, r.numerator, r.denominator])).toEqual([
        ['north', 1, 5],
        ['south', 1, 2],
      ]);
    });

    e.it('a quarter is its own start and end, not the sum of its months', async () => {
      const rows = await computeMetrics(
        e.conn,
        e.ws.config,
        ['churned_customers', 'new_customers', 'reactivated_customers', 'churn_rate'],
        {
          period: 'quarter',
          from: '2024-Q1',
          to: '2024-Q1',
        },
      );
      expect(rows.map((r) => r.value)).toEqual([3, 4, 1, 3 / 7]);
    });
  });

  describe('revenue', () => {
    e.it('MRR, movements that reconcile, GRR, NRR, ARPA', async () => {
      const rows = await run(['mrr', 'mrr_movements', 'grr', 'nrr', 'arpa']);
      expect(values(rows, 'mrr')).toEqual(months.map((m) => MRR[m].end));
      const mv = rows.filter((r) => r.metric === 'mrr_movements').map((r) => r.parts);
      expect(mv).toEqual(
        months.map((m) => ({
          mrr_start: MRR[m].start,
          new: MRR[m].new,
          expansion: MRR[m].expansion,
          reactivation: MRR[m].reactivation,
          contraction: MRR[m].contraction,
          churn: MRR[m].churn,
          mrr_end: MRR[m].end,
        })),
      );
      expect(values(rows, 'grr')).toEqual([380 / 540, 1, 460 / 550]);
      expect(values(rows, 'nrr')).toEqual([380 / 540, 490 / 440, 460 / 550]);
      expect(values(rows, 'arpa')).toEqual(months.map((m) => MRR[m].end / MRR[m].payers));
    });
  });

  describe('properties', () => {
    e.it('retention = 1 − churn in every period and segment', async () => {
      for (const by of [[], ['region']]) {
        const rows = await run(['churn_rate', 'retention_rate'], { by });
        const churn = rows.filter((r) => r.metric === 'churn_rate');
        const ret = rows.filter((r) => r.metric === 'retention_rate');
        for (const [i, c] of churn.entries()) expect((c.value ?? 0) + (ret[i]?.value ?? 0)).toBeCloseTo(1, 12);
      }
    });

    it('every catalog entry is registered under its own id with English and Chinese titles', () => {
      for (const [id, def] of Object.entries(catalog)) {
        expect(def.id).toBe(id);
        expect(def.title.en && def.title['zh-CN'] && def.description.en && def.description['zh-CN']).toBeTruthy();
      }
    });

    e.it('rejects bad queries with clear codes', async () => {
      await expect(run(['churn_rat'])).rejects.toMatchObject({ code: 'TEN_METRIC_UNKNOWN' });
      await expect(run(['churn_rate'], { by: ['region; DROP TABLE customers'] })).rejects.toMatchObject({
        code: 'TEN_METRIC_UNKNOWN_SEGMENT',
      });
      await expect(run(['churn_rate'], { filter: { "region' OR 1=1 --": 'x' } })).rejects.toMatchObject({
        code: 'TEN_METRIC_UNKNOWN_SEGMENT',
      });
      await expect(run(['churn_rate'], { from: '2024-13' })).rejects.toMatchObject({ code: 'TEN_METRIC_BAD_QUERY' });
      await expect(run(['churn_rate'], { from: '2024-03', to: '2024-01' })).rejects.toMatchObject({
        code: 'TEN_METRIC_BAD_QUERY',
      });
      // A filter value is bound, never spliced: an injection attempt simply matches nobody.
      expect(await run(['active_customers'], { filter: { region: "north' OR '1'='1" } })).toEqual([]);
    });
  });

  describe('configuration switches', () => {
    e.it('count_same_period counts January joiner-leaver E as churned', async () => {
      const config = { ...e.ws.config, churn: { ...e.ws.config.churn, count_same_period: true } };
      const rows = await computeMetrics(e.conn, config, ['churned_customers', 'churn_rate'], {
        period: 'month',
        from: '2024-01',
        to: '2024-01',
      });
      expect(rows.map((r) => r.value)).toEqual([3, 3 / 7]);
    });

    e.it(
      'grace days delay churn: with 10 days, B (ended Jan 20) still churns in January, C and E move to February',
      async () => {
        const config = { ...e.ws.config, churn: { ...e.ws.config.churn, grace_days: 10 } };
        const rows = await computeMetrics(e.conn, config, ['churned_customers'], {
          period: 'month',
          from: '2024-01',
          to: '2024-03',
        });
        // B: Jan 30 < Feb 1 → January. C: Feb 11 → February. E: Feb 4, so active at Feb 1 → February, no longer
        // lost within January. H: Mar 20 and J: Mar 15 → March. K's gap (Mar 15 – Mar 20) stays inside March.
        expect(rows.map((r) => r.value)).toEqual([1, 2, 2]);
      },
    );
  });
});

describe('recognising churn at the cancellation request', () => {
  it('moves H, who asked to cancel on Feb 20 but paid until Mar 10, from March to February', async () => {
    const own = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-cancel-')));
    try {
      await fillTinySaas(own);
      await own.db.run(
        sql`UPDATE subscriptions SET cancel_requested_at = TIMESTAMP '2024-02-20' WHERE customer_id = 'H'`,
      );
      const at = (recognized_at: 'end_of_period' | 'cancellation_request') =>
        computeMetrics(
          own.db,
          { ...own.config, churn: { ...own.config.churn, recognized_at } },
          ['churned_customers'],
          {
            period: 'month',
            from: '2024-01',
            to: '2024-03',
          },
        );
      expect((await at('end_of_period')).map((r) => r.value)).toEqual([2, 0, 2]);
      expect((await at('cancellation_request')).map((r) => r.value)).toEqual([2, 1, 1]);
    } finally {
      await own.close();
    }
  });
});

describe('the workspace-bound API', () => {
  it('metrics(ws).compute gives the same rows as computeMetrics', async () => {
    const own = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-api-')));
    try {
      await fillTinySaas(own);
      const q = { period: 'month', from: '2024-01', to: '2024-03' } as const;
      expect(await metrics(own).compute('churn_rate', q)).toEqual(
        await computeMetrics(own.db, own.config, ['churn_rate'], q),
      );
      expect(
        metrics(own)
          .list()
          .map((m) => m.id),
      ).toContain('nrr');
    } finally {
      await own.close();
    }
  });
});
