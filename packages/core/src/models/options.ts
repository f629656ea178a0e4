/**
 * The options every model run accepts, as one zod schema: the CLI builds an object from its flags and the API
 * from its request, and both go through `parseModelOptions`, so a bad value gets the same TEN_BAD_OPTION
 * (core's parseOptions) from either. Each model reads the options that concern it.
 */
import { z } from 'zod';
import { isoDay } from '../api/common.ts';
import { activityBases } from '../metrics/activity-bases.ts';
import { filterEntries } from '../metrics/filter.ts';
import { parseOptions } from '../options.ts';
import { cohortGrains, timeUnits } from './time-units.ts';

export const modelOptionsSchema = z
  .object({
    unit: z.enum(timeUnits),
    /** Purchases up to this day calibrate the BTYD models; later ones are the holdout. */
    calibrationEnd: isoDay,
    holdoutEnd: isoDay,
    /** Lifetimes still running on this day are censored there. */
    asOf: isoDay,
    by: z.array(z.string()).max(3),
    filter: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    basis: z.enum(activityBases),
    covariates: z.array(z.string()).min(1),
    survivors: z.array(z.number().nonnegative()).min(3),
    discountRate: z.number().min(0).max(1),
    horizonMonths: z.number().int().min(1).max(600),
    margin: z.number().min(0).max(1),
    top: z.number().int().min(0).max(100_000),
    confType: z.enum(['log', 'log-log']),
    tau: z.number().positive(),
    horizon: z.number().int().min(0).max(1000),
    /** sBG: fit each acquisition cohort of this period on its own too. */
    cohort: z.enum(cohortGrains),
  })
  .partial()
  .strict();

export type ModelOptions = z.infer<typeof modelOptionsSchema>;

/**
 * Check options; every bad one is a fix of TEN_BAD_OPTION naming the option.
 *
 * @example
 * parseModelOptions({ unit: 'week', calibrationEnd: '1997-09-30' });
 */
export function parseModelOptions(input: unknown): ModelOptions {
  const o = parseOptions(modelOptionsSchema, input);
  // zod's record drops a `__proto__` key: keep the caller's own keys, so normalizeQuery refuses the name.
  const filter = (input as { filter?: ModelOptions['filter'] } | null)?.filter;
  return o.filter && filter ? { ...o, filter: Object.fromEntries(filterEntries(filter)) } : o;
}
