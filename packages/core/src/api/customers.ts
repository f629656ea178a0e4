import { z } from 'zod';
import { dimensionFilter, pageOf, pageQuery } from './common.ts';

export const customersQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  filter: dimensionFilter,
  status: z.enum(['active', 'churned', 'unknown']).optional(),
});

const status = z.enum(['active', 'churned', 'unknown']);
export const customerRowSchema = z.looseObject({
  customer_id: z.string(),
  name: z.string().nullable(),
  created_at: z.string().nullable(),
  status,
  mrr: z.number().nullable(),
});
export const customersResponse = pageOf(customerRowSchema);

export const customerParams = z.object({ id: z.string() });
export const customer360Query = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(500) });
export const customer360Response = z.object({
  customer: z.looseObject({ customer_id: z.string(), status, mrr: z.number().nullable() }),
  attributes: z.record(z.string(), z.unknown()),
  attribute_headers: z.record(z.string(), z.string()),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['subscription', 'order', 'activity', 'ticket', 'survey', 'churn_event']),
      action: z.enum(['subscription_started', 'subscription_ended', 'order', 'activity', 'ticket', 'survey', 'churn']),
      subject: z.string().nullable(),
      amount: z.number().nullable(),
      facts: z.record(z.string(), z.union([z.string(), z.number()])),
      title: z.string(),
      detail: z.string().nullable(),
    }),
  ),
  series: z.object({
    mrr: z.array(z.object({ month: z.string(), mrr: z.number() })),
    usage: z.array(z.object({ month: z.string(), kind: z.string(), quantity: z.number() })),
  }),
});
