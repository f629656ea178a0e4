import { defineMetric } from './define.ts';

/** Active buyers = customers with at least one order in the period. */
export const activeBuyers = defineMetric({
  id: 'active_buyers',
  title: { en: 'Active buyers', 'zh-CN': '活跃购买客户数' },
  description: {
    en: 'Customers with at least one order placed in the period (an order at 00:00 on the first day belongs to the new period).',
    'zh-CN': '本期至少下过一单的客户数（期初第一天 00:00 的订单属于新的一期）。',
  },
  unit: 'count',
  requires: ['orders'],
  base: 'purchases',
  interval: 'none',
  value: (r) => ({ value: r.buyers }),
});
