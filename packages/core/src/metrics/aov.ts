import { defineMetric } from './define.ts';

/** Average order value = order revenue ÷ orders. */
export const aov = defineMetric({
  id: 'aov',
  title: { en: 'Average order value', 'zh-CN': '客单价（平均订单金额）' },
  description: {
    en: 'Sum of order amounts in the period ÷ orders placed in it.',
    'zh-CN': '本期订单金额合计 ÷ 本期订单数。',
  },
  unit: 'money',
  requires: ['orders'],
  base: 'purchases',
  interval: 'none',
  value: (r) => ({ value: r.orders ? r.revenue / r.orders : null, parts: { revenue: r.revenue, orders: r.orders } }),
});
