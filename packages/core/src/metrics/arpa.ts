import { defineMetric, ratio } from './define.ts';

/** Average revenue per account = MRR ÷ paying customers, at the end of the period. */
export const arpa = defineMetric({
  id: 'arpa',
  title: { en: 'ARPA', 'zh-CN': '每账户平均收入（ARPA）' },
  description: {
    en: 'MRR at the end of the period ÷ customers paying then.',
    'zh-CN': '期末 MRR ÷ 期末付费客户数。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'revenue',
  interval: 'none',
  value: (r) => ratio(r.mrr_end, r.payers_end),
});
