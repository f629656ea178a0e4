import { type Entity, f } from './field.ts';

/** Activity: logins, usage, calls, emails… The key is (customer, time, kind): one reading per moment. */
export const activity: Entity = {
  name: 'activity',
  doc: 'Usage and contact events. Re-importing the same (customer_id, at, kind) updates its quantity.',
  key: ['customer_id', 'at', 'kind'],
  extensible: true,
  fields: [
    f.customer(),
    f.at('at', 'When it happened.', {
      required: true,
      aliases: ['timestamp', 'time', 'date', 'event_time', 'occurred_at', '时间', '日期', '发生时间'],
    }),
    f.text('kind', 'What happened: login, usage, call, email…', {
      required: true,
      aliases: ['type', 'event', 'event_type', 'activity', '类型', '事件', '行为'],
    }),
    f.num('quantity', 'How much (minutes, GB, sessions…); 1 when empty.', {
      default: 1,
      aliases: ['qty', 'count', 'amount', 'value', 'usage', '数量', '用量', '次数'],
    }),
  ],
};
