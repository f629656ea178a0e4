import { defineMetric } from './define.ts';

/** Cohort retention: per acquisition cohort and age, the share of the cohort still active, returning, and its revenue. */
export const cohortRetention = defineMetric({
  id: 'cohort_retention',
  title: { en: 'Cohort retention', 'zh-CN': '同期群留存' },
  description: {
    en: "Customers grouped by the period of their first activity (cohort, within the queried range) and followed by age, the periods since (0 = the acquisition period; the row's period is cohort + age). Value: share of the cohort still active at the end of that period (parts.active_share). parts.returned_share: share with activity in that period (an order, or being active at some moment of it). parts.revenue_share: MRR at the end of that period ÷ MRR at the end of the acquisition period (subscriptions), or order revenue in that period ÷ in the acquisition period (orders).",
    'zh-CN':
      '按首次活跃所在期间（同期群，限查询范围内）分组的客户，按账龄（距获客的期数，0 为获客当期；行的期间 = 同期群 + 账龄）跟踪。取值：该期末仍活跃的比例（parts.active_share）。parts.returned_share：该期内有活动（下单，或期内任一时刻活跃）的比例。parts.revenue_share：该期末 MRR ÷ 获客当期末 MRR（订阅），或该期订单收入 ÷ 获客当期订单收入（订单）。',
  },
  unit: 'ratio',
  requires: ['subscriptions|orders|customers'],
  base: 'cohorts',
  interval: 'wilson',
  value: (r) => ({
    value: r.active / r.cohort_size,
    numerator: r.active,
    denominator: r.cohort_size,
    parts: {
      cohort_size: r.cohort_size,
      active_share: r.active / r.cohort_size,
      returned_share: r.returned / r.cohort_size,
      ...(r.money0 ? { revenue_share: r.money / r.money0 } : {}),
    },
  }),
});
