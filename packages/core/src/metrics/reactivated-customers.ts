import { defineMetric } from './define.ts';

/** Reactivated customers: Returning customers: active before, not active at the start of the period, active again during it. A reactivation is not a new customer. */
export const reactivatedCustomers = defineMetric({
  id: 'reactivated_customers',
  title: { en: 'Reactivated customers', 'zh-CN': '回流客户数' },
  description: {
    en: 'Returning customers: active before, not active at the start of the period, active again during it. A reactivation is not a new customer.',
    'zh-CN': '曾经活跃、期初不活跃、期内再次活跃的客户数；回流不计为新增。',
  },
  unit: 'count',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({ value: r.reactivated }),
});
