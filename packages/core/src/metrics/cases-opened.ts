import { defineMetric } from './define.ts';

/** Cases opened in the period. */
export const casesOpened = defineMetric({
  id: 'cases_opened',
  title: { en: 'Cases opened', 'zh-CN': '新建工单数' },
  description: {
    en: 'Cases opened in the period (opened_at in it), of every kind; 0 for a period without any.',
    'zh-CN': '本期新建的工单（opened_at 在本期内）数，含所有类型；无工单的期间为 0。',
  },
  unit: 'count',
  requires: ['customers'],
  base: 'cases',
  interval: 'none',
  value: (r) => ({ value: r.opened }),
});
