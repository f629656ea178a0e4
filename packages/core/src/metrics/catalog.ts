import { activeCustomers } from './active-customers.ts';
import { arpa } from './arpa.ts';
import { churnRate } from './churn-rate.ts';
import { churnedCustomers } from './churned-customers.ts';
import type { MetricDef } from './define.ts';
import { grr } from './grr.ts';
import { mrr } from './mrr.ts';
import { mrrMovements } from './mrr-movements.ts';
import { newCustomers } from './new-customers.ts';
import { nrr } from './nrr.ts';
import { reactivatedCustomers } from './reactivated-customers.ts';
import { retentionRate } from './retention-rate.ts';
import { retentionRateEndMinusNew } from './retention-rate-end-minus-new.ts';

/** Every metric, by its stable id: one line each. */
export const catalog = {
  churn_rate: churnRate,
  retention_rate: retentionRate,
  retention_rate_end_minus_new: retentionRateEndMinusNew,
  active_customers: activeCustomers,
  new_customers: newCustomers,
  reactivated_customers: reactivatedCustomers,
  churned_customers: churnedCustomers,
  mrr,
  mrr_movements: mrrMovements,
  grr,
  nrr,
  arpa,
} satisfies Record<string, MetricDef<'flow'> | MetricDef<'revenue'>>;

export type MetricName = keyof typeof catalog;
export const metricNames = Object.keys(catalog) as MetricName[];
