import { defineMetric } from './define.ts';

/** Win–loss by competitor: churn events lost to each named competitor, per reason, their MRR and how many came back. */
export const churnByCompetitor = defineMetric({
  id: 'churn_by_competitor',
  title: { en: 'Churn by competitor', 'zh-CN': '竞争对手流失' },
  description: {
    en: 'Churn events of the period that name the competitor the customer went to (imported, or filled by a confirmed exit mapping), per competitor and reason (empty reasons are "unknown"); events naming no competitor are left out. Parts: share, of all the period\'s churn events; mrr_lost, the MRR of the churned customers\' subscriptions active just before they churned; won_back, how many of them later started a subscription or placed an order (at any time up to the end of the data, counted in the period of the loss); won_back_share, won_back ÷ the events.',
    'zh-CN':
      '本期注明客户流向哪家竞争对手的流失事件（导入的，或由已确认的离网归因补全），按竞争对手和原因统计（原因为空记为 unknown）；未注明竞争对手的事件不计入。组成：share，占本期全部流失事件的比例；mrr_lost，流失客户在流失前一刻有效订阅的 MRR；won_back，其中此后（截至数据末尾的任何时间，计入流失所在期间）又开始订阅或下单的客户数；won_back_share，won_back ÷ 事件数。',
  },
  unit: 'count',
  requires: ['churn_events'],
  base: 'churn_competitors',
  interval: 'none',
  value: (r) => ({
    value: r.n,
    parts: { share: r.n / r.total, mrr_lost: r.mrr_lost, won_back: r.won_back, won_back_share: r.won_back / r.n },
  }),
});
