/**
 * The options of training, evaluation and scoring, as one zod schema: the CLI builds an object from its
 * flags and the API from its request, and a bad value gets TEN_BAD_OPTION naming the option from either (the
 * same code as every option of every shell).
 */
import { z } from 'zod';
import { isoDay } from '../api/common.ts';
import { parseOptions } from '../options.ts';

export const predictOptionsSchema = z
  .object({
    classifier: z.enum(['gbdt', 'logistic']),
    /** snapshots: point-in-time features of event data; static: one customer table with a churned flag. */
    mode: z.enum(['auto', 'snapshots', 'static']),
    /** A file of customer ids to hold out as the test set. */
    testIds: z.string().min(1),
    /** The day features are computed at (scoring) or the backtest's test snapshot (evaluation). */
    asOf: isoDay,
    /** Churn within this many days after a snapshot is the label. */
    horizonDays: z.number().int().min(7).max(730),
    /** Monthly training snapshots. */
    snapshots: z.number().int().min(1).max(36),
    gbdt: z
      .object({
        trees: z.number().int().min(1).max(10_000),
        learningRate: z.number().gt(0).max(1),
        maxDepth: z.number().int().min(1).max(16),
        maxLeaves: z.number().int().min(0).max(65_536),
        minChildWeight: z.number().min(0),
        lambda: z.number().min(0),
        gamma: z.number().min(0),
        catSmooth: z.number().min(0),
        earlyStoppingRounds: z.number().int().min(0),
        threads: z.number().int().min(1).max(256),
      })
      .partial()
      .strict(),
    /** L2 penalty of the logistic baseline. */
    lambda: z.number().min(0),
  })
  .partial()
  .strict();

export type PredictOptions = z.infer<typeof predictOptionsSchema>;

/**
 * Check options; every bad one is a fix of TEN_BAD_OPTION (a gbdt setting named on its own: `max_depth`).
 *
 * @example
 * parsePredictOptions({ horizonDays: 90, snapshots: 6 });
 */
export function parsePredictOptions(input: unknown): PredictOptions {
  return parseOptions(predictOptionsSchema, input, ['gbdt']);
}
