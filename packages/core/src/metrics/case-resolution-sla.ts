import { defineMetric, ratio } from './define.ts';

/** Share of settled resolution targets met, per SLA policy. */
export const caseResolutionSla = defineMetric({
  id: 'case_resolution_sla',
  title: { en: 'Resolution SLA compliance (cases)', 'zh-CN': '工单解决 SLA 达标率' },
  description: {
    en: 'Per SLA policy (segment policy): cases opened in the period closed by their resolution_due ÷ those whose target is settled (closed, or still open past the due time: breached). Open cases within their target are pending (parts.pending); cancelled cases and cases without a policy are left out.',
    'zh-CN':
      '按 SLA 策略（policy）统计：本期新建、在 resolution_due 之前结案的工单数 ÷ 目标已有结果的工单数（已结案，或超过期限仍未结案即违约）。尚在期限内的未结工单为待定（明细 pending）；已取消及无策略的工单不计。',
  },
  unit: 'ratio',
  requires: ['customers'],
  base: 'case_sla',
  interval: 'wilson',
  value: (r) => ({
    ...ratio(r.res_met, r.res_met + r.res_breached),
    parts: { pending: r.res_cases - r.res_met - r.res_breached },
  }),
});
