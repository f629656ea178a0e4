import { defineMetric } from './define.ts';

/**
 * Profit contribution per customer: what an average customer of the start cohort contributed in the period
 * after direct costs. Recurring revenue is the mean of MRR at both boundaries times the period's months.
 */
export const profitContribution = defineMetric({
  id: 'profit_contribution',
  title: { en: 'Profit contribution per customer', 'zh-CN': '每客户利润贡献' },
  description: {
    en: '(Recurring revenue × gross margin + order revenue − order costs − retention and service costs) ÷ customers active at the start. Recurring revenue = mean MRR of the period × its months. Costs apply to the whole business only.',
    'zh-CN':
      '（经常性收入 × 毛利率 + 订单收入 − 订单成本 − 留存与服务成本）÷ 期初活跃客户数。经常性收入 = 期内平均 MRR × 月数。成本仅计入全业务。',
  },
  unit: 'money',
  requires: ['subscriptions|orders', 'costs'],
  base: 'value',
  interval: 'none',
  value: (r) => {
    const recurring = (((r.mrr_start ?? 0) + (r.mrr_end ?? 0)) / 2) * r.months;
    const costs = (r.retention_costs ?? 0) + (r.service_costs ?? 0);
    const profit = recurring * r.margin + r.order_revenue - r.order_cogs - costs;
    return {
      value: r.active_start ? profit / r.active_start : null,
      numerator: profit,
      denominator: r.active_start,
      parts: { recurring_revenue: recurring, order_revenue: r.order_revenue, order_cogs: r.order_cogs, costs },
    };
  },
});
