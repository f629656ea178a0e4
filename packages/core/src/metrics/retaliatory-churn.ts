import { defineMetric } from './define.ts';

/** Churn events that are retaliatory candidates (retaliatory.ts). */
export const retaliatoryChurnMetric = defineMetric({
  id: 'retaliatory_churn',
  title: { en: 'Retaliatory churn candidates', 'zh-CN': '报复性流失候选' },
  description: {
    en: 'Churn events of the period within churn.retaliatory_window_days (default 30) after a complaint case of the same customer closed unsatisfied or after its resolution due time. parts.marked: those the churn taxonomy counts as involuntary/retaliatory (the event named no category and not the voluntary kind; an imported value is kept); parts.churns: the period’s churn events; parts.share: the candidates’ share of them.',
    'zh-CN':
      '本期流失事件中，发生在同一客户的投诉工单以“不满意”结案或超过解决期限结案后 churn.retaliatory_window_days 天（默认 30 天）内的数量。明细 marked：流失分类中计为被动流失/报复性的数量（事件未给出类别且类型不是主动流失；导入的值保持不变）；明细 churns：本期流失事件数；明细 share：候选占其比例。',
  },
  unit: 'count',
  requires: ['churn_events'],
  base: 'retaliatory',
  interval: 'none',
  value: (r) => ({
    value: r.candidates,
    parts: { marked: r.marked, churns: r.churns, share: r.churns ? r.candidates / r.churns : 0 },
  }),
});
