import { type Entity, f } from './field.ts';

/** Tickets: complaints and service requests, with the times that service levels are measured on. */
export const tickets: Entity = {
  name: 'tickets',
  doc: 'One row per complaint or service request.',
  key: ['ticket_id'],
  extensible: true,
  fields: [
    f.id('ticket_id', 'Your identifier of the ticket.', {
      aliases: ['ticket', 'case_id', 'case_no', 'complaint_id', '工单号', '工单编号', '投诉编号'],
    }),
    f.customer(),
    f.at('opened_at', 'When it was received.', {
      required: true,
      aliases: ['created_at', 'opened', 'received_at', '受理时间', '创建时间', '投诉时间'],
    }),
    f.oneOf(
      'kind',
      ['complaint', 'service_request', 'inquiry'],
      'A complaint, a service request or an inquiry; empty counts as a complaint.',
      { aliases: ['ticket_kind', 'ticket_type', '工单类型', '工单性质'] },
    ),
    f.text('channel', 'Where it came in: phone, email, chat, store…', { aliases: ['source', '渠道', '来源'] }),
    f.text('category', 'What it is about: billing, network, product…', {
      aliases: ['type', 'topic', 'reason', '类别', '分类', '问题类型'],
    }),
    f.oneOf('priority', ['low', 'normal', 'high', 'urgent'], 'Priority.', {
      aliases: ['severity', '优先级', '紧急程度'],
    }),
    f.at('first_response_at', 'First response to the customer.', {
      notBefore: 'opened_at',
      aliases: ['responded_at', 'first_response', '首次响应时间', '响应时间'],
    }),
    f.at('resolved_at', 'When it was resolved.', {
      notBefore: 'opened_at',
      aliases: ['closed_at', 'resolution_date', '解决时间', '关闭时间'],
    }),
    f.oneOf('status', ['open', 'pending', 'resolved', 'closed'], 'Current status.', { aliases: ['state', '状态'] }),
    f.num('csat', 'Satisfaction score given on this ticket (1–5).', {
      range: [1, 5],
      aliases: ['satisfaction', 'rating', '满意度', '评分'],
    }),
    f.text('text', 'What the customer said.', {
      aliases: ['description', 'body', 'content', 'comment', '内容', '描述', '投诉内容'],
    }),
  ],
};
