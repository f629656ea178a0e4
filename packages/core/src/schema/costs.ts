import { type Entity, f } from './field.ts';

/**
 * What money can be spent on. A closed list, so an import names the allowed values when a row has another; care
 * (customer care) and product_update (updates shipped to keep customers) count as retention cost by default
 * (`costs.retention_categories`, costs/config.ts).
 */
export const COST_CATEGORIES = ['acquisition', 'retention', 'service', 'care', 'product_update', 'crm'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** Costs by period and category: the denominators of CAC, retention cost per customer and ROI. */
export const costs: Entity = {
  name: 'costs',
  doc: 'Spending per period and category, optionally per segment value.',
  key: ['period_start', 'period_end', 'category', 'segment'],
  extensible: false,
  fields: [
    f.date('period_start', 'First day of the period.', {
      required: true,
      aliases: ['from', 'start', '开始日期', '期间开始'],
    }),
    f.date('period_end', 'Last day of the period (inclusive).', {
      required: true,
      notBefore: 'period_start',
      aliases: ['to', 'end', '结束日期', '期间结束'],
    }),
    f.oneOf('category', COST_CATEGORIES, 'What the money was spent on.', {
      required: true,
      aliases: ['type', 'cost_type', '成本类别', '类别'],
    }),
    f.money('amount', "How much, in the row's currency.", {
      required: true,
      aliases: ['cost', 'spend', '金额', '费用'],
    }),
    f.currency('currency', 'ISO 4217 code of amount; empty means the workspace currency.', {
      aliases: ['currency_code', '币种', '货币', '币别'],
    }),
    f.text('segment', "Customers who carry the cost: 'all' (empty), or dimension=value such as region=north.", {
      default: 'all',
      aliases: ['segment_value', '细分', '分群'],
    }),
  ],
};
