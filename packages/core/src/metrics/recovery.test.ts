import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';
import { type FlowRow, flowSql } from './flow.ts';
import { normalizeQuery } from './query.ts';

const telco = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'datasets',
  'telco',
  'WA_Fn-UseC_-Telco-Customer-Churn.csv',
);

describe('the demo workspace', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-recovery-')));
    await generateDemo(ws, { customers: 3000, months: 24, seed: 11 });
  });
  afterAll(() => ws.close());

  it("monthly churn equals the generator's realised churn, month by month", async () => {
    const truth = JSON.parse(readFileSync(join(ws.dir, 'ground-truth.json'), 'utf8')).realised.monthlyChurn as {
      month: string;
      activeAtStart: number;
      churned: number;
    }[];
    const rows = await computeMetrics(ws.db, ws.config, ['churn_rate'], {
      period: 'month',
      from: '2024-02',
      to: '2025-12',
    });
    const checked = rows.map((r) => {
      const t = truth.find((x) => x.month === r.period_start.slice(0, 7));
      return [r.numerator, r.denominator, t?.churned, t?.activeAtStart];
    });
    expect(checked.length).toBe(23);
    for (const [num, den, churned, active] of checked) expect([num, den]).toEqual([churned, active]);
  });

  it('the flow identity end = start + new + reactivated − churned − lost holds for every period and segment', async () => {
    for (const period of ['week', 'month', 'quarter'] as const) {
      const q = await normalizeQuery(ws.db, ws.config, { period, from: '2024-01', to: '2025-12', by: ['region'] });
      const rows = await ws.db.all<FlowRow>(flowSql(q, ws.db.dialect));
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(r.active_start + r.new_customers + r.reactivated - r.churned - r.lost_same_period).toBe(r.active_end);
      }
    }
  });

  it('MRR movements reconcile start to end to the cent', async () => {
    const rows = await computeMetrics(ws.db, ws.config, ['mrr_movements'], {
      period: 'month',
      from: '2024-01',
      to: '2025-12',
      by: ['channel'],
    });
    for (const { parts } of rows) {
      const p = (k: string) => parts?.[k] ?? Number.NaN;
      const end = p('mrr_start') + p('new') + p('expansion') + p('reactivation') - p('contraction') - p('churn');
      expect(Math.round(100 * end)).toBe(Math.round(100 * p('mrr_end')));
    }
  });
});

describe('the Telco snapshot', () => {
  it('gives 1,869 churned of 7,043 customers (26.5 %)', async () => {
    const ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-telco-')));
    try {
      await importFile(ws, 'customers', telco, { asOf: '2024-12-31' });
      const rows = await computeMetrics(ws.db, ws.config, ['churned_customers', 'churn_rate'], {
        period: 'month',
        from: '2024-12',
        to: '2024-12',
      });
      expect(rows[0]?.value).toBe(1869);
      // 11 customers have tenure 0 (joined at the as-of date) and are not in the start-of-month base.
      expect(rows[1]).toMatchObject({ numerator: 1869, denominator: 7043 - 11 });
      expect(1869 / 7043).toBeCloseTo(0.265, 3);
    } finally {
      await ws.close();
    }
  });
});

describe('significance on the demo', () => {
  it('flags region south in exactly the four months of the planted competitor promotion', async () => {
    const ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-significance-')));
    try {
      await generateDemo(ws, { customers: 20_000, months: 36, seed: 42 });
      const promo = JSON.parse(readFileSync(join(ws.dir, 'ground-truth.json'), 'utf8')).calendar.competitorPromotion;
      const rows = await computeMetrics(ws.db, ws.config, ['churn_rate'], {
        period: 'month',
        from: '2024-08',
        to: '2025-03',
        by: ['region'],
      });
      const flagged = rows.filter((r) => r.significant).map((r) => `${r.period_start.slice(0, 7)} ${r.segment.region}`);
      expect(flagged).toEqual(promo.months.map((m: string) => `${m} ${promo.region}`));
      expect(rows.length).toBe(40);
    } finally {
      await ws.close();
    }
  });
});
