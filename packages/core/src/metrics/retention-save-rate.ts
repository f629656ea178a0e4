import { defineMetric, ratio } from './define.ts';

/** Share of decided retention cases that saved the customer. */
export const retentionSaveRate = defineMetric({
  id: 'retention_save_rate',
  title: { en: 'Save rate of retention cases', 'zh-CN': '挽留成功率' },
  description: {
    en: 'Retention cases closed in the period with outcome saved ÷ those closed with any outcome (saved, lost, no_contact, not_worth_retaining); parts give each outcome.',
    'zh-CN':
      '本期结案且结果为挽留成功（saved）的挽留工单数 ÷ 本期结案且有结果（saved、lost、no_contact、not_worth_retaining）的挽留工单数；明细给出各结果的数量。',
  },
  unit: 'ratio',
  requires: ['customers'],
  base: 'cases',
  interval: 'wilson',
  value: (r) => ({
    ...ratio(r.saved, r.decided),
    parts: { lost: r.lost, no_contact: r.no_contact, not_worth_retaining: r.not_worth_retaining },
  }),
});
