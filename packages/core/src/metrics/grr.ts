import { defineMetric, ratio } from './define.ts';

/** Gross revenue retention = (start MRR − contraction − churned MRR) ÷ start MRR; never above 100 %. */
export const grr = defineMetric({
  id: 'grr',
  title: { en: 'Gross revenue retention', 'zh-CN': '总收入留存率（GRR）' },
  description: {
    en: '(MRR at start − contraction − churned MRR) ÷ MRR at start. Gross MRR churn rate = 1 − GRR.',
    'zh-CN': '（期初 MRR − 收缩 MRR − 流失 MRR）÷ 期初 MRR；总 MRR 流失率 = 1 − GRR。',
  },
  unit: 'ratio',
  requires: ['subscriptions'],
  base: 'revenue',
  interval: 'none',
  value: (r) => ({
    ...ratio(r.mrr_start - r.contraction_mrr - r.churned_mrr, r.mrr_start),
    parts: { gross_mrr_churn: r.mrr_start ? (r.contraction_mrr + r.churned_mrr) / r.mrr_start : 0 },
  }),
});
