import { grossProfit } from './campaign-experiments.ts';
import { defineMetric } from './define.ts';

/** The return on the period's campaigns: (incremental gross profit − their cost) ÷ their cost. */
export const campaignRoi = defineMetric({
  id: 'campaign_roi',
  title: { en: 'Campaign ROI', 'zh-CN': '活动投资回报率' },
  description: {
    en: 'Campaigns launched in the period: (saved customers × value × gross margin − cost) ÷ cost, where saved = churn reduction × treated, value = monthly revenue per member at launch × the lifetime the control churn implies (window months ÷ churn, at most 120), cost = fixed cost + cost per contact × treated (or the imported total). Null without cost.',
    'zh-CN':
      '本期启动的活动：（挽留客户数 × 客户价值 × 毛利率 − 成本）÷ 成本。挽留客户数 = 流失率降低 × 实验组人数；客户价值 = 启动时人均月收入 × 对照组流失率推算的生命周期（观察期月数 ÷ 流失率，最多 120 个月）；成本 = 固定成本 + 单次接触成本 × 实验组人数（或导入的总成本）。无成本时为空。',
  },
  unit: 'ratio',
  requires: ['campaign_members', 'subscriptions|orders|customers'],
  base: 'campaigns',
  interval: 'none',
  value: (r) => {
    const gross = grossProfit(r);
    return gross === null || !r.cost
      ? { value: null }
      : { value: (gross - r.cost) / r.cost, parts: { incremental_gross_profit: gross, cost: r.cost } };
  },
});
