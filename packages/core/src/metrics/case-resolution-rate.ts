import { defineMetric, ratio } from './define.ts';

/** Share of the period's cases that are closed. */
export const caseResolutionRate = defineMetric({
  id: 'case_resolution_rate',
  title: { en: 'Case resolution rate', 'zh-CN': '工单结案率' },
  description: {
    en: 'Cases opened in the period that are closed now ÷ cases opened in the period (cancelled and open cases are not resolved).',
    'zh-CN': '本期新建的工单中当前已结案的数量 ÷ 本期新建的工单数（已取消及未结案的不算）。',
  },
  unit: 'ratio',
  requires: ['customers'],
  base: 'cases',
  interval: 'wilson',
  value: (r) => ratio(r.resolved, r.opened),
});
