import { defineMetric } from './define.ts';
import { churnedOf } from './flow.ts';

/** Churned customers: Customers active at the start of the period and not at its end. */
export const churnedCustomers = defineMetric({
  id: 'churned_customers',
  title: { en: 'Churned customers', 'zh-CN': '流失客户数' },
  description: {
    en: 'Customers active at the start of the period and not at its end.',
    'zh-CN': '期初活跃、期末不再活跃的客户数。',
  },
  unit: 'count',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({ value: churnedOf(r) }),
});
