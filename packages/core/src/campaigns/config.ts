/**
 * The `campaigns` section of tenure.config.json: what a campaign without its own design (an imported one) is
 * measured with and the bootstrap's size. The cost categories the CRM ROI reads are the `costs` section's
 * (costs/config.ts), one list for every figure. Every key has a default, so configs written before campaigns were measured stay valid.
 */
import { z } from 'zod';

export const campaignsConfigSchema = z
  .object({
    /** Days after launch in which a member's churn counts, when the campaign does not set its own. */
    outcome_window_days: z.number().int().min(1).max(3650).default(90),
    /** The share held out as control a new design proposes. */
    holdout_share: z.number().gt(0).lt(1).default(0.5),
    /** Bootstrap resamples of the money intervals. */
    bootstrap_resamples: z.number().int().min(100).max(100_000).default(1000),
  })
  .strict();

export type CampaignsConfig = z.output<typeof campaignsConfigSchema>;
export const defaultCampaignsConfig = (): CampaignsConfig => campaignsConfigSchema.parse({});
