/**
 * The options of `tenure uplift fit|score` as zod schemas: the CLI builds an object from its flags and the API
 * from its request body, and a bad value gets TEN_BAD_OPTION naming the option from either.
 */
import { z } from 'zod';
import { parseOptions } from '../../options.ts';
import { predictOptionsSchema } from '../options.ts';

export const upliftFitOptionsSchema = z
  .object({
    /** The finished randomised campaign to learn from (default: the latest one that has both arms). */
    campaignId: z.string().min(1).max(200),
    /** Churn within this many days of the campaign's start is the outcome (default 90). */
    windowDays: z.number().int().min(7).max(730),
    /** Share of members held out, stratified by arm and outcome, to pick the model by its Qini coefficient. */
    holdout: z.number().gt(0).max(0.5),
    /** Seed of the held-out draw: the same seed holds out the same members. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** Settings of the boosted trees behind both approaches. */
    gbdt: predictOptionsSchema.shape.gbdt.unwrap(),
  })
  .partial()
  .strict();

export const upliftScoreOptionsSchema = z
  .object({
    /** Cost of contacting one customer (default: the campaign's cost ÷ its treated members). */
    costPerContact: z.number().min(0),
  })
  .partial()
  .strict();

export type UpliftFitOptions = z.infer<typeof upliftFitOptionsSchema>;
export type UpliftScoreOptions = z.infer<typeof upliftScoreOptionsSchema>;

/** @example parseUpliftFitOptions({ campaignId: 'RET-01', windowDays: 90 }) */
export const parseUpliftFitOptions = (input: unknown): UpliftFitOptions =>
  parseOptions(upliftFitOptionsSchema, input, ['gbdt']);

/** @example parseUpliftScoreOptions({ costPerContact: 20 }) */
export const parseUpliftScoreOptions = (input: unknown): UpliftScoreOptions =>
  parseOptions(upliftScoreOptionsSchema, input);
