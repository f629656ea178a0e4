import { type Entity, f } from './field.ts';

/**
 * Exchange rates into the workspace currency (`currency` in tenure.config.json), dated: a rate holds from its
 * date until the next rate of the same currency. Metrics convert every amount in another currency at the rate in
 * force on the amount's date (metrics/currency.ts) and refuse a figure that needs a rate this table lacks.
 */
export const exchangeRates: Entity = {
  name: 'exchange_rates',
  doc: 'One rate per currency and date: what one unit of the currency is worth in the workspace currency, from that date on.',
  key: ['currency', 'rate_date'],
  extensible: false,
  fields: [
    f.currency('currency', 'ISO 4217 code of the currency converted from (USD, EUR, CNY…).', {
      required: true,
      aliases: ['currency_code', 'from_currency', 'code', '币种', '货币', '币别', '外币'],
    }),
    f.date('rate_date', 'The first day the rate applies (until the next rate of the currency).', {
      required: true,
      aliases: ['date', 'valid_from', 'effective_date', 'as_of', '日期', '生效日期', '汇率日期'],
    }),
    f.num('rate', 'Units of the workspace currency one unit of this currency is worth (more than 0).', {
      required: true,
      positive: true,
      aliases: ['exchange_rate', 'fx_rate', 'rate_to_workspace', '汇率', '兑换率', '折算率'],
    }),
  ],
};
