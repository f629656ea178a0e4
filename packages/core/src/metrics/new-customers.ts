import { defineMetric } from './define.ts';

/** New customers: Customers whose first activity starts in the period. */
export const newCustomers = defineMetric({
  id: 'new_customers',
  title: { en: 'New customers', 'zh-CN': '新增客户数' },
  description: {
    en: 'Customers whose first activity starts in the period.',
    'zh-CN': '首次开始活跃在本期内的客户数。',
  },
  unit: 'count',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({ value: r.new_customers }),
});
