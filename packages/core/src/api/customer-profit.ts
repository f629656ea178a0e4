/** GET /customers/:id/profit: the customer's line of the per-customer profit relation, month by month. */
import { z } from 'zod';
import { COST_CATEGORIES } from '../schema/costs.ts';

export const customerProfitQuery = z.object({
  /** How many months, ending with `to`. */
  months: z.coerce.number().int().min(1).max(60).default(12),
  /** The last month (YYYY-MM); by default the last complete month with data. */
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

/** Revenue, cost of revenue, the allocated costs by category and what is left, in the workspace currency. */
export const profitLinesSchema = z.object({
  subscription_revenue: z.number(),
  order_revenue: z.number(),
  cost_of_revenue: z.number(),
  costs: z.object(
    Object.fromEntries(COST_CATEGORIES.map((c) => [c, z.number()])) as Record<
      (typeof COST_CATEGORIES)[number],
      z.ZodNumber
    >,
  ),
  profit: z.number(),
});
export type ProfitLines = z.output<typeof profitLinesSchema>;

export const customerProfitSchema = z.object({
  customer_id: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(profitLinesSchema.extend({ month: z.string() })),
  /** The months summed. */
  total: profitLinesSchema,
});
export type CustomerProfit = z.output<typeof customerProfitSchema>;
export const customerProfitResponse = customerProfitSchema;
