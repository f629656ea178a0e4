/**
 * The lifetime models over HTTP: survival curves, fits run as jobs and stored, the latest run of a model, sBG on
 * typed-in survivor counts, customer value and validation. Routes return core's results (models/), and their
 * handlers are typed against these schemas, so a result that drifts from its schema does not compile.
 */
import { z } from 'zod';
import { activityBases } from '../metrics/activity-bases.ts';
import { modelOptionsSchema } from '../models/options.ts';
import { cohortGrains, timeUnits } from '../models/time-units.ts';
import { commaList, dimensionFilter, isoDay, problemSchema } from './common.ts';
import { wireOptions } from './wire.ts';

const n = z.number().nullable();
const failed = z.object({ code: z.string(), message: z.string() });

export const modelParams = z.object({ model: z.string() });

export const modelListResponse = z.object({
  models: z.array(z.object({ id: z.string(), title: z.string(), reference: z.string() })),
});

/** A fit's parameters and standard errors by name, the log-likelihood and convergence (ModelFit). */
const fitSchema = z.object({
  params: z.record(z.string(), z.number()),
  stderr: z.record(z.string(), z.number()),
  log_lik: z.number(),
  n: z.number(),
  iterations: z.number(),
  converged: z.boolean(),
});

/** A stored run without its result: what was fitted, with which options, on which data, when. */
export const runSchema = z.object({
  run_id: z.number(),
  model: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  data_window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  created_at: z.string(),
});

export const runsQuery = z.object({
  model: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const runsResponse = z.object({ runs: z.array(runSchema) });

/**
 * GET /models/:model/latest. A Kaplan–Meier run's curves come read at `points` shared times, as GET
 * /models/survival draws them, unless `table=true` asks for the stored life tables (a row per distinct
 * lifetime: on a million customers 1,100 rows, 200 KB, most of it digits past what a chart or a quote uses).
 */
export const latestRunQuery = z.object({
  points: z.coerce.number().int().min(2).max(2000).default(200),
  table: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** GET /models/:model/latest: the run with its result, whose shape is the model's (docs/models.md). */
export const latestRunResponse = runSchema.extend({ result: z.unknown() });

/** POST /models/:model/fit: the model's options (the same as the CLI's flags). */
export const fitBody = wireOptions(modelOptionsSchema);

export const fitJobSchema = z.object({
  job_id: z.string(),
  model: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  run: runSchema.optional(),
  error: problemSchema.optional(),
});

/** GET /models/survival: Kaplan–Meier by segment, read at `points` shared times, with the log-rank test. */
export const survivalQuery = z.object({
  unit: z.enum(timeUnits).default('month'),
  by: commaList,
  filter: dimensionFilter,
  basis: z.enum(activityBases).default('auto'),
  as_of: isoDay.optional(),
  conf_type: z.enum(['log', 'log-log']).default('log'),
  tau: z.coerce.number().positive().optional(),
  points: z.coerce.number().int().min(2).max(2000).default(200),
});

export const survivalResponse = z.object({
  unit: z.enum(timeUnits),
  as_of: z.string(),
  basis: z.string(),
  by: z.array(z.string()),
  curves: z.array(
    z.object({
      segment: z.string(),
      n: z.number(),
      events: z.number(),
      conf_type: z.enum(['log', 'log-log']),
      median: z.object({ estimate: n, lower: n, upper: n }),
      restricted_mean: z.object({ tau: z.number(), estimate: z.number(), stderr: z.number() }),
      points: z.array(z.object({ time: z.number(), survival: n, lower: n, upper: n })),
    }),
  ),
  log_rank: z
    .object({
      groups: z.array(z.string()),
      observed: z.array(z.number()),
      expected: z.array(z.number()),
      chi_square: z.number(),
      df: z.number(),
      p_value: z.number(),
    })
    .nullable(),
});

/** POST /models/sbg/survivors: counts still there at the start and after each period, as typed or pasted. */
export const survivorsBody = wireOptions(
  modelOptionsSchema
    .pick({ survivors: true, unit: true, discountRate: true, horizon: true })
    .required({ survivors: true }),
);

const sbgProjection = z.object({
  unit: z.enum(timeUnits),
  fit: fitSchema,
  curve: z.array(z.object({ period: z.number(), survival: z.number(), retention: n, observed: n })),
  discount_per_period: z.number(),
  lifetime: z.object({
    expected: n,
    median: n,
    del: z.number(),
    derl: z.array(z.object({ renewals: z.number(), value: z.number() })),
  }),
});
const cohortOf = { cohort: z.string(), customers: z.number() };

export const sbgResponse = sbgProjection.extend({
  source: z.enum(['survivors', 'workspace']),
  as_of: z.string().nullable(),
  cohort_grain: z.enum(cohortGrains).nullable(),
  cohorts: z.array(
    z.union([sbgProjection.extend(cohortOf), z.object({ ...cohortOf, error: failed, observed: z.array(z.number()) })]),
  ),
});

/** GET /clv: the latest CLV run, its top customers cut to `top`. */
export const clvQuery = z.object({ top: z.coerce.number().int().min(0).max(100_000).default(50) });

const bins = z.array(z.object({ lower: z.number(), upper: z.number(), count: z.number() }));
export const clvResponse = runSchema.extend({
  result: z.object({
    unit: z.enum(timeUnits),
    calibration_end: z.string(),
    // Runs stored before CLV had its subscription part have none of valuedAt and the parts.
    valued_at: z.string().optional(),
    horizon_months: z.number(),
    discount_rate: z.number(),
    margin: z.number(),
    bg_nbd: fitSchema,
    gamma_gamma: fitSchema.extend({ population_mean: z.number(), frequency_spend_correlation: z.number() }),
    customers: z.number(),
    buyers: z.number().optional(),
    total_value: z.number(),
    subscription_value: z.number().optional(),
    purchase_value: z.number().optional(),
    expected_alive: z.number(),
    quantiles: z.array(z.object({ p: z.number(), value: z.number() })),
    // Runs stored before the histograms were kept have none.
    distribution: z.object({ clv: bins, p_alive: bins }).optional(),
    top: z.array(
      z.object({
        customer_id: z.string(),
        x: z.number(),
        t_x: z.number(),
        T: z.number(),
        m: z.number(),
        p_alive: z.number().nullable(),
        expected_purchases: z.number(),
        expected_spend: z.number(),
        subscription_value: z.number().optional(),
        purchase_value: z.number().optional(),
        clv: z.number(),
      }),
    ),
  }),
});

/** GET /models/validate: fit before the calibration end, compare with what happened after it. */
export const validateQuery = z.object({
  calibration_end: isoDay,
  holdout_end: isoDay.optional(),
  unit: z.enum(timeUnits).default('week'),
  filter: dimensionFilter,
});

const part = <T extends z.ZodType>(schema: T) => z.union([schema, z.object({ error: failed })]).nullable();
export const validateResponse = z.object({
  unit: z.enum(timeUnits),
  calibration_end: z.string(),
  holdout_end: z.string(),
  purchases: part(
    z.object({
      fit: fitSchema,
      holdout: z.number(),
      by_frequency: z.array(
        z.object({ frequency: z.string(), customers: z.number(), actual: z.number(), predicted: z.number() }),
      ),
      total: z.object({ actual: z.number(), predicted: z.number() }),
      revenue: z.object({ actual: z.number(), predicted: z.number() }).nullable(),
    }),
  ),
  survival: part(
    z.object({
      fit: fitSchema,
      by_period: z.array(z.object({ period: z.number(), actual: z.number(), predicted: z.number() })),
    }),
  ),
});
