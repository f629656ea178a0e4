import { defineMetric } from './define.ts';

/** Mean customer effort score. */
export const ces = defineMetric({
  id: 'ces',
  title: { en: 'Customer effort score (CES)', 'zh-CN': '客户费力度（CES）' },
  description: {
    en: 'Mean score of CES answers given in the period on the 1–7 scale; parts.n is the number of answers.',
    'zh-CN': '本期 CES 答卷（1–7 分制）的平均分；明细 n 为答卷数。',
  },
  unit: 'score',
  requires: ['surveys'],
  base: 'satisfaction',
  interval: 'none',
  value: (r) => ({ value: r.ces_n ? r.ces_mean : null, parts: { n: r.ces_n } }),
});
