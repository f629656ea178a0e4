import { defineMetric } from './define.ts';
import { arpaOf, cacOf } from './value.ts';

/** Months of gross margin from one customer needed to repay their acquisition cost. */
export const cacPayback = defineMetric({
  id: 'cac_payback_months',
  title: { en: 'CAC payback (months)', 'zh-CN': 'CAC 回收期（月）' },
  description: { en: 'CAC ÷ (ARPA × gross margin).', 'zh-CN': '获客成本 ÷（ARPA × 毛利率）。' },
  unit: 'months',
  requires: ['subscriptions', 'customers', 'costs'],
  base: 'value',
  interval: 'none',
  value: (r) => {
    const c = cacOf(r);
    const a = arpaOf(r);
    return { value: c !== null && a ? c / (a * r.margin) : null };
  },
});
