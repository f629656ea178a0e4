import { defineMetric } from './define.ts';

/** MRR of the customers retention cases saved. */
export const mrrSaved = defineMetric({
  id: 'mrr_saved',
  title: { en: 'MRR saved', 'zh-CN': '挽留的 MRR' },
  description: {
    en: 'MRR of the customers saved by retention cases closed in the period: the customer’s subscriptions running at the instant the case closed (0 without subscriptions). parts.saved: the saved cases.',
    'zh-CN':
      '本期结案且挽留成功的挽留工单所对应客户的 MRR：工单结案时刻该客户有效订阅的 MRR 之和（无订阅为 0）。明细 saved 为挽留成功的工单数。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'cases',
  interval: 'none',
  value: (r) => ({ value: r.mrr_saved, parts: { saved: r.saved } }),
});
