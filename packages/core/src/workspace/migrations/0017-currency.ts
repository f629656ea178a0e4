import { entities } from '../../schema/index.ts';
import { columnSteps, createEntities, declaredField, type Migration } from './migration.ts';

/**
 * Multi-currency (issue 15): the dated exchange rates into the workspace currency, and the currency of an order's
 * amount and cost and of a cost row's amount (subscriptions had theirs since 0001). Empty means the workspace
 * currency, so every row a workspace already holds keeps its meaning and its figures.
 */
const rates = createEntities('currency', { exchange_rates: ['currency', 'rate_date', 'rate'] });
const orders = columnSteps(entities.orders, declaredField('orders', 'currency'));
const costs = columnSteps(entities.costs, declaredField('costs', 'currency'));

export default {
  name: 'currency',
  fields: [...rates.fields, { entity: 'orders', field: 'currency' }, { entity: 'costs', field: 'currency' }],
  steps: {
    duckdb: [...rates.steps.duckdb, ...orders.duckdb, ...costs.duckdb],
    clickhouse: [...rates.steps.clickhouse, ...orders.clickhouse, ...costs.clickhouse],
  },
} satisfies Migration;
