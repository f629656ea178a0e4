import { defineMetric } from './define.ts';

/** MRR at the end of the period: the sum of the MRR of subscriptions active then. */
export const mrr = defineMetric({
  id: 'mrr',
  title: { en: 'MRR', 'zh-CN': '月经常性收入（MRR）' },
  description: {
    en: 'Monthly recurring revenue of subscriptions active at the end of the period; ARR = 12 × MRR.',
    'zh-CN': '期末有效订阅的月经常性收入之和；年经常性收入 ARR = 12 × MRR。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'revenue',
  interval: 'none',
  value: (r) => ({ value: r.mrr_end, parts: { mrr_start: r.mrr_start, arr: 12 * r.mrr_end } }),
});
