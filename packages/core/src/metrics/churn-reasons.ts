import { defineMetric } from './define.ts';

/** Churn reasons: events per reason, their share, the Pareto running share and the MRR they took. */
export const churnReasons = defineMetric({
  id: 'churn_reasons',
  title: { en: 'Churn reasons', 'zh-CN': '流失原因' },
  description: {
    en: 'Churn events of the period per reason (empty reasons are "unknown"). Parts: share of the period\'s events; cumulative_share, the Pareto running share with reasons sorted by count (then name), ending at 1; mrr_lost, the MRR of the churned customers\' subscriptions active just before they churned.',
    'zh-CN':
      '本期各流失原因的流失事件数（原因为空记为 unknown）。组成：占本期事件的比例；cumulative_share，按数量降序（再按名称）排列的帕累托累计占比，最后为 1；mrr_lost，流失客户在流失前一刻有效订阅的 MRR。',
  },
  unit: 'count',
  requires: ['churn_events'],
  base: 'churn_reasons',
  interval: 'none',
  value: (r) => ({
    value: r.n,
    parts: { share: r.n / r.total, cumulative_share: r.cumulative / r.total, mrr_lost: r.mrr_lost },
  }),
});
