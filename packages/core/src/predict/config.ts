/**
 * The `prediction` section of tenure.config.json: the horizon, the risk tiers, which customers are not worth
 * retaining, the early-warning rules and the webhooks alerts go to. Every key has a default, so existing
 * configs stay valid.
 */
import { z } from 'zod';

const tiers = z
  .object({
    /** Lowest churn probability of each tier; below `medium` is low. */
    critical: z.number().gt(0).lt(1).default(0.5),
    high: z.number().gt(0).lt(1).default(0.3),
    medium: z.number().gt(0).lt(1).default(0.15),
  })
  .strict()
  .refine((t) => t.critical > t.high && t.high > t.medium, 'use critical > high > medium');

const alerts = z
  .object({
    /** A customer's tier rises between two scorings. */
    tier_rise: z.boolean().default(true),
    /** A customer is in the critical tier (and was not at the previous scoring, or never scored before). */
    critical_risk: z.boolean().default(true),
    /** Usage in the last 30 days fell by at least this share against the 90 days before (null: off). */
    usage_drop: z.number().gt(0).max(1).nullable().default(0.5),
    /** A complaint is open and unanswered past its SLA. */
    complaint_past_sla: z.boolean().default(true),
    /** An NPS answer of this score or lower in the last 30 days (null: off). */
    nps_detractor: z.number().int().min(0).max(10).nullable().default(6),
    /** A failed payment in the last 90 days. */
    failed_payment: z.boolean().default(true),
  })
  .strict();

const webhook = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    /** The environment variable holding the signing secret: secrets stay out of the config file. */
    secret_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as TENURE_WEBHOOK_SECRET'),
  })
  .strict();

export const predictionConfigSchema = z
  .object({
    horizon_days: z.number().int().min(7).max(730).default(90),
    tiers: tiers.default({ critical: 0.5, high: 0.3, medium: 0.15 }),
    /** A customer column whose true/yes/1 marks a credit risk: not worth retaining. */
    credit_risk_column: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('credit_risk'),
    alerts: alerts.default({
      tier_rise: true,
      critical_risk: true,
      usage_drop: 0.5,
      complaint_past_sla: true,
      nps_detractor: 6,
      failed_payment: true,
    }),
    webhooks: z.array(webhook).default([]),
    /**
     * Most alerts one scoring raises (one per customer, the most severe and valuable first); the rest are
     * counted in one summary alert, so a first scoring does not bury the inbox.
     */
    alert_cap: z.number().int().min(1).max(100_000).default(100),
  })
  .strict();

export type PredictionConfig = z.infer<typeof predictionConfigSchema>;

export const defaultPredictionConfig = (): PredictionConfig => predictionConfigSchema.parse({});
