import { defineMetric, ratio } from './define.ts';

/**
 * Retention rate as (end − new) ÷ start, the textbook formula. "New" here is everyone not in the start cohort
 * (new and reactivated). It equals 1 − churn − lost_same_period ÷ start: it is lower than 1 − churn exactly
 * by the customers who joined and left within the period, whom it subtracts although they never were in
 * the start cohort.
 */
export const retentionRateEndMinusNew = defineMetric({
  id: 'retention_rate_end_minus_new',
  title: { en: 'Retention rate ((end − new) ÷ start)', 'zh-CN': '留存率（(期末 − 新增) ÷ 期初）' },
  description: {
    en: '(Customers active at end − new − reactivated during the period) ÷ customers active at start. Differs from 1 − churn by the customers who joined and left within the period.',
    'zh-CN':
      '（期末活跃客户数 − 期内新增及回流客户数）÷ 期初活跃客户数。与 1 − 流失率 的差额正是期内新增又流失的客户。',
  },
  unit: 'ratio',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ratio(r.active_end - r.new_customers - r.reactivated, r.active_start),
});
