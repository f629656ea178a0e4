/**
 * The lifetime models over HTTP: survival curves, fits run as jobs and stored, the latest run of a model, sBG on
 * typed-in survivor counts, customer value and validation. Routes return core's results (models/), and their
 * handlers are typed against these schemas, so a result that drifts from its schema does not compile.
 */
import { z } from 'zod';
import { activityBases } from '../metrics/activity-bases.ts';
import { modelOptionsSchema } from '../models/options.ts';
import { cohortGrains, units } from '../models/units.ts';
import { commaList, dimensionFilter, isoDay, problemSchema } from './common.ts';

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
  logLik: z.number(),
  n: z.number(),
  iterations: z.number(),
  converged: z.boolean(),
});

/** A stored run without its result: what was fitted, with which options, on which data, when. */
export const runSchema = z.object({
  runId: z.number(),
  model: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  dataWindow: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  createdAt: z.string(),
});

export const runsQuery = z.object({
  model: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const runsResponse = z.object({ runs: z.array(runSchema) });

/** GET /models/:model/latest: the run with its result, whose shape is the model's (docs/models.md). */
export const latestRunResponse = runSchema.extend({ result: z.unknown() });

/** POST /models/:model/fit: the model's options (the same as the CLI's flags). */
export const fitBody = modelOptionsSchema;

export const fitJobSchema = z.object({
  jobId: z.string(),
  model: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  run: runSchema.optional(),
  error: problemSchema.optional(),
});

/** GET /models/survival: Kaplan–Meier by segment, read at `points` shared times, with the log-rank test. */
export const survivalQuery = z.object({
  unit: z.enum(units).default('month'),
  by: commaList,
  filter: dimensionFilter,
  basis: z.enum(activityBases).default('auto'),
  asOf: isoDay.optional(),
  confType: z.enum(['log', 'log-log']).default('log'),
  tau: z.coerce.number().positive().optional(),
  points: z.coerce.number().int().min(2).max(2000).default(200),
});

export const survivalResponse = z.object({
  unit: z.enum(units),
  asOf: z.string(),
  basis: z.string(),
  by: z.array(z.string()),
  curves: z.array(
    z.object({
      segment: z.string(),
      n: z.number(),
      events: z.number(),
      confType: z.enum(['log', 'log-log']),
      median: z.object({ estimate: n, lower: n, upper: n }),
      restrictedMean: z.object({ tau: z.number(), estimate: z.number(), stderr: z.number() }),
      points: z.array(z.object({ time: z.number(), survival: n, lower: n, upper: n })),
    }),
  ),
  logRank: z
    .object({
      groups: z.array(z.string()),
      observed: z.array(z.number()),
      expected: z.array(z.number()),
      chiSquare: z.number(),
      df: z.number(),
      pValue: z.number(),
    })
    .nullable(),
});

/** POST /models/sbg/survivors: counts still there at the start and after each period, as typed or pasted. */
export const survivorsBody = modelOptionsSchema
  .pick({ survivors: true, unit: true, discountRate: true, horizon: true })
  .required({ survivors: true });

const sbgProjection = z.object({
  unit: z.enum(units),
  fit: fitSchema,
  curve: z.array(z.object({ period: z.number(), survival: z.number(), retention: n, observed: n })),
  discountPerPeriod: z.number(),
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
  asOf: z.string().nullable(),
  cohortGrain: z.enum(cohortGrains).nullable(),
  cohorts: z.array(
    z.union([sbgProjection.extend(cohortOf), z.object({ ...cohortOf, error: failed, observed: z.array(z.number()) })]),
  ),
});

/** GET /clv: the latest CLV run, its top customers cut to `top`. */
export const clvQuery = z.object({ top: z.coerce.number().int().min(0).max(100_000).default(50) });

const bins = z.array(z.object({ lower: z.number(), upper: z.number(), count: z.number() }));
export const clvResponse = runSchema.extend({
  result: z.object({
    unit: z.enum(units),
    calibrationEnd: z.string(),
    // Runs stored before CLV had its subscription part have none of valuedAt and the parts.
    valuedAt: z.string().optional(),
    horizonMonths: z.number(),
    discountRate: z.number(),
    margin: z.number(),
    bgNbd: fitSchema,
    gammaGamma: fitSchema.extend({ populationMean: z.number(), frequencySpendCorrelation: z.number() }),
    customers: z.number(),
    buyers: z.number().optional(),
    totalValue: z.number(),
    subscriptionValue: z.number().optional(),
    purchaseValue: z.number().optional(),
    expectedAlive: z.number(),
    quantiles: z.array(z.object({ p: z.number(), value: z.number() })),
    // Runs stored before the histograms were kept have none.
    distribution: z.object({ clv: bins, pAlive: bins }).optional(),
    top: z.array(
      z.object({
        customer_id: z.string(),
        x: z.number(),
        t_x: z.number(),
        T: z.number(),
        m: z.number(),
        pAlive: z.number().nullable(),
        expectedPurchases: z.number(),
        expectedSpend: z.number(),
        subscriptionValue: z.number().optional(),
        purchaseValue: z.number().optional(),
        clv: z.number(),
      }),
    ),
  }),
});

/** GET /models/validate: fit before the calibration end, compare with what happened after it. */
export const validateQuery = z.object({
  calibrationEnd: isoDay,
  holdoutEnd: isoDay.optional(),
  unit: z.enum(units).default('week'),
  filter: dimensionFilter,
});

const part = <T extends z.ZodType>(schema: T) => z.union([schema, z.object({ error: failed })]).nullable();
export const validateResponse = z.object({
  unit: z.enum(units),
  calibrationEnd: z.string(),
  holdoutEnd: z.string(),
  purchases: part(
    z.object({
      fit: fitSchema,
      holdout: z.number(),
      byFrequency: z.array(
        z.object({ frequency: z.string(), customers: z.number(), actual: z.number(), predicted: z.number() }),
      ),
      total: z.object({ actual: z.number(), predicted: z.number() }),
      revenue: z.object({ actual: z.number(), predicted: z.number() }).nullable(),
    }),
  ),
  survival: part(
    z.object({
      fit: fitSchema,
      byPeriod: z.array(z.object({ period: z.number(), actual: z.number(), predicted: z.number() })),
    }),
  ),
});
