/**
 * What a campaign design is, as zod schemas shared by every surface (the API validates its bodies with them, the
 * CLI its options, the dashboard's form is typed from them): whom it targets, how it is randomised, what it costs,
 * how it is measured. Bounds a user is likely to get wrong (a holdout of 0 or 1, a currency that is not the
 * workspace's) are not zod bounds but checks in `create.ts` with their own codes, so a client can tell them apart.
 */
import { z } from 'zod';
import { filterList } from '../metrics/filter-list.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The kinds of target, in the order the design form lists them. */
export const TARGET_KINDS = ['filter', 'risk_tier', 'at_risk', 'playbook'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const targetSchema = z.discriminatedUnion('kind', [
  /** Customers matching `name=value` filters (values of one name or-ed, names and-ed), the `--filter` grammar. */
  z
    .object({
      kind: z.literal('filter'),
      filter: filterList,
    })
    .strict(),
  /** Customers whose tier at the latest scoring is `tier` or above. */
  z.object({ kind: z.literal('risk_tier'), tier: text(32) }).strict(),
  /** The at-risk list: the latest scoring's customers in the high tier or above. */
  z.object({ kind: z.literal('at_risk') }).strict(),
  /** The customers a playbook's trigger matches now (its cases may deliver the treatment). */
  z.object({ kind: z.literal('playbook'), playbook: text(64) }).strict(),
]);
export type Target = z.output<typeof targetSchema>;

export const PRIMARY_METRICS = ['churned', 'retained_mrr', 'orders'] as const;
export type PrimaryMetric = (typeof PRIMARY_METRICS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'launched', 'finished', 'imported'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const campaignDesignInput = z
  .object({
    id: z.string().regex(CAMPAIGN_ID, 'letters, digits, _, . and -'),
    name: text(200),
    kind: text(64).optional(),
    target: targetSchema,
    /** The share of the target held out as control, strictly between 0 and 1 (create.ts checks it). */
    holdout_share: z.number().optional(),
    /** The seed of the assignment: the same seed and target always draw the same arms. */
    seed: z.number().int().min(0).max(2_147_483_647).default(1),
    /** A customer dimension to stratify by beside the risk tier (the tier alone when absent). */
    strata: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    cost_per_contact: z.number().min(0).max(1e9).default(0),
    fixed_cost: z.number().min(0).max(1e12).default(0),
    /** The currency of the costs; it must be the workspace's (create.ts checks it). */
    currency: z.string().optional(),
    /** Days after launch in which a member's outcome counts (the config's default when absent). */
    outcome_window_days: z.number().int().min(1).max(3650).optional(),
    primary_metric: z.enum(PRIMARY_METRICS).default('churned'),
  })
  .strict();
export type CampaignDesignInput = z.input<typeof campaignDesignInput>;
export type CampaignDesign = z.output<typeof campaignDesignInput>;

const n = z.number().nullable();
/** A campaign as every surface returns it; an imported one has no design (target, holdout and seed null). */
export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  target: targetSchema.nullable(),
  holdout_share: n,
  seed: n,
  strata: z.string().nullable(),
  cost_per_contact: z.number(),
  fixed_cost: z.number(),
  currency: z.string(),
  outcome_window_days: z.number().int(),
  primary_metric: z.enum(PRIMARY_METRICS),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  launched_at: z.string().nullable(),
  created_at: z.string().nullable(),
  created_by: z.string().nullable(),
  /** Members per arm, and how many of the treatment arm the treatment reached (delivered_at recorded). */
  treatment: z.number().int(),
  control: z.number().int(),
  delivered: z.number().int(),
});
export type Campaign = z.output<typeof campaignSchema>;

/** Members per arm in each stratum, as the assignment drew them. */
export const stratumCountSchema = z.object({
  stratum: z.string(),
  treatment: z.number().int(),
  control: z.number().int(),
});
export type StratumCount = z.output<typeof stratumCountSchema>;
