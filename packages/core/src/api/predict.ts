/**
 * Churn prediction over HTTP: training and scoring as jobs, the model report, the at-risk list, one customer's
 * risk and explanation, the alert inbox and the alert settings. Handlers are typed against these schemas, so a
 * library result that drifts from its schema does not compile.
 */
import { z } from 'zod';
import { predictionConfigSchema } from '../predict/config.ts';
import { predictOptionsSchema } from '../predict/options.ts';
import { dimensionFilter, langParam, pageOf, pageQuery } from './common.ts';
import { wireOptions } from './wire.ts';

const tier = z.enum(['low', 'medium', 'high', 'critical']);
const n = z.number().nullable();

/** `?lang=` picks the language of reason and alert texts; without it, the Accept-Language header does. */
export const langQuery = z.object({ lang: langParam.optional() });

/**
 * POST /churn/train and /churn/score: the options of `tenure model train|score`, except the test-id file,
 * which names a path on the server. `backtest` (train only, default true) also runs the time-based backtest.
 */
export const trainBody = wireOptions(
  predictOptionsSchema.omit({ testIds: true }).extend({ backtest: z.boolean().optional() }),
);
export const scoreBody = wireOptions(predictOptionsSchema.pick({ asOf: true }));

const calibrationBin = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number(),
  mean_predicted: z.number(),
  observed_rate: z.number(),
});
const curvePoint = z.object({
  threshold: z.number(),
  share: z.number(),
  tpr: z.number(),
  fpr: z.number(),
  precision: n,
  lift: n,
});
const evaluation = z.object({
  rows: z.number(),
  churned: z.number(),
  roc_auc: z.number(),
  pr_auc: z.number(),
  log_loss: z.number(),
  brier: z.number(),
  lift_at10: z.number(),
  capture_at10: z.number(),
  calibration: z.array(calibrationBin),
  curve: z.array(curvePoint),
});

/** GET /churn/model: the latest trained model's report (predict/report.ts). */
export const modelReportResponse = z.object({
  run_id: z.number(),
  created_at: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  data_window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  metrics: z.object({
    classifier: z.enum(['gbdt', 'logistic']),
    mode: z.enum(['snapshots', 'static']),
    train_rows: z.number(),
    validation_rows: z.number(),
    test_rows: z.number(),
    validation_auc: z.number(),
    test_auc: n,
    test_pr_auc: n,
    test_log_loss: n,
    test_brier: n,
    baseline_test_auc: n,
    baseline_validation_auc: n,
    trees: n,
    seconds: z.number(),
  }),
  importance: z.array(z.object({ feature: z.string(), mean_abs_shap: z.number(), share: z.number() })),
  evaluations: z.array(
    z.object({
      set: z.enum(['backtest', 'test', 'validation']),
      run_id: z.number(),
      model: evaluation,
      baseline: evaluation.nullable(),
    }),
  ),
});

const reason = z.object({
  feature: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  contribution: z.number(),
  text: z.string(),
});

const riskRow = z.object({
  customer_id: z.string(),
  name: z.string().nullable(),
  as_of: z.string(),
  probability: z.number(),
  tier,
  clv: n,
  clv_subscription: n,
  clv_purchases: n,
  expected_loss: n,
  retain: z.boolean(),
  flag: z.enum(['malicious_churn', 'credit_risk']).nullable(),
  reasons: z.array(reason),
  /** The persuadable view only (uplift/): predicted churn prevented by contact, its value, and the sleeping-dog flag. */
  uplift: n.optional(),
  expected_saved_value: n.optional(),
  sleeping_dog: z.boolean().optional(),
});

/**
 * The at-risk list's views: by expected loss (the retention queue), or `persuadable`: the latest uplift scoring's
 * customers by expected saved value (uplift × CLV − cost per contact), largest first.
 */
export const atRiskViews = ['expected_loss', 'persuadable'] as const;

/** GET /churn/at-risk */
export const atRiskQuery = pageQuery.extend(langQuery.shape).extend({
  view: z.enum(atRiskViews).default('expected_loss'),
  tier: z
    .union([tier, z.array(tier)])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat())),
  filter: dimensionFilter,
  reason: z.string().max(200).optional(),
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const atRiskResponse = pageOf(riskRow).extend({ run_id: n, as_of: z.string().nullable() });

/** GET /churn/customers/:id */
export const riskParams = z.object({ id: z.string() });
export const customerRiskResponse = z.object({
  score: riskRow.nullable(),
  explanation: z.object({
    customer_id: z.string(),
    as_of: z.string(),
    model_run_id: z.number(),
    probability: z.number(),
    tier,
    margin: z.number(),
    expected_margin: z.number(),
    reasons: z.array(reason),
    contributions: z.array(reason),
  }),
});

const alertItem = z.object({
  alert_id: z.number(),
  run_id: z.number(),
  customer_id: z.string(),
  rule: z.string(),
  severity: z.string(),
  as_of: z.string(),
  created_at: z.string(),
  message: z.string(),
  detail: z.record(z.string(), z.unknown()),
  acknowledged_at: z.string().nullable(),
  deliveries: z.object({ delivered: z.number(), pending: z.number(), failed: z.number() }),
});

/** GET /alerts: a page of alerts, newest first, with the total. */
export const alertsQuery = pageQuery.extend(langQuery.shape).extend({
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  rule: z.string().max(100).optional(),
  severity: z.enum(['high', 'medium']).optional(),
  customer: z.string().max(200).optional(),
});
export const alertsResponse = pageOf(alertItem);

/** POST /churn/alerts/acknowledge */
export const acknowledgeBody = z.object({ ids: z.array(z.number().int()).min(1).max(10_000) });
export const acknowledgeResponse = z.object({ acknowledged: z.number() });

/**
 * GET/PUT /churn/alert-settings: the early-warning rules, the risk tiers and the webhooks. A PUT changes any of
 * them, the rules and tiers key by key. The keys are listed without the config's defaults (which would fill in
 * every key left out, undoing earlier changes); the merged section is checked by the config's own schema.
 */
export const alertSettingsResponse = predictionConfigSchema;
export const alertSettingsBody = z
  .object({
    tiers: z.object({ critical: z.number(), high: z.number(), medium: z.number() }).partial().strict(),
    alerts: z
      .object({
        tier_rise: z.boolean(),
        critical_risk: z.boolean(),
        usage_drop: z.number().nullable(),
        complaint_past_sla: z.boolean(),
        nps_detractor: z.number().nullable(),
        failed_payment: z.boolean(),
      })
      .partial()
      .strict(),
    webhooks: predictionConfigSchema.shape.webhooks.unwrap(),
    alert_cap: z.number().int().min(1).max(100_000),
  })
  .partial()
  .strict();
