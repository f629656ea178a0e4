/**
 * The `campaigns` section of tenure.config.json: what a campaign without its own design (an imported one) is
 * measured with, the cost categories that are CRM and retention spending in the CRM ROI, and the bootstrap's
 * size. Every key has a default, so configs written before campaigns were measured stay valid.
 */
import { z } from 'zod';

const category = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'use lower-case letters, digits and _ (a cost category)');

export const campaignsConfigSchema = z
  .object({
    /** Days after launch in which a member's churn counts, when the campaign does not set its own. */
    outcome_window_days: z.number().int().min(1).max(3650).default(90),
    /** The share held out as control a new design proposes. */
    holdout_share: z.number().gt(0).lt(1).default(0.5),
    /** Cost categories (costs.category) of the CRM and retention spending the CRM ROI divides by. */
    crm_cost_categories: z.array(category).min(1).max(20).default(['crm', 'retention']),
    /** Cost categories of acquisition spending (the acquisition side of acquisition vs retention). */
    acquisition_cost_categories: z.array(category).min(1).max(20).default(['acquisition']),
    /** Bootstrap resamples of the money intervals. */
    bootstrap_resamples: z.number().int().min(100).max(100_000).default(1000),
  })
  .strict();

export type CampaignsConfig = z.output<typeof campaignsConfigSchema>;
export const defaultCampaignsConfig = (): CampaignsConfig => campaignsConfigSchema.parse({});
