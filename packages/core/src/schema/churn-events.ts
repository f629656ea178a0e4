import { type Entity, f } from './field.ts';

/**
 * Churn events with the full taxonomy: voluntary churn is natural, competitive or fault (our failure);
 * involuntary churn is non-malicious (e.g. a card expired), retaliatory or malicious (fraud, non-payment).
 */
export const CHURN_CATEGORIES = {
  voluntary: ['natural', 'competitive', 'fault'],
  involuntary: ['non_malicious', 'retaliatory', 'malicious'],
} as const;

export const churnEvents: Entity = {
  name: 'churn_events',
  doc: 'One row per customer loss. Snapshot imports add rows with an empty kind.',
  key: ['customer_id', 'churned_at'],
  extensible: true,
  fields: [
    f.customer(),
    f.at('churned_at', 'When the customer was lost.', {
      required: true,
      aliases: ['churn_date', 'lost_at', 'cancel_date', '流失日期', '流失时间', '离网日期'],
    }),
    f.oneOf('kind', ['voluntary', 'involuntary'], 'Did the customer choose to leave?', {
      aliases: ['churn_kind', 'churn_type', '流失类型'],
    }),
    f.oneOf(
      'category',
      [...CHURN_CATEGORIES.voluntary, ...CHURN_CATEGORIES.involuntary],
      'Taxonomy category within the kind.',
      {
        aliases: ['churn_category', '流失类别'],
      },
    ),
    f.text('reason', 'Why they left, in your words.', { aliases: ['churn_reason', 'exit_reason', '流失原因', '原因'] }),
    f.text('competitor', 'The competitor they went to, if known.', { aliases: ['went_to', '竞争对手'] }),
    f.text('note', 'Anything else.', { aliases: ['notes', 'comment', '备注'] }),
  ],
};
