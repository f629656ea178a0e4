import { defineMetric } from './define.ts';

/** Churn by category: events per kind (voluntary, involuntary) and taxonomy category, with their share. */
export const churnByCategory = defineMetric({
  id: 'churn_by_category',
  title: { en: 'Churn by category', 'zh-CN': '流失分类' },
  description: {
    en: 'Churn events of the period per kind and category: voluntary (natural, competitive, fault) and involuntary (non_malicious, retaliatory, malicious). An empty kind is taken from a known category; what stays empty is "unknown". Part: share of the period\'s events.',
    'zh-CN':
      '本期按类型与类别统计的流失事件数：主动流失（natural、competitive、fault）与被动流失（non_malicious、retaliatory、malicious）。类型为空时由已知类别推断，仍为空记为 unknown。组成：占本期事件的比例。',
  },
  unit: 'count',
  requires: ['churn_events'],
  base: 'churn_categories',
  interval: 'none',
  value: (r) => ({ value: r.n, parts: { share: r.n / r.total } }),
});
