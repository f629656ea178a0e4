import { defineMetric } from './define.ts';
import { npsValue } from './satisfaction.ts';

/** Employee net promoter score. */
export const enps = defineMetric({
  id: 'enps',
  title: { en: 'Employee NPS (eNPS)', 'zh-CN': '员工净推荐值（eNPS）' },
  description: {
    en: 'NPS of employee survey answers given in the period: % promoters (9–10) − % detractors (0–6), −100 to 100. Employees have no customer segment, so it is reported only for everyone, neither broken down by segment nor filtered.',
    'zh-CN':
      '本期员工问卷的净推荐值：推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，−100 至 100。员工不属于客户细分，仅在不分组、不筛选时给出。',
  },
  unit: 'score',
  requires: ['surveys'],
  base: 'satisfaction',
  interval: 'none',
  value: (r) => npsValue(r.enps_n, r.enps_promoters, r.enps_detractors),
});
