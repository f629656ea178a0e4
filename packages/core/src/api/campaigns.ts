import { z } from 'zod';
import { campaignDesignInput, campaignSchema, PRIMARY_METRICS, stratumCountSchema } from '../campaigns/design.ts';
import { textSchema } from './common.ts';

/**
 * The campaign routes' shapes (campaigns as experiments, docs/campaigns.md): design, launch, the power
 * calculation, the measurement of one campaign and the CRM ROI of a period. An interval is
 * {estimate, lower, upper}; a null bound is unbounded (a cost per saved customer when the saving may be zero),
 * a null estimate one that cannot be computed (an empty arm).
 */
const n = z.number().nullable();
export const intervalSchema = z.object({ estimate: n, lower: n, upper: n });

export const campaignParams = z.object({ id: z.string() });
export const campaignResponse = campaignSchema;
export const campaignsResponse = z.object({ campaigns: z.array(campaignSchema) });

/** POST /campaigns: design a campaign and draw its arms (stored once, never redrawn). */
export const newCampaignBody = campaignDesignInput;
export const newCampaignResponse = z.object({
  campaign: campaignSchema,
  /** Members per arm in each stratum (risk tier × the strata dimension). */
  strata: z.array(stratumCountSchema),
});

/** POST /campaigns/:id/launch and /finish: a draft is launched (its outcome window starts), a launched one finished. */
export const campaignStatusResponse = campaignSchema;

/**
 * POST /campaigns/power: the sample size for a baseline churn and a minimum effect (an absolute reduction), or,
 * with `size` (the planned total), the minimum detectable effect.
 */
export const powerBody = z
  .object({
    baseline: z.number().gt(0).lt(1),
    effect: z.number().gt(0).lt(1).optional(),
    size: z.number().int().min(4).max(1e9).optional(),
    holdout_share: z.number().gt(0).lt(1).default(0.5),
    alpha: z.number().gt(0).lt(1).default(0.05),
    power: z.number().gt(0).lt(1).default(0.8),
  })
  .strict();
export type PowerBody = z.input<typeof powerBody>;
export const powerResponse = z.object({
  baseline: z.number(),
  alpha: z.number(),
  power: z.number(),
  holdout_share: z.number(),
  /** The effect asked for, or with `size` the minimum detectable one (an absolute reduction of churn). */
  effect: z.number(),
  treatment: z.number().int(),
  control: z.number().int(),
  total: z.number().int(),
  /** 'sample_size' when the effect was given, 'mde' when the size was. */
  solved_for: z.enum(['sample_size', 'mde']),
});
export type PowerResult = z.output<typeof powerResponse>;

/** GET /campaigns/:id/export: the assignment for the contact team, as JSON rows or CSV (format=csv). */
export const exportQuery = z.object({
  arm: z.enum(['treatment', 'control']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export const assignmentRowSchema = z.object({
  customer_id: z.string(),
  arm: z.enum(['treatment', 'control']),
  stratum: z.string().nullable(),
  assigned_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
});
export type AssignmentRow = z.output<typeof assignmentRowSchema>;
export const exportResponse = z.object({ campaign_id: z.string(), members: z.array(assignmentRowSchema) });

/** GET /campaigns/:id/measure: intention-to-treat by default, per-protocol when delivery is recorded. */
export const measureQuery = z.object({
  view: z.enum(['itt', 'per_protocol']).default('itt'),
  /** The day to measure as of (YYYY-MM-DD); the data's last day when absent. */
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const armSchema = z.object({
  arm: z.enum(['treatment', 'control']),
  members: z.number().int(),
  churned: z.number().int(),
  churn_rate: n,
  /** Means per member over the outcome window: MRR still paid at its end, revenue and orders within it. */
  retained_mrr: n,
  revenue: n,
  orders: n,
});

export const warningSchema = z.object({ code: z.string(), message: textSchema });

export const measurementSchema = z.object({
  campaign_id: z.string(),
  view: z.enum(['itt', 'per_protocol']),
  primary_metric: z.enum(PRIMARY_METRICS),
  /** The day the outcome window starts (launch), its length, the day measured as of. */
  launched_at: z.string(),
  window_days: z.number().int(),
  as_of: z.string(),
  /** True while the window has not elapsed: every figure is interim. */
  interim: z.boolean(),
  days_remaining: z.number().int(),
  arms: z.array(armSchema),
  churn: z.object({
    /** Control churn − treatment churn (the absolute reduction), Newcombe's hybrid score interval. */
    absolute_reduction: intervalSchema,
    /** The absolute reduction ÷ control churn. */
    relative_reduction: intervalSchema,
    z: n,
    p_value: n,
  }),
  survival: z.object({
    curves: z.array(
      z.object({
        arm: z.enum(['treatment', 'control']),
        points: z.array(z.object({ day: z.number(), survival: n, lower: n, upper: n })),
      }),
    ),
    log_rank: z.object({ chi_square: z.number(), p_value: z.number() }).nullable(),
  }),
  /** Treatment mean − control mean per member, percentile bootstrap interval. */
  retained_mrr: intervalSchema,
  revenue: intervalSchema,
  /** The primary metric's difference adjusted on the pre-period covariate (CUPED), beside the unadjusted one. */
  cuped: z
    .object({
      covariate: z.string(),
      unadjusted: intervalSchema,
      adjusted: intervalSchema,
      theta: z.number(),
      variance_reduction: z.number(),
    })
    .nullable(),
  srm: z.object({
    expected_treatment_share: z.number(),
    chi_square: z.number(),
    p_value: z.number(),
    mismatch: z.boolean(),
  }),
  money: z.object({
    currency: z.string(),
    clv: z.number(),
    margin: z.number(),
    cost: z.number(),
    saved: intervalSchema,
    incremental_profit: intervalSchema,
    roi: intervalSchema,
    cost_per_saved: intervalSchema,
  }),
  warnings: z.array(warningSchema),
});
export type Measurement = z.output<typeof measurementSchema>;
export const measureResponse = measurementSchema;

/** GET /crm-roi: the return of every evaluated programme against the CRM and retention costs of a period. */
export const crmRoiQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  to: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
});
export const crmRoiSchema = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  programmes: z.array(
    z.object({
      campaign_id: z.string(),
      name: z.string(),
      cost: z.number(),
      /** false: imported without a control group, so its effect is not measurable (its profit is null). */
      controlled: z.boolean(),
      incremental_profit: intervalSchema,
    }),
  ),
  /** Incremental gross profit of the programmes (their saved customers × CLV × margin, before their cost). */
  incremental_gross_profit: intervalSchema,
  cost_categories: z.array(z.string()),
  crm_cost: z.number(),
  /** (incremental gross profit − CRM and retention cost) ÷ that cost. */
  roi: intervalSchema,
  /**
   * Why the ROI is null: no campaign with a control group was launched in the period (the programme's effect cannot
   * be measured), or no CRM and retention costs were recorded for it. null when it is measured.
   */
  not_measurable: z.enum(['no_controlled_campaign', 'no_costs']).nullable(),
  acquisition: z.object({ cost: z.number(), customers: z.number().int(), per_customer: n }),
  retention: z.object({ cost: z.number(), customer_years: z.number(), per_customer_year: n }),
  /** Acquisition cost per new customer ÷ retention cost per customer-year (the "5–10×" of the literature). */
  acquisition_to_retention: n,
});
export type CrmRoi = z.output<typeof crmRoiSchema>;
export const crmRoiResponse = crmRoiSchema;
