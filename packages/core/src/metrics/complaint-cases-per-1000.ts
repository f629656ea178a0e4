import { defineMetric } from './define.ts';

/** Complaint cases per 1,000 customers active at the period's start: not a proportion, so no interval. */
export const complaintCasesPer1000 = defineMetric({
  id: 'complaint_cases_per_1000',
  title: { en: 'Complaint cases per 1,000 customers', 'zh-CN': '每千客户投诉工单数' },
  description: {
    en: 'Cases of kind complaint opened in the period ÷ customers active at its start (as in churn rate) × 1,000; null when no customer was active. Broken down by a case column, the denominator is every active customer (of the customer segment, if any).',
    'zh-CN':
      '本期新建的投诉类（kind = complaint）工单数 ÷ 期初活跃客户数（与流失率口径一致）× 1000；期初无活跃客户时为空。按工单字段细分时，分母为全部期初活跃客户（如同时按客户维度细分，则为该客户细分的）。',
  },
  unit: 'per_1000',
  requires: ['subscriptions|orders|customers'],
  base: 'cases',
  interval: 'none',
  value: (r) => ({
    value: r.active_start ? (1000 * r.complaints) / r.active_start : null,
    parts: { complaints: r.complaints, active_start: r.active_start },
  }),
});
