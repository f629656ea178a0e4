import { type Entity, f } from './field.ts';

/** Subscriptions (contractual business): one row per contract, open-ended while active. */
export const subscriptions: Entity = {
  name: 'subscriptions',
  doc: 'One row per subscription or contract. An empty ended_at means it is active.',
  key: ['subscription_id'],
  extensible: true,
  fields: [
    f.id('subscription_id', 'Your identifier of the subscription.', {
      aliases: ['subscription', 'contract_id', 'contract_no', '订阅id', '合同编号', '合同号'],
    }),
    f.customer(),
    f.text('plan', 'Plan or tariff name.', { aliases: ['plan_name', 'tariff', 'package', '套餐', '计划', '资费'] }),
    f.at('started_at', 'When the subscription started.', {
      required: true,
      aliases: ['start', 'start_date', 'begin_date', '开始日期', '生效日期', '订阅日期'],
    }),
    f.at('ended_at', 'When it ended; empty while active.', {
      notBefore: 'started_at',
      notFuture: false,
      aliases: ['end', 'end_date', 'cancelled_at', 'canceled_at', '结束日期', '终止日期', '到期日期'],
    }),
    f.money('mrr', 'Monthly recurring revenue of this subscription.', {
      required: true,
      aliases: ['monthly_revenue', 'monthly_charges', 'monthly_fee', 'price', '月收入', '月费', '月租'],
    }),
    f.currency('currency', 'ISO 4217 code of the mrr; empty means the workspace currency.', {
      aliases: ['currency_code', '币种', '货币', '币别'],
    }),
    f.oneOf('billing_period', ['month', 'quarter', 'year', 'week'], 'How often it is billed.', {
      aliases: ['billing', 'billing_cycle', 'interval', '计费周期', '付费周期'],
    }),
    f.at('cancel_requested_at', 'When the customer asked to cancel, if they did.', {
      notBefore: 'started_at',
      aliases: ['cancel_requested', 'cancellation_date', '申请取消日期', '退订申请日期'],
    }),
  ],
};
