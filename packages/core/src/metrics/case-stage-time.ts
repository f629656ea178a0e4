import { defineMetric } from './define.ts';

/** Hours spent in each stage: the median, with the 90th percentile in parts. */
export const caseStageTime = defineMetric({
  id: 'case_stage_time',
  title: { en: 'Time in stage (hours)', 'zh-CN': '各阶段停留时长（小时）' },
  description: {
    en: 'Median hours a case spent in each stage (segment stage: received, diagnosed, planned, implementing, following_up), over the visits that left the stage in the period, from the case log: a visit runs from the event that moved the case in to its next stage change (a reopening starts new visits). parts give the 90th percentile, the mean and n.',
    'zh-CN':
      '按阶段（stage：received、diagnosed、planned、implementing、following_up）统计、本期离开该阶段的停留的中位小时数，取自工单日志：一次停留从工单进入该阶段的事件到其下一次阶段变更（重开会开始新的停留）。明细含 90 分位数、平均值与样本数 n。',
  },
  unit: 'hours',
  requires: ['customers'],
  base: 'case_stages',
  interval: 'none',
  value: (r) => {
    const parts: Record<string, number> = { n: r.n };
    if (r.p90 !== null) parts.p90 = r.p90;
    if (r.mean !== null) parts.mean = r.mean;
    return { value: r.median, parts };
  },
});
