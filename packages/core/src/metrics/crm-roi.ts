import { grossProfit } from './campaign-experiments.ts';
import { defineMetric } from './define.ts';

const NO_CONTROL = {
  en: 'Not measurable: no campaign with a control group was launched in the period.',
  'zh-CN': '无法衡量：本期没有启动设对照组的活动。',
};
const NO_COSTS = {
  en: 'Not measurable: no CRM or retention costs are recorded for the period.',
  'zh-CN': '无法衡量：本期没有记录 CRM 或挽留成本。',
};

/** The CRM investment's return in a period: the campaigns' incremental gross profit against CRM and retention costs. */
export const crmRoiMetric = defineMetric({
  id: 'crm_roi',
  title: { en: 'CRM ROI', 'zh-CN': 'CRM 投资回报率' },
  description: {
    en: "(Incremental gross profit of the campaigns launched in the period − the period's CRM and retention costs, the categories of costs.crm_categories and costs.retention_categories prorated by days) ÷ those costs; the gross profit as in campaign_roi, before the campaigns' own cost. Not measurable (null) without a campaign with a control group launched in the period, or without those costs. Whole business only.",
    'zh-CN':
      '（本期启动活动的增量毛利 − 本期 CRM 与保持成本，即 costs.crm_categories 与 costs.retention_categories 类成本，按天数分摊）÷ 该成本；增量毛利口径同 campaign_roi，未扣活动自身成本。本期没有设对照组的活动启动、或没有这些成本时无法衡量（为空）。仅支持全业务。',
  },
  unit: 'ratio',
  requires: ['campaign_members', 'costs'],
  base: 'campaigns',
  interval: 'none',
  value: (r) => {
    const gross = grossProfit(r);
    if (gross === null && r.crm_cost !== null) return { value: null, reason: NO_CONTROL };
    if (!r.crm_cost && r.crm_cost !== null) return { value: null, reason: NO_COSTS };
    return gross === null || !r.crm_cost
      ? { value: null }
      : { value: (gross - r.crm_cost) / r.crm_cost, parts: { incremental_gross_profit: gross, crm_cost: r.crm_cost } };
  },
});
