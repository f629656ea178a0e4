import { defineMetric } from './define.ts';

/** Tickets opened in the period. */
export const ticketVolume = defineMetric({
  id: 'ticket_volume',
  title: { en: 'Ticket volume', 'zh-CN': '工单量' },
  description: {
    en: 'Tickets (complaints and service requests) opened in the period, by their customer’s segment; 0 for a period without tickets.',
    'zh-CN': '本期受理的工单（投诉与服务请求）数，按客户所属细分统计；无工单的期间为 0。',
  },
  unit: 'count',
  requires: ['tickets'],
  base: 'service',
  interval: 'none',
  value: (r) => ({ value: r.tickets }),
});
