/**
 * Uplift targeting over HTTP (docs/prediction.md, "Uplift"): fitting on a finished randomised campaign and
 * scoring the current customers run as jobs; the latest fit's Qini report and the scores are read back.
 */
import { z } from 'zod';
import { upliftFitOptionsSchema, upliftScoreOptionsSchema } from '../predict/uplift/options.ts';
import { pageOf, pageQuery } from './common.ts';
import { wireOptions } from './wire.ts';

const n = z.number().nullable();

/** POST /uplift/fit: the options of `tenure uplift fit`. Answered 202 with a job (fitJobSchema). */
export const upliftFitBody = wireOptions(upliftFitOptionsSchema);
/** POST /uplift/score: the options of `tenure uplift score`. Answered 202 with a job (fitJobSchema). */
export const upliftScoreBody = wireOptions(upliftScoreOptionsSchema);

/** The two uplift approaches compared on the held-out members. */
export const upliftApproach = z.enum(['two_model', 'transformed_outcome']);
/** The orderings a Qini curve is drawn for: both approaches, churn risk alone, and random targeting. */
export const upliftRanking = z.enum(['two_model', 'transformed_outcome', 'churn_risk', 'random']);

/** One point of a Qini curve: the share of held-out members targeted, and the churners saved per held-out member. */
const qiniPoint = z.object({ share: z.number(), gain: z.number() });

/** One ordering's Qini curve and coefficient (the area between its curve and the random line). */
export const qiniSchema = z.object({
  ranking: upliftRanking,
  coefficient: z.number(),
  /** The coefficient ÷ that of the best possible ordering of the same members; null when that is not positive. */
  normalized: n,
  curve: z.array(qiniPoint),
});

/** GET /uplift/model: the latest uplift fit's report. */
export const upliftModelResponse = z.object({
  run_id: z.number(),
  created_at: z.string(),
  campaign_id: z.string(),
  /** The campaign's start: features are computed as of this day. */
  as_of: z.string(),
  window_days: z.number(),
  /** The approach with the larger Qini coefficient on the held-out members, used for scoring. */
  chosen: upliftApproach,
  /** Where the churn-risk ordering came from: the latest trained churn model, or one fitted on both arms' training rows. */
  risk_source: z.enum(['churn_model', 'pooled']),
  treatment_share: z.number(),
  rows: z.object({
    train_treatment: z.number(),
    train_control: z.number(),
    holdout_treatment: z.number(),
    holdout_control: z.number(),
  }),
  /** Churn within the window per arm, over every member. */
  observed: z.object({ treatment_churn: z.number(), control_churn: z.number() }),
  qini: z.array(qiniSchema),
  /** Per value of each segment dimension: held-out members, mean predicted and observed uplift (churn prevented). */
  segments: z.array(
    z.object({
      dimension: z.string(),
      value: z.string(),
      members: z.number(),
      predicted_uplift: z.number(),
      observed_uplift: n,
    }),
  ),
  seconds: z.number(),
});

/** GET /uplift/scores: the latest uplift scoring, by expected saved value, largest first. */
export const upliftScoresQuery = pageQuery.extend({
  /** Only customers whose predicted uplift is negative ("sleeping dogs"). */
  sleeping_dogs: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const upliftScoreRow = z.object({
  customer_id: z.string(),
  name: z.string().nullable(),
  /** Predicted reduction of P(churn within the window) if contacted (negative: contact makes churn likelier). */
  uplift: z.number(),
  clv: n,
  cost_per_contact: z.number(),
  /** uplift × CLV − cost per contact; null when the CLV is unknown. */
  expected_saved_value: n,
  sleeping_dog: z.boolean(),
});

export const upliftScoresResponse = pageOf(upliftScoreRow).extend({
  run_id: n,
  model_run_id: n,
  as_of: z.string().nullable(),
});
