import { defineMetric } from './define.ts';
import { npsValue } from './satisfaction.ts';

/** Net promoter score of customers. */
export const nps = defineMetric({
  id: 'nps',
  title: { en: 'Net promoter score (NPS)', 'zh-CN': '净推荐值（NPS）' },
  description: {
    en: '% promoters (9–10) − % detractors (0–6) among NPS answers given in the period, in points from −100 to 100; null without answers.',
    'zh-CN': '本期 NPS 答卷中推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，取值 −100 至 100；无答卷时为空。',
  },
  unit: 'score',
  requires: ['surveys'],
  base: 'satisfaction',
  interval: 'none',
  value: (r) => npsValue(r.nps_n, r.nps_promoters, r.nps_detractors),
});
