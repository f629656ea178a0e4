import type { MetricRow } from '../metrics/compute.ts';
import { wholeRange } from './range.ts';
import { t } from './text.ts';
import type { BuildContext, SectionDef } from './types.ts';

const inMonth = (rows: MetricRow[], metric: string, month: string) =>
  rows.find((r) => r.metric === metric && r.period_start.startsWith(month));

/** When the two retention formulas disagree for the month, say by how many customers and why. */
function retentionNote(rows: MetricRow[], c: BuildContext): string[] {
  const a = inMonth(rows, 'retention_rate', c.range.to);
  const b = inMonth(rows, 'retention_rate_end_minus_new', c.range.to);
  if (!a || !b || a.value === b.value || a.numerator === null || b.numerator === null) return [];
  return [t(c.lang, 'retention_differs', { n: c.fmt.number(a.numerator - b.numerator), month: c.range.to })];
}

/** How many churns of the range were retaliatory candidates (metrics/retaliatory.ts), and how many took the mark. */
function retaliatoryNote(rows: MetricRow[], c: BuildContext): string[] {
  const own = rows.filter((r) => r.metric === 'retaliatory_churn' && !Object.keys(r.segment).length);
  if (!own.length) return [];
  const sum = (f: (r: MetricRow) => number) => own.reduce((s, r) => s + f(r), 0);
  const n = sum((r) => r.value ?? 0);
  const total = sum((r) => r.parts?.churns ?? 0);
  const marked = sum((r) => r.parts?.marked ?? 0);
  return [
    t(c.lang, 'retaliatory', {
      n: c.fmt.number(n),
      total: c.fmt.number(total),
      days: c.fmt.number(c.config.churn.retaliatory_window_days),
      marked: c.fmt.number(marked),
    }),
  ];
}

/**
 * The monthly report: one entry per section, in order. A new section is one more entry; a new kind of
 * section is a builder in sections.ts and a renderer in markdown.ts and html.ts.
 */
export const monthly: SectionDef[] = [
  {
    id: 'kpis',
    kind: 'kpi',
    title: { en: 'Key figures', 'zh-CN': '关键指标' },
    metrics: [
      'churn_rate',
      'retention_rate',
      'retention_rate_end_minus_new',
      'nrr',
      'grr',
      'active_customers',
      'mrr',
      'arpa',
      'nps',
      'csat',
    ],
    query: (r) => ({ period: 'month', from: r.prev, to: r.to }),
    notes: retentionNote,
  },
  {
    id: 'trends',
    kind: 'trend',
    title: { en: 'Trends and forecast', 'zh-CN': '趋势与预测' },
    metrics: ['churn_rate', 'nrr'],
    query: (r) => ({ period: 'month', from: r.from, to: r.to }),
    horizon: 3,
  },
  {
    id: 'cohorts',
    kind: 'cohort',
    title: { en: 'Cohort retention', 'zh-CN': '同期群留存' },
    metrics: ['cohort_retention'],
    query: (r) => ({ period: 'month', from: r.from, to: r.to }),
    part: 'active_share',
  },
  {
    id: 'reasons',
    kind: 'pareto',
    title: { en: 'Why customers leave', 'zh-CN': '客户流失原因' },
    metrics: ['churn_reasons', 'churn_by_category', 'retaliatory_churn'],
    query: wholeRange,
    notes: retaliatoryNote,
  },
  {
    id: 'regions',
    kind: 'segments',
    title: { en: 'Churn by region', 'zh-CN': '各地区流失率' },
    metrics: ['churn_rate'],
    query: (r) => [
      { period: 'month', from: r.to, to: r.to, by: ['region'] },
      { period: 'month', from: r.to, to: r.to },
    ],
  },
  {
    id: 'quality',
    kind: 'scorecard',
    title: { en: 'Data quality', 'zh-CN': '数据质量' },
    metrics: ['data_quality'],
    query: (r) => ({ period: 'month', from: r.to, to: r.to }),
  },
];
