import { defineMetric } from './define.ts';

/** Purchase frequency = orders ÷ active buyers. */
export const purchaseFrequency = defineMetric({
  id: 'purchase_frequency',
  title: { en: 'Purchase frequency', 'zh-CN': '购买频次' },
  description: {
    en: 'Orders placed in the period ÷ customers with at least one order in it (orders per active buyer).',
    'zh-CN': '本期订单数 ÷ 本期至少下过一单的客户数（每位活跃购买客户的订单数）。',
  },
  unit: 'multiple',
  requires: ['orders'],
  base: 'purchases',
  interval: 'none',
  // Not numerator/denominator: those are reserved for proportions (Wilson intervals, significance tests).
  value: (r) => ({ value: r.buyers ? r.orders / r.buyers : null, parts: { orders: r.orders, buyers: r.buyers } }),
});
