import { DEFAULT_TICKET_SLA_HOURS } from '../workspace/config.ts';
import { defineMetric, ratio } from './define.ts';

const h = DEFAULT_TICKET_SLA_HOURS;

/** Share of the period's tickets first answered within their priority's SLA. */
export const slaCompliance = defineMetric({
  id: 'sla_compliance',
  title: { en: 'SLA compliance', 'zh-CN': 'SLA 达标率' },
  description: {
    en: `Tickets opened in the period whose first response came within the SLA for their priority (setting service.first_response_hours; default: urgent ${h.urgent} h, high ${h.high} h, normal ${h.normal} h, low ${h.low} h; no priority counts as normal) ÷ tickets opened. A ticket never answered misses its SLA.`,
    'zh-CN': `本期受理的工单中在其优先级 SLA 内首次响应的数量（设置项 service.first_response_hours；默认：紧急 ${h.urgent} 小时，高 ${h.high} 小时，普通 ${h.normal} 小时，低 ${h.low} 小时；无优先级按普通）÷ 本期受理的工单数。未响应的工单视为未达标。`,
  },
  unit: 'ratio',
  requires: ['tickets'],
  base: 'service',
  interval: 'wilson',
  value: (r) => ({ ...ratio(r.sla_met, r.tickets), parts: { unanswered: r.tickets - r.frt_n } }),
});
