import { defineMetric } from './define.ts';

/** Compensation granted in the period. */
export const compensationPaid = defineMetric({
  id: 'compensation_paid',
  title: { en: 'Compensation paid', 'zh-CN': '补偿支出' },
  description: {
    en: 'Compensation granted in the period: the compensation_granted recorded each time a case entered the follow-up step, summed over every walk of a reopened case (read from the case log). parts.cases: how many grants.',
    'zh-CN':
      '本期发放的补偿：工单每次进入反馈跟踪步骤时记录的 compensation_granted 之和，重开工单的每一轮都计入（取自工单日志）。明细 cases 为发放次数。',
  },
  unit: 'money',
  requires: ['customers'],
  base: 'cases',
  interval: 'none',
  value: (r) => ({ value: r.compensation, parts: { cases: r.compensated } }),
});
