import { defineMetric, ratio } from './define.ts';

/** Share of the period's closed cases that were reopened. */
export const caseReopenRate = defineMetric({
  id: 'case_reopen_rate',
  title: { en: 'Case reopen rate', 'zh-CN': '工单重开率' },
  description: {
    en: 'Cases opened in the period that were reopened at least once ÷ cases opened in the period that were ever closed (closed now, or reopened).',
    'zh-CN': '本期新建的工单中至少重开过一次的数量 ÷ 本期新建且曾经结案（当前已结案或曾重开）的工单数。',
  },
  unit: 'ratio',
  requires: ['customers'],
  base: 'cases',
  interval: 'wilson',
  value: (r) => ratio(r.reopened, r.ever_closed),
});
