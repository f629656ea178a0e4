import { defineMetric } from './define.ts';

/**
 * Customer growth rate (客户增长率) = (customers active at the period's end − at its start) ÷ at its start: new and
 * reactivated customers less those lost, as a share of the base. Not a proportion of anyone (it may be negative,
 * and pass 100 %), so no interval and no test of rates; its ingredients are in parts.
 */
export const customerGrowthRate = defineMetric({
  id: 'customer_growth_rate',
  title: { en: 'Customer growth rate', 'zh-CN': '客户增长率' },
  description: {
    en: '(Customers active at the end of the period − customers active at its start) ÷ customers active at its start, as a percentage; null when no customer was active at the start.',
    'zh-CN': '（期末活跃客户数 − 期初活跃客户数）÷ 期初活跃客户数，以百分比表示；期初无活跃客户时为空。',
  },
  unit: 'growth',
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({
    value: r.active_start ? (r.active_end - r.active_start) / r.active_start : null,
    parts: { active_start: r.active_start, active_end: r.active_end },
  }),
});
