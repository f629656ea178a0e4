import { defineMetric } from './define.ts';
import { timeValue } from './service.ts';

/** Hours from opening to resolution, for tickets opened in the period. */
export const resolutionTime = defineMetric({
  id: 'resolution_time',
  title: { en: 'Resolution time (hours)', 'zh-CN': '解决时长（小时）' },
  description: {
    en: 'Mean hours from a ticket’s opening to its resolution, over tickets opened in the period that have a resolution time; parts give the median, 90th percentile, n and the tickets without one (missing).',
    'zh-CN':
      '本期受理且有解决时间的工单从受理到解决的平均小时数；明细含中位数、90 分位数、样本数 n 及无解决时间而排除的工单数（missing）。',
  },
  unit: 'hours',
  requires: ['tickets'],
  base: 'service',
  interval: 'none',
  value: (r) => timeValue(r.res_n, r.tickets, r.res_mean, r.res_median, r.res_p90),
});
