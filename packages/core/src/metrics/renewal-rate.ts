import { defineMetric, ratio } from './define.ts';

/** Renewal rate = subscription terms ending in the period that were renewed ÷ terms ending in it. */
export const renewalRate = defineMetric({
  id: 'renewal_rate',
  title: { en: 'Renewal rate', 'zh-CN': '续约率' },
  description: {
    en: 'Of the subscription terms ending in the period — an ended_at in it, or for yearly billing an anniversary of started_at in it while the subscription is still running — the share renewed: the same customer has a subscription active at the end + grace days, or starts another within grace days of the end.',
    'zh-CN':
      '本期到期的订阅期（ended_at 落在本期，或年付订阅在仍有效时其开始日期的周年日落在本期）中已续约的比例：同一客户在到期日 + 宽限天数时仍有有效订阅，或在到期后宽限天数内开始新订阅。',
  },
  unit: 'ratio',
  requires: ['subscriptions'],
  base: 'renewals',
  interval: 'wilson',
  value: (r) => ratio(r.renewed, r.term_ends),
});
