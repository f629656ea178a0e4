import { defineMetric } from './define.ts';
import { arpaOf, ltvOf, monthlyChurn } from './value.ts';

/** Simple lifetime value = ARPA × gross margin ÷ monthly churn rate. */
export const ltv = defineMetric({
  id: 'ltv',
  title: { en: 'Customer lifetime value', 'zh-CN': '客户终身价值（LTV）' },
  description: {
    en: 'ARPA × gross margin ÷ monthly churn rate (the period churn converted to a monthly rate). Gross margin comes from tenure.config.json (gross_margin). Model-based CLV comes with the lifetime models.',
    'zh-CN':
      'ARPA × 毛利率 ÷ 月流失率（按期间流失率换算）。毛利率取自配置 gross_margin。基于模型的 CLV 见生命周期模型。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'value',
  interval: 'none',
  value: (r) => {
    const arpa = arpaOf(r);
    const churn = monthlyChurn(r);
    return {
      value: ltvOf(r),
      parts: {
        ...(arpa !== null ? { arpa } : {}),
        ...(churn !== null ? { monthly_churn: churn } : {}),
        margin: r.margin,
      },
    };
  },
});
