import { defineMetric } from './define.ts';
import { PROFIT_GRAINS, profitOf } from './profit.ts';

/**
 * Profit contribution per customer (客户利润贡献): Σ over the segment's customers of revenue minus the costs
 * related to them (the per-customer profit relation, customer-profit.ts), per customer active in the period.
 * The numerator is a sum over customers, so segments add up to the whole business, costs no customer carries
 * included (as the segment '(unallocated)' with a breakdown).
 */
export const profitContribution = defineMetric({
  id: 'profit_contribution',
  title: { en: 'Profit contribution per customer', 'zh-CN': '每客户利润贡献' },
  description: {
    en: "Σ over customers of (subscription revenue + order revenue − cost of revenue − the costs allocated to them) ÷ customers active in the period. Subscription revenue = MRR × the share of each month's days the subscription ran; cost of revenue = orders' cost where given, else revenue × (1 − gross margin); costs are prorated by days and allocated per costs.allocation (acquisition to new customers or their own acquisition cost, service and care by tickets and cases, retention by campaign treatment and retention cases, CRM and product updates per active customer), to the cent; costs no customer can carry are shown as unallocated.",
    'zh-CN':
      '各客户（订阅收入 + 订单收入 − 收入成本 − 分摊到该客户的成本）之和 ÷ 本期活跃客户数。订阅收入 = MRR × 订阅在每月中持续天数的占比；收入成本 = 订单给出的成本，否则为收入 × (1 − 毛利率)；成本按天数分摊到各期，并按 costs.allocation 分摊到客户（获客成本归新客户或其自带的获客成本，服务与关怀按工单和案例，留存按活动实验组与挽留案例，CRM 与产品更新按活跃客户），精确到分；无客户可承担的成本列为未分摊。',
  },
  unit: 'money',
  grains: PROFIT_GRAINS,
  requires: ['subscriptions|orders'],
  base: 'profit',
  interval: 'none',
  value: (r) => {
    const profit = profitOf(r);
    return {
      value: r.active ? profit / r.active : null,
      numerator: profit,
      denominator: r.active,
      parts: {
        subscription_revenue: r.subscription_revenue,
        order_revenue: r.order_revenue,
        cost_of_revenue: r.cost_of_revenue,
        acquisition: r.acquisition,
        retention: r.retention,
        service: r.service,
        care: r.care,
        product_update: r.product_update,
        crm: r.crm,
        unallocated: r.unallocated,
      },
    };
  },
});
