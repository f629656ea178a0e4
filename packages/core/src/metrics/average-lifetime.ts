import { defineMetric } from './define.ts';

/** Average lifetime (steady-state estimate) = 1 ÷ monthly churn rate, in months. */
export const averageLifetime = defineMetric({
  id: 'average_lifetime',
  title: { en: 'Average customer lifetime', 'zh-CN': '平均客户生命周期' },
  description: {
    en: "Months: 1 ÷ the month's churn rate = customers active at its start ÷ customers lost during it. The steady-state estimate: the mean lifetime if that churn rate held forever (a constant hazard); empty for a month without churn. Monthly grain only.",
    'zh-CN':
      '单位为月：1 ÷ 当月流失率 = 月初活跃客户数 ÷ 当月流失客户数。稳态估计：假设该流失率永远不变（恒定风险）时的平均生命周期；无流失的月份为空。仅支持按月。',
  },
  unit: 'months',
  grains: ['month'],
  requires: ['subscriptions|orders|customers'],
  base: 'flow',
  interval: 'none',
  value: (r) => ({
    value: r.churned ? r.active_start / r.churned : null,
    parts: { active_start: r.active_start, churned: r.churned },
  }),
});
