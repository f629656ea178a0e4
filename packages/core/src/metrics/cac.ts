import { defineMetric } from './define.ts';
import { cacOf } from './value.ts';

/** Customer acquisition cost = acquisition spend ÷ new customers. */
export const cac = defineMetric({
  id: 'cac',
  title: { en: 'Customer acquisition cost', 'zh-CN': '获客成本（CAC）' },
  description: {
    en: "Acquisition spend in the period ÷ new customers. Spend is the customers' acquisition_cost dated at acquisition, else the acquisition rows of `costs` (whole business only).",
    'zh-CN':
      '本期获客支出 ÷ 新增客户数。支出取客户的获客成本（按获客日期），否则取成本表中的获客类成本（仅限全业务）。',
  },
  unit: 'money',
  requires: ['customers', 'costs'],
  base: 'value',
  interval: 'none',
  value: (r) => ({
    value: cacOf(r),
    ...(r.acquisition_spend !== null ? { numerator: r.acquisition_spend } : {}),
    denominator: r.new_customers,
  }),
});
