import { defineMetric, ratio } from './define.ts';

/** Net revenue retention = (start MRR + expansion − contraction − churned MRR) ÷ start MRR. */
export const nrr = defineMetric({
  id: 'nrr',
  title: { en: 'Net revenue retention', 'zh-CN': '净收入留存率（NRR）' },
  description: {
    en: '(MRR at start + expansion − contraction − churned MRR) ÷ MRR at start: what the start-of-period customers pay now, new and reactivated revenue excluded. Net MRR churn rate = 1 − NRR.',
    'zh-CN': '（期初 MRR + 扩张 − 收缩 − 流失 MRR）÷ 期初 MRR，不含新增与回流收入；净 MRR 流失率 = 1 − NRR。',
  },
  unit: 'ratio',
  requires: ['subscriptions'],
  base: 'revenue',
  interval: 'none',
  value: (r) => ratio(r.mrr_start + r.expansion_mrr - r.contraction_mrr - r.churned_mrr, r.mrr_start),
});
