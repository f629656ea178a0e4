import { defineMetric, ratio } from './define.ts';

/** Share of the period's tickets that are resolved. */
export const resolutionRate = defineMetric({
  id: 'resolution_rate',
  title: { en: 'Resolution rate', 'zh-CN': '工单解决率' },
  description: {
    en: 'Tickets opened in the period that are resolved (status resolved or closed, or a resolution time) ÷ tickets opened in the period.',
    'zh-CN': '本期受理的工单中已解决（状态为已解决或已关闭，或有解决时间）的数量 ÷ 本期受理的工单数。',
  },
  unit: 'ratio',
  requires: ['tickets'],
  base: 'service',
  interval: 'wilson',
  value: (r) => ratio(r.resolved, r.tickets),
});
