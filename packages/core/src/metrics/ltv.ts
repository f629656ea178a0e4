import { defineMetric } from './define.ts';
import { arpaOf, ltvInterval, ltvOf, monthlyChurn } from './value.ts';

/** Simple lifetime value = ARPA × gross margin ÷ monthly churn rate. */
export const ltv = defineMetric({
  id: 'ltv',
  title: { en: 'Customer lifetime value', 'zh-CN': '客户终身价值（LTV）' },
  description: {
    en: 'ARPA × gross margin ÷ monthly churn rate (the period churn converted to a monthly rate). Gross margin comes from tenure.config.json (gross_margin). The 95 % interval is that of the churn rate (Wilson) carried through the formula, ARPA and margin taken as known: a small base makes it wide. Model-based CLV (the lifetime models) is the steadier figure beside it.',
    'zh-CN':
      'ARPA × 毛利率 ÷ 月流失率（按期间流失率换算）。毛利率取自配置 gross_margin。95% 区间由流失率的 Wilson 区间代入公式得出（ARPA 与毛利率视为已知）：客户基数小时区间较宽。基于模型的 CLV（生命周期模型）是更稳定的参考值。',
  },
  unit: 'money',
  requires: ['subscriptions'],
  base: 'value',
  interval: 'own',
  value: (r) => {
    const arpa = arpaOf(r);
    const churn = monthlyChurn(r);
    const ci = ltvInterval(r);
    return {
      value: ltvOf(r),
      ...(ci ? { ci } : {}),
      parts: {
        ...(arpa !== null ? { arpa } : {}),
        ...(churn !== null ? { monthly_churn: churn } : {}),
        margin: r.margin,
      },
    };
  },
});
