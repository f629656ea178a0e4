import { defineMetric, ratio } from './define.ts';
import { churnedOf } from './flow.ts';

/** Retention rate = 1 − churn rate: the share of the start-of-period customers still active at its end. */
export const retentionRate = defineMetric({
  id: 'retention_rate',
  title: { en: 'Retention rate (1 − churn)', 'zh-CN': '留存率（1 − 流失率）' },
  description: {
    en: '(Customers active at start − churned) ÷ customers active at start = 1 − churn rate.',
    'zh-CN': '（期初活跃客户数 − 流失客户数）÷ 期初活跃客户数 = 1 − 流失率。',
  },
  unit: 'ratio',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'wilson',
  value: (r) => ratio(r.active_start - churnedOf(r), r.active_start),
});
