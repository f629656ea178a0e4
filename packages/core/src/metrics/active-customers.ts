import { defineMetric } from './define.ts';

/** Active customers: Customers active at the end of the period (at the start of the next). */
export const activeCustomers = defineMetric({
  id: 'active_customers',
  title: { en: 'Active customers', 'zh-CN': '活跃客户数' },
  description: {
    en: 'Customers active at the end of the period (at the start of the next).',
    'zh-CN': '期末活跃客户数（即下期期初）。',
  },
  unit: 'count',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({ value: r.active_end }),
});
