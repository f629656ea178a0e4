import { defineMetric } from './define.ts';
import { timeValue } from './service.ts';

/** Hours from opening to first response, for tickets opened in the period. */
export const firstResponseTime = defineMetric({
  id: 'first_response_time',
  title: { en: 'First response time (hours)', 'zh-CN': '首次响应时长（小时）' },
  description: {
    en: 'Mean hours from a ticket’s opening to its first response, over tickets opened in the period that were answered; parts give the median, 90th percentile, n and the unanswered tickets left out (missing).',
    'zh-CN':
      '本期受理且已响应工单从受理到首次响应的平均小时数；明细含中位数、90 分位数、样本数 n 及未响应而排除的工单数（missing）。',
  },
  unit: 'hours',
  requires: ['tickets'],
  base: 'service',
  interval: 'none',
  value: (r) => timeValue(r.frt_n, r.tickets, r.frt_mean, r.frt_median, r.frt_p90),
});
