import { defineMetric } from './define.ts';
import { PROFIT_GRAINS } from './profit.ts';

/**
 * CAC ÷ retention cost per retained customer-year: the handbook's "a new customer costs 5–10× an existing one",
 * measured on the user's own data. A customer-year, not a period's head count, so a month and a year compare:
 * the period's retention spending over the customers it kept (active at the start, not churned) times its length
 * in years. Both costs come from the profit relation (prorated, allocated to customers), so segments have theirs.
 */
export const acquisitionRetentionRatio = defineMetric({
  id: 'acquisition_retention_ratio',
  title: { en: 'Acquisition vs retention cost', 'zh-CN': '获客成本与保留成本之比' },
  description: {
    en: 'CAC (acquisition costs — costs.acquisition_categories and customers’ own acquisition cost — ÷ new customers) ÷ retention cost per retained customer-year (costs of costs.retention_categories ÷ (customers active at the start and not churned × the period in years)); how many years of keeping a customer one new customer costs. Costs prorated by days and allocated to customers. Null without acquisition or retention costs.',
    'zh-CN':
      '获客成本（获客成本 — costs.acquisition_categories 与客户自带的获客成本 — ÷ 新增客户数）÷ 每保留客户年的保留成本（costs.retention_categories 类成本 ÷（期初活跃且未流失的客户数 × 期长年数））；即获取一个新客户的成本相当于保留一个老客户多少年。成本按天数分摊并分摊到客户。无获客或保留成本时为空。',
  },
  unit: 'multiple',
  grains: PROFIT_GRAINS,
  requires: ['costs'],
  base: 'profit',
  interval: 'none',
  value: (r) => {
    const cac = r.new_customers && r.acquisition_known ? r.acquisition_costs / r.new_customers : null;
    const years = ((r.active_start - r.churned) * r.months) / 12;
    const perYear = r.retention_known && r.retention_costs && years > 0 ? r.retention_costs / years : null;
    return {
      value: cac !== null && perYear ? cac / perYear : null,
      parts: {
        ...(cac !== null ? { cac } : {}),
        ...(perYear !== null ? { retention_cost_per_customer_year: perYear } : {}),
      },
    };
  },
});
