import { defineMetric } from './define.ts';
import { cacOf, ltvOf } from './value.ts';

/** LTV ÷ CAC: above 3 is the usual rule of thumb for healthy unit economics. */
export const ltvCac = defineMetric({
  id: 'ltv_cac',
  title: { en: 'LTV : CAC', 'zh-CN': 'LTV 与 CAC 之比' },
  description: {
    en: 'Customer lifetime value ÷ customer acquisition cost, same period.',
    'zh-CN': '同期客户终身价值 ÷ 获客成本。',
  },
  unit: 'multiple',
  requires: ['subscriptions', 'customers', 'costs'],
  base: 'value',
  interval: 'none',
  value: (r) => {
    const l = ltvOf(r);
    const c = cacOf(r);
    return { value: l !== null && c ? l / c : null };
  },
});
