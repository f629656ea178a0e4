import { defineMetric, ratio } from './define.ts';

/** Share of satisfied CSAT answers (4–5 of 5). */
export const csat = defineMetric({
  id: 'csat',
  title: { en: 'CSAT', 'zh-CN': '客户满意度（CSAT）' },
  description: {
    en: 'CSAT answers given in the period scoring 4 or 5 on the 1–5 scale ÷ all CSAT answers in the period; parts.mean is the mean score.',
    'zh-CN': '本期 CSAT 问卷中得分为 4 或 5（1–5 分制）的答卷数 ÷ 本期 CSAT 答卷总数；明细 mean 为平均分。',
  },
  unit: 'ratio',
  requires: ['surveys'],
  base: 'satisfaction',
  interval: 'wilson',
  value: (r) => ({ ...ratio(r.csat_top, r.csat_n), ...(r.csat_mean === null ? {} : { parts: { mean: r.csat_mean } }) }),
});
