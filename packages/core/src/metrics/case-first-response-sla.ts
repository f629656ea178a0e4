import { defineMetric, ratio } from './define.ts';

/** Share of settled first-response targets met, per SLA policy. */
export const caseFirstResponseSla = defineMetric({
  id: 'case_first_response_sla',
  title: { en: 'First-response SLA compliance (cases)', 'zh-CN': '工单首次响应 SLA 达标率' },
  description: {
    en: 'Per SLA policy (segment policy): cases opened in the period answered by their first_response_due ÷ those whose target is settled (answered, or unanswered past the due time: breached). Cases still within their target are pending (parts.pending) and in neither count; cases without a policy are left out.',
    'zh-CN':
      '按 SLA 策略（policy）统计：本期新建、在 first_response_due 之前首次响应的工单数 ÷ 目标已有结果的工单数（已响应，或超过期限仍未响应即违约）。尚在期限内的工单为待定（明细 pending），不计入分子分母；无策略的工单不计。',
  },
  unit: 'ratio',
  requires: ['customers'],
  base: 'case_sla',
  interval: 'wilson',
  value: (r) => ({
    ...ratio(r.fr_met, r.fr_met + r.fr_breached),
    parts: { pending: r.fr_cases - r.fr_met - r.fr_breached },
  }),
});
