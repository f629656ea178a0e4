import { z } from 'zod';

const text = z.object({ en: z.string(), 'zh-CN': z.string() });

/** GET /api/v1/value/pyramid: one period (its grain and a date in it), the tiers classified at its start. */
export const pyramidQuery = z
  .object({
    period: z.enum(['month', 'quarter', 'year']).default('year'),
    /** A date in the period; default the last complete period of the data. */
    at: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$/)
      .optional(),
  })
  .strict();

/** One value tier of the customer pyramid. */
export const pyramidTier = z.object({
  tier: z.string(),
  label: text,
  customers: z.number(),
  /** Of the customers with a value at the start. */
  share: z.number().nullable(),
  /** Sum of their CLV at the start (the fallback form of the one CLV definition). */
  clv: z.number(),
  /** The profit_contribution metric's numerator for the tier over the period; null when it cannot be computed. */
  profit: z.number().nullable(),
  churn_rate: z.number().nullable(),
  churned: z.number().nullable(),
});

export const pyramidResponse = z.object({
  period: z.object({ grain: z.string(), start: z.string(), end: z.string() }),
  /** When the tiers were classified: the period's start. */
  as_of: z.string(),
  tiers: z.array(pyramidTier),
  /**
   * The profit of the customers without a tier at the start (new in the period, or without a value then), so
   * that the tiers and this add up to the business's total; null when it cannot be computed.
   */
  unclassified_profit: z.number().nullable(),
});
export type PyramidResponse = z.infer<typeof pyramidResponse>;

/** GET /api/v1/value/segments: classified at `at` (YYYY-MM-DD), by default the day after the end of the data. */
export const segmentSummaryQuery = z
  .object({
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

export const segmentSummaryResponse = z.object({
  as_of: z.string(),
  bins: z.number(),
  /** Customers and their monetary value per recency × frequency score (cells without customers left out). */
  rfm: z.array(z.object({ r: z.number(), f: z.number(), customers: z.number(), monetary: z.number() })),
  lifecycle: z.array(z.object({ stage: z.string(), customers: z.number() })),
});
export type SegmentSummary = z.infer<typeof segmentSummaryResponse>;
