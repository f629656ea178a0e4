import { defineMetric } from './define.ts';

/** Cases closed in the period. */
export const casesClosed = defineMetric({
  id: 'cases_closed',
  title: { en: 'Cases closed', 'zh-CN': '结案工单数' },
  description: {
    en: 'Cases closed in the period (stage closed, closed_at in it; cancelled cases are not closed).',
    'zh-CN': '本期结案的工单数（阶段为 closed 且 closed_at 在本期内；已取消的工单不算结案）。',
  },
  unit: 'count',
  requires: ['customers'],
  base: 'cases',
  interval: 'none',
  value: (r) => ({ value: r.closed }),
});
