import { churnDifference } from './campaign-experiments.ts';
import { defineMetric } from './define.ts';

/** What the period's campaigns did to churn: control churn − treatment churn within their outcome windows. */
export const campaignChurnDifference = defineMetric({
  id: 'campaign_churn_difference',
  title: { en: 'Campaign churn reduction', 'zh-CN': '活动流失率降低' },
  description: {
    en: 'Members of the campaigns launched in the period: churn within the outcome window in the control arm − in the treatment arm (intention to treat, the data as it stands; positive = fewer churned). Intervals per campaign: tenure campaigns measure.',
    'zh-CN':
      '本期启动的活动成员：对照组结果观察期内流失率 − 实验组流失率（意向性分析，以现有数据为准；正值表示流失更少）。单个活动的置信区间见 tenure campaigns measure。',
  },
  unit: 'ratio',
  requires: ['campaign_members', 'subscriptions|orders|customers'],
  base: 'campaigns',
  interval: 'none',
  value: (r) => ({
    value: churnDifference(r),
    parts: {
      treated: r.treated,
      treated_churned: r.treated_churned,
      control: r.control,
      control_churned: r.control_churned,
    },
  }),
});
