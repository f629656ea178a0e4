import { defineMetric } from './define.ts';
import { cacOf } from './value.ts';

/**
 * CAC ÷ retention cost per retained customer-year: the handbook's "a new customer costs 5–10× an existing one",
 * measured on the user's own data. A customer-year, not a period's head count, so a month and a year compare:
 * the period's retention spending over the customers it kept (active at the start, not churned) times its length
 * in years.
 */
export const acquisitionRetentionRatio = defineMetric({
  id: 'acquisition_retention_ratio',
  title: { en: 'Acquisition vs retention cost', 'zh-CN': '获客成本与保留成本之比' },
  description: {
    en: 'CAC (acquisition spending ÷ new customers) ÷ retention cost per retained customer-year (retention costs of the period ÷ (customers active at its start and not churned × the period in years)); how many years of keeping a customer one new customer costs. Null without acquisition or retention costs.',
    'zh-CN':
      '获客成本（获客支出 ÷ 新增客户数）÷ 每保留客户年的保留成本（本期保留成本 ÷（期初活跃且未流失的客户数 × 期长年数））；即获取一个新客户的成本相当于保留一个老客户多少年。无获客或保留成本时为空。',
  },
  unit: 'multiple',
  requires: ['costs'],
  base: 'value',
  interval: 'none',
  value: (r) => {
    const cac = cacOf(r);
    const years = ((r.active_start - r.churned) * r.months) / 12;
    const perYear = r.retention_costs !== null && years > 0 ? r.retention_costs / years : null;
    return {
      value: cac !== null && perYear ? cac / perYear : null,
      parts: {
        ...(cac !== null ? { cac } : {}),
        ...(perYear !== null ? { retention_cost_per_customer_year: perYear } : {}),
      },
    };
  },
});
