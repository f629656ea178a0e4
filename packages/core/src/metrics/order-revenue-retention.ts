import { defineMetric } from './define.ts';

/** Repeat revenue retention for order-based businesses: a first-order cohort's revenue per period against its first. */
export const orderRevenueRetention = defineMetric({
  id: 'order_revenue_retention',
  title: { en: 'Order revenue retention', 'zh-CN': '订单收入留存' },
  description: {
    en: "For shops without subscriptions: customers grouped by the period of their first order (cohort, within the queried range) and followed by age, the periods since (0 = the first order's period; the row's period is cohort + age). Value: the cohort's order revenue in that period ÷ its order revenue in its first period (NRR-like: may pass 1). parts.capped_share (GRR-like, at most 1): Σ over the cohort's customers of min(their revenue in that period, their revenue in their first period) ÷ the first period's revenue, so customers who spend more than at first do not make up for those who left. parts.buyer_share: share of the cohort who ordered in that period.",
    'zh-CN':
      '适用于无订阅的商店：按首单所在期间（同期群，限查询范围内）分组的客户，按账龄（距首单的期数，0 为首单当期；行的期间 = 同期群 + 账龄）跟踪。取值：该同期群在该期的订单收入 ÷ 其首期订单收入（类似 NRR，可超过 1）。parts.capped_share（类似 GRR，至多为 1）：同期群每位客户 min(该期收入, 其首期收入) 之和 ÷ 首期收入，因此多买的客户不会抵消流失的客户。parts.buyer_share：该期下单的同期群客户占比。',
  },
  unit: 'ratio',
  requires: ['orders'],
  base: 'order_cohorts',
  interval: 'none',
  value: (r) => ({
    value: r.revenue0 ? r.revenue / r.revenue0 : null,
    numerator: r.revenue,
    denominator: r.revenue0,
    parts: {
      cohort_size: r.cohort_size,
      ...(r.revenue0 ? { capped_share: r.capped / r.revenue0 } : {}),
      buyer_share: r.buyers / r.cohort_size,
    },
  }),
});
