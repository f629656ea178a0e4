import { defineMetric, ratio } from './define.ts';

/**
 * Repurchase rate = buyers of the period who had bought before the period started ÷ buyers of the period.
 * Chosen over "bought twice within the period" because that one measures frequency (purchase_frequency
 * already does) and shrinks towards zero at finer grains, while coming back across periods is retention.
 */
export const repurchaseRate = defineMetric({
  id: 'repurchase_rate',
  title: { en: 'Repurchase rate', 'zh-CN': '复购率' },
  description: {
    en: 'Buyers of the period whose first order ever (all history, not only the queried range) was placed before the period started ÷ buyers of the period. Returning across periods, not ordering twice within one: that is purchase_frequency, and it would fall towards zero at day or week grain.',
    'zh-CN':
      '本期购买客户中，首单（全部历史，不限查询范围）早于本期开始的客户数 ÷ 本期购买客户数。衡量跨期回购，而非期内多次下单（那是 purchase_frequency，且在日、周粒度下趋近于零）。',
  },
  unit: 'ratio',
  requires: ['orders'],
  base: 'purchases',
  interval: 'wilson',
  value: (r) => ratio(r.returning_buyers, r.buyers),
});
