import { defineMetric } from './define.ts';

/** Net MRR change with its movements; start + new + expansion + reactivation − contraction − churn = end. */
export const mrrMovements = defineMetric({
  id: 'mrr_movements',
  title: { en: 'MRR movements', 'zh-CN': 'MRR 变动' },
  description: {
    en: 'Net change of MRR over the period, split into new, expansion, reactivation, contraction and churned MRR; the parts reconcile start to end to the cent.',
    'zh-CN': '本期 MRR 净变动，拆分为新增、扩张、回流、收缩与流失 MRR，期初到期末精确对账。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'revenue',
  interval: 'none',
  value: (r) => ({
    value: r.mrr_end - r.mrr_start,
    parts: {
      mrr_start: r.mrr_start,
      new: r.new_mrr,
      expansion: r.expansion_mrr,
      reactivation: r.reactivation_mrr,
      contraction: r.contraction_mrr,
      churn: r.churned_mrr,
      mrr_end: r.mrr_end,
    },
  }),
});
