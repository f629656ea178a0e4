import { defineMetric } from './define.ts';

/** Complaints opened per 1,000 customers active at the period's start (service requests and inquiries are not). */
export const complaintsPer1000 = defineMetric({
  id: 'complaints_per_1000',
  title: { en: 'Complaints per 1,000 customers', 'zh-CN': '每千客户投诉量' },
  description: {
    en: 'Complaints opened in the period (tickets of kind complaint, or of no kind given; service requests and inquiries are not counted) ÷ customers active at its start (as in churn rate) × 1,000; null when no customer was active at the start.',
    'zh-CN':
      '本期受理的投诉数（类型为投诉或未填类型的工单；服务请求和咨询不计）÷ 期初活跃客户数（与流失率口径一致）× 1000；期初无活跃客户时为空。',
  },
  unit: 'per_1000',
  requires: ['tickets', 'subscriptions|orders|customers'],
  base: 'service',
  interval: 'none',
  // Ingredients in parts, not numerator/denominator: it is not a proportion (tickets may exceed customers),
  // so it must get neither a Wilson interval nor the per-segment chi-square test of rates.
  value: (r) => ({
    value: r.active_start ? (1000 * r.complaints) / r.active_start : null,
    parts: { complaints: r.complaints, tickets: r.tickets, active_start: r.active_start },
  }),
});
