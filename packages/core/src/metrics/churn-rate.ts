import { defineMetric, ratio } from './define.ts';
import { churnedOf } from './flow.ts';

/** Churn rate = customers lost during the period ÷ customers active at its start. */
export const churnRate = defineMetric({
  id: 'churn_rate',
  title: { en: 'Churn rate', 'zh-CN': '流失率' },
  description: {
    en: "Customers active at the start of the period and not at its end ÷ customers active at the start. Customers who join and leave within the period are not counted unless churn.count_same_period is true (the Baremetrics convention; the default is ChartMogul's).",
    'zh-CN':
      '期初活跃且期末不再活跃的客户数 ÷ 期初活跃客户数。期内新增并在期内流失的客户默认不计入（可通过 churn.count_same_period 计入）。',
  },
  unit: 'ratio',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'wilson',
  value: (r) => ratio(churnedOf(r), r.active_start),
});
