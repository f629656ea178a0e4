/**
 * The `segments` section of tenure.config.json: how customers are put into RFM cells, value tiers and lifecycle
 * stages (segments/derived.ts). Every key has a default; docs/metrics.md "Derived dimensions" describes them.
 */
import { z } from 'zod';

const label = z.object({ en: z.string().trim().min(1).max(60), 'zh-CN': z.string().trim().min(1).max(60) }).strict();
const days = z.number().int().min(1).max(3650);

/** Top 20 % / next 30 % / rest of the customers by CLV: the handbook's customer pyramid. */
export const DEFAULT_VALUE_TIERS = [
  { id: 'top', share: 0.2, label: { en: 'Top 20 %', 'zh-CN': '前 20%' } },
  { id: 'middle', share: 0.3, label: { en: 'Next 30 %', 'zh-CN': '次 30%' } },
  { id: 'rest', share: 0.5, label: { en: 'Rest', 'zh-CN': '其余' } },
];

export const DEFAULT_LIFECYCLE = {
  new_days: 90,
  reactivated_days: 90,
  at_risk_days: 45,
  dormant_days: 90,
  at_risk_tiers: ['high', 'critical'] as ('low' | 'medium' | 'high' | 'critical')[],
};

export const segmentsConfigSchema = z
  .object({
    /** Bins of each RFM score: 5 gives quintiles (scores 1–5, 5 the best). */
    rfm_bins: z.number().int().min(2).max(10).default(5),
    /**
     * Value tiers from the top down: each takes `share` of the customers with a value, ranked by CLV; the last
     * tier takes the rest whatever its share says. Ids are what filters and breakdowns use.
     */
    value_tiers: z
      .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), share: z.number().gt(0).max(1), label }).strict())
      .min(2)
      .max(10)
      .refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'use distinct tier ids')
      .default(DEFAULT_VALUE_TIERS),
    /** Lifecycle stage thresholds in days (segments/lifecycle.ts). */
    lifecycle: z
      .object({
        /** A customer whose first activity is this recent is new. */
        new_days: days.default(DEFAULT_LIFECYCLE.new_days),
        /** A customer active again after a churn, for this many days, is reactivated. */
        reactivated_days: days.default(DEFAULT_LIFECYCLE.reactivated_days),
        /** Without a churn scoring: a buyer without a subscription and no order for this many days is at risk. */
        at_risk_days: days.default(DEFAULT_LIFECYCLE.at_risk_days),
        /** A buyer without a subscription and no order for this many days (but not yet churned) is dormant. */
        dormant_days: days.default(DEFAULT_LIFECYCLE.dormant_days),
        /** With a churn scoring: the risk tiers that make a customer at risk. */
        at_risk_tiers: z.array(z.enum(['low', 'medium', 'high', 'critical'])).default(DEFAULT_LIFECYCLE.at_risk_tiers),
      })
      .strict()
      .default(DEFAULT_LIFECYCLE),
  })
  .strict();

export type SegmentsConfig = z.infer<typeof segmentsConfigSchema>;
export const defaultSegmentsConfig: SegmentsConfig = segmentsConfigSchema.parse({});
