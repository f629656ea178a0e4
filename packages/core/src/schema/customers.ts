import { CUSTOMER_ID_ALIASES, type Entity, f, SEGMENT_ALIASES } from './field.ts';

/** Customers: who they are, when they were acquired, the segments they belong to and what they cost. */
export const customers: Entity = {
  name: 'customers',
  doc: 'One row per customer. Unmapped columns become typed attributes usable as segments and features.',
  key: ['customer_id'],
  extensible: true,
  fields: [
    f.id('customer_id', 'Your identifier of the customer.', { aliases: CUSTOMER_ID_ALIASES }),
    f.text('name', 'Display name.', {
      aliases: ['customer_name', 'full_name', 'company', '客户名称', '名称', '姓名', '公司名称'],
    }),
    f.at('created_at', 'When the customer was acquired (first contract or first purchase).', {
      required: true,
      aliases: [
        'acquired_at',
        'signup_date',
        'signup',
        'registered_at',
        'join_date',
        'start_date',
        'first_purchase',
        '注册日期',
        '注册时间',
        '开户日期',
        '加入日期',
        '首次购买日期',
        '创建时间',
      ],
    }),
    f.text('region', 'Region segment.', { aliases: SEGMENT_ALIASES.region }),
    f.text('product_line', 'Product line segment.', { aliases: SEGMENT_ALIASES.product_line }),
    f.text('customer_type', 'Customer type segment (e.g. consumer, SMB, enterprise).', {
      aliases: SEGMENT_ALIASES.customer_type,
    }),
    f.text('channel', 'Acquisition channel segment.', { aliases: SEGMENT_ALIASES.channel }),
    f.money('acquisition_cost', 'What acquiring this customer cost, in the workspace currency.', {
      aliases: ['cac', 'acquisition_cost', 'cost_of_acquisition', '获客成本'],
    }),
  ],
};
