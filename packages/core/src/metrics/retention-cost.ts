import { defineMetric, ratio } from './define.ts';

/** Retention spending per customer active at the period's start. */
export const retentionCost = defineMetric({
  id: 'retention_cost_per_customer',
  title: { en: 'Retention cost per customer', 'zh-CN': '每客户留存成本' },
  description: {
    en: 'Costs of category retention whose period starts in the period ÷ customers active at its start (whole business).',
    'zh-CN': '本期开始的留存类成本 ÷ 期初活跃客户数（仅全业务）。',
  },
  unit: 'money',
  requires: ['costs'],
  base: 'value',
  interval: 'none',
  value: (r) => (r.retention_costs === null ? { value: null } : ratio(r.retention_costs, r.active_start)),
});
