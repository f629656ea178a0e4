import { z } from 'zod';

const n = z.number().nullable();

/** LTV (formula, with its interval) beside the model-based CLV's mean and median (dashboard/ltv-clv.ts). */
export const ltvClvResponse = z.object({
  ltv: z.array(z.object({ period_start: z.string(), value: n, ci_low: n, ci_high: n })),
  clv: z
    .object({
      as_of: z.string(),
      customers: z.number(),
      mean: z.number(),
      median: z.number(),
      source: z.string().nullable(),
    })
    .nullable(),
});
