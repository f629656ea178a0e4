import { defineMetric, ratio } from './define.ts';
import { PROFIT_GRAINS } from './profit.ts';

/**
 * Retention cost per customer (客户保持成本): care, after-sales service and product updates included. Costs are
 * prorated by days and carried by customers (the profit relation's allocation), so a breakdown gives each
 * segment its own costs and the segments add up.
 */
export const retentionCost = defineMetric({
  id: 'retention_cost_per_customer',
  title: { en: 'Retention cost per customer', 'zh-CN': '每客户保持成本' },
  description: {
    en: 'Costs of the retention categories (costs.retention_categories, default retention, service, care and product_update), prorated by days to the period and allocated to customers per costs.allocation, ÷ customers active at its start. Null without any cost row of those categories.',
    'zh-CN':
      '保持成本类别（costs.retention_categories，默认 retention、service、care、product_update）的成本，按天数分摊到本期并按 costs.allocation 分摊到客户，÷ 期初活跃客户数。无这些类别的成本行时为空。',
  },
  unit: 'money',
  grains: PROFIT_GRAINS,
  requires: ['costs'],
  base: 'profit',
  interval: 'none',
  value: (r) => (r.retention_known ? ratio(r.retention_costs, r.active_start) : { value: null }),
});
