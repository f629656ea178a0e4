import { type Entity, f, SEGMENT_ALIASES } from './field.ts';

/** Orders (non-contractual business): one row per purchase. */
export const orders: Entity = {
  name: 'orders',
  doc: 'One row per order. Files without an order id get one derived from customer, date and position.',
  key: ['order_id'],
  extensible: true,
  fields: [
    f.id('order_id', 'Your identifier of the order.', {
      aliases: [
        'order',
        'order_no',
        'order_number',
        'transaction_id',
        'invoice_no',
        '订单号',
        '订单编号',
        '订单id',
        '单号',
      ],
    }),
    f.customer(),
    f.at('ordered_at', 'When the order was placed.', {
      required: true,
      aliases: [
        'order_date',
        'date',
        'purchase_date',
        'transaction_date',
        'created',
        '订单日期',
        '下单日期',
        '下单时间',
        '购买日期',
        '日期',
      ],
    }),
    f.money('amount', "Order value, in the order's currency.", {
      required: true,
      aliases: [
        'value',
        'dollar_value',
        'revenue',
        'sales',
        'total',
        'order_value',
        'price',
        '金额',
        '订单金额',
        '销售额',
        '实付金额',
        '总金额',
      ],
    }),
    f.money('cost', 'Cost of goods sold for this order, in its currency.', {
      aliases: ['cogs', 'cost_amount', '成本'],
    }),
    f.currency('currency', 'ISO 4217 code of amount and cost; empty means the workspace currency.', {
      aliases: ['currency_code', '币种', '货币', '币别'],
    }),
    f.text('product_line', 'Product line of the order.', { aliases: SEGMENT_ALIASES.product_line }),
  ],
};
