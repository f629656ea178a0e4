import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyRetaliatory } from '../../test/fixtures/tiny-cases.ts';
import { buildReport } from '../reports/build.ts';
import { t } from '../reports/text.ts';
import { computeMetrics, type MetricRow } from './compute.ts';
import { retaliatoryChurn } from './retaliatory.ts';

/*
 * tiny-cases' retaliatory fixture (its comment says why each churn is or is not a candidate). Candidates: K3 (A2,
 * closed past its due time, 16 days before), K6 (A9, unsatisfied, exactly 30 days before), K8 (A11, unsatisfied,
 * imported as voluntary/competitive, so not marked). Not: K7 (30 days and a second), K5 (satisfied, in time),
 * K4 (a retention case; a reopened complaint), K1 (73 days).
 * Churn events per month: Feb K3, K5, K8 = 3 (2 candidates, 1 marked); Mar K6, K7, K4, K1 = 4 (1, marked).
 */
const day = (r: { churned_at: string }) => String(r.churned_at).slice(0, 19);

forEachEngine('retaliatory churn on tiny-cases (planted)', fillTinyRetaliatory, (e) => {
  e.it('finds exactly the planted candidates, and marks only those without an imported taxonomy', async () => {
    const found = await retaliatoryChurn(e.conn, e.ws.config);
    expect(found.map((r) => [r.customer_id, day(r), r.case_id, r.marked])).toEqual([
      ['K3', '2024-02-05 00:00:00', 'A2', true],
      ['K6', '2024-03-02 00:00:00', 'A9', true],
      ['K8', '2024-02-20 00:00:00', 'A11', false],
    ]);
  });

  e.it('the window is configurable: 10 days keeps only K8 (10 days to the second)', async () => {
    const config = { ...e.ws.config, churn: { ...e.ws.config.churn, retaliatory_window_days: 10 } };
    expect((await retaliatoryChurn(e.conn, config)).map((r) => r.customer_id)).toEqual(['K8']);
  });

  e.it('the retaliatory_churn metric counts them per month, with the marked and their share', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['retaliatory_churn'], {
      period: 'month',
      from: '2024-01',
      to: '2024-03',
    });
    expect(rows.map((r) => [r.period_start.slice(5, 7), r.value, r.parts])).toEqual([
      ['01', 0, { marked: 0, churns: 0, share: 0 }],
      ['02', 2, { marked: 1, churns: 3, share: 2 / 3 }],
      ['03', 1, { marked: 1, churns: 4, share: 0.25 }],
    ]);
  });

  e.it('churn by category reads the mark: involuntary/retaliatory, an imported value kept', async () => {
    const rows = await computeMetrics(e.conn, e.ws.config, ['churn_by_category'], {
      period: 'month',
      from: '2024-02',
      to: '2024-03',
    });
    const cells = (rows as MetricRow[]).map((r) => [
      r.period_start.slice(5, 7),
      r.segment.kind,
      r.segment.category,
      r.value,
    ]);
    expect(cells).toEqual([
      ['02', 'involuntary', 'retaliatory', 1],
      ['02', 'unknown', 'unknown', 1],
      ['02', 'voluntary', 'competitive', 1],
      ['03', 'unknown', 'unknown', 3],
      ['03', 'involuntary', 'retaliatory', 1],
    ]);
  });

  e.it('the management report says how many, in both languages', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const report = await buildReport({ db: e.conn, config: e.ws.config }, { lang, from: '2024-01', to: '2024-03' });
      const reasons = report.sections.find((s) => s.id === 'reasons');
      const says = t(lang, 'retaliatory', { n: '3', total: '7', days: '30', marked: '2' });
      expect(reasons?.notes).toContain(says);
    }
  });
});
