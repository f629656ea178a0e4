/**
 * Response bodies of the HTTP API, as docs/api.md specifies them. Core's types are Node-side (they import
 * DuckDB), so the browser keeps this mirror of the JSON contract; the browser tests check it against the server.
 */

export type Unit = 'count' | 'ratio' | 'money';
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type Role = 'viewer' | 'analyst' | 'admin';

/** application/problem+json */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  hint?: string;
  errors?: { path: string; message: string }[];
}

export interface User {
  username: string;
  role: Role;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  rows: T[];
}

export interface MetricInfo {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  unit: Unit;
  grains: Grain[];
}

export interface MetricRow {
  metric: string;
  period_start: string;
  period_end: string;
  segment: Record<string, string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ci_low: number | null;
  ci_high: number | null;
  change?: number | null;
  p_value?: number | null;
  p_adjusted?: number | null;
  significant?: boolean;
  forecast?: string;
}

export interface EntityStatus {
  entity: string;
  rows: number;
  from: string | null;
  to: string | null;
  lastImport: string | null;
  rejectedRows: number;
}

export interface Status {
  entities: EntityStatus[];
  lastCompleteMonth: string | null;
  headline: { month: string; activeAtStart: number; churned: number; rate: number | null } | null;
  dimensions: string[];
}

export interface Kpi {
  metric: string;
  unit: Unit;
  value: number | null;
  previous: number | null;
  change: number | null;
  ci_low: number | null;
  ci_high: number | null;
  series: { period_start: string; value: number | null }[];
}

export interface Overview {
  period: Grain;
  from: string;
  to: string;
  kpis: Kpi[];
}

export interface Cohorts {
  mode: 'customers' | 'revenue';
  cohorts: { cohort: string; size: number; cells: { age: number; value: number | null; count: number }[] }[];
}

export interface ChurnReason {
  reason: string;
  count: number;
  mrr_lost: number;
  share: number;
  cumulative_share: number;
}

export interface TaxonomyNode {
  name: string;
  count: number;
  mrr_lost: number;
  children?: TaxonomyNode[];
}

export interface ChurnReasons {
  reasons: ChurnReason[];
  taxonomy: TaxonomyNode[];
}

export interface CustomerRow {
  customer_id: string;
  name: string | null;
  created_at: string | null;
  status: 'active' | 'churned' | 'unknown';
  mrr: number | null;
  region?: string | null;
  [column: string]: unknown;
}

export interface TimelineEvent {
  at: string;
  kind: 'subscription' | 'order' | 'activity' | 'ticket' | 'survey' | 'churn_event';
  action: 'subscription_started' | 'subscription_ended' | 'order' | 'activity' | 'ticket' | 'survey' | 'churn';
  subject: string | null;
  amount: number | null;
  facts: Record<string, string | number>;
  title: string;
  detail?: string | null;
}

export interface CustomerSeries {
  mrr: { month: string; mrr: number }[];
  usage: { month: string; kind: string; quantity: number }[];
}

export interface Customer360 {
  customer: Record<string, unknown>;
  attributes: Record<string, unknown>;
  attributeHeaders: Record<string, string>;
  timeline: TimelineEvent[];
  series: CustomerSeries;
}

export interface ImportSummary {
  batchId: number | null;
  entity: string;
  file: string;
  status: 'loaded' | 'refused' | 'dry-run';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  mapping: { field: string; header: string }[];
  extras: { header: string; column: string; type: string }[];
  dropped: string[];
  problems: { code: string; column: string | null; count: number; firstLine: number | null; example: string }[];
  preview?: Record<string, unknown>[];
}

/** POST /imports/preview */
export interface ImportPreview {
  columns: string[];
  fields: { name: string; required: boolean }[];
  mapping: { field: string; header: string }[];
  missing: string[];
  maxRejectRate: number;
  refused: boolean;
  summary: ImportSummary | null;
}

export interface ImportJob {
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { phase: string; percent: number };
  summary?: ImportSummary;
  error?: Problem;
}

export interface RejectRow {
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export interface ColumnIssue {
  dimension: string;
  column: string;
  rule: string;
  count: number;
  loss: number;
  impact: number;
}

export interface EntityQuality {
  entity: string;
  rows: number;
  score: number | null;
  completeness: { score: number | null };
  validity: { score: number | null };
  uniqueness: { score: number | null };
  integrity: { score: number | null };
  freshness: { score: number | null };
  offenders: ColumnIssue[];
}

export interface Quality {
  overall: number | null;
  now: string;
  entities: EntityQuality[];
}

export interface Settings {
  currency: string;
  timezone: string;
  fiscal_year_start_month: number;
  week_start: 'monday' | 'sunday';
  churn: {
    grace_days: number;
    inactivity_days: number;
    recognized_at: 'end_of_period' | 'cancellation_request';
    count_same_period: boolean;
  };
  gross_margin: number;
  dimensions: string[];
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

/** A fitted model's parameters and standard errors by name, log-likelihood and convergence. */
export interface ModelFit {
  params: Record<string, number>;
  stderr: Record<string, number>;
  logLik: number;
  n: number;
  iterations: number;
  converged: boolean;
}

/** A stored model run (GET /models/:model/latest); `result` is the model's own shape. */
export interface ModelRun<R> {
  runId: number;
  model: string;
  parameters: Record<string, unknown>;
  dataWindow: { from: string | null; to: string | null };
  createdAt: string;
  result: R;
}

export interface FitJob {
  jobId: string;
  model: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  run?: Omit<ModelRun<unknown>, 'result'>;
  error?: Problem;
}

/** GET /models/survival */
export interface Survival {
  unit: string;
  asOf: string;
  basis: string;
  by: string[];
  curves: {
    segment: string;
    n: number;
    events: number;
    median: { estimate: number | null; lower: number | null; upper: number | null };
    restrictedMean: { tau: number; estimate: number; stderr: number };
    points: { time: number; survival: number | null; lower: number | null; upper: number | null }[];
  }[];
  logRank: { chiSquare: number; df: number; pValue: number } | null;
}

/** The sBG fitted to one group of customers, with observed beside projected survival. */
export interface SbgProjection {
  unit: string;
  fit: ModelFit;
  curve: { period: number; survival: number; retention: number | null; observed: number | null }[];
  lifetime: {
    expected: number | null;
    median: number | null;
    del: number;
    derl: { renewals: number; value: number }[];
  };
}

/** A cohort's own fit, or why there is none (with its observed survival). */
export type SbgCohort = { cohort: string; customers: number } & (
  | SbgProjection
  | { error: { code: string; message: string }; observed: number[] }
);

/** POST /models/sbg/survivors, and GET /models/sbg/latest's result (runs before cohorts existed have none). */
export interface SbgResult extends SbgProjection {
  source: 'survivors' | 'workspace';
  asOf: string | null;
  cohortGrain?: 'month' | 'quarter' | 'year' | null;
  cohorts?: SbgCohort[];
}

export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface ClvCustomer {
  customer_id: string;
  x: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
}

/** GET /clv: the latest CLV run. */
export type ClvRun = ModelRun<{
  unit: string;
  calibrationEnd: string;
  horizonMonths: number;
  discountRate: number;
  margin: number;
  bgNbd: ModelFit;
  gammaGamma: ModelFit;
  customers: number;
  totalValue: number;
  expectedAlive: number;
  distribution?: { clv: HistogramBin[]; pAlive: HistogramBin[] };
  top: ClvCustomer[];
}>;

export type Tier = 'low' | 'medium' | 'high' | 'critical';

/** A feature that moves a customer's churn risk, in words (the request's language), with its SHAP contribution. */
export interface Reason {
  feature: string;
  value: number | string | null;
  contribution: number;
  text: string;
}

/** A customer's row of the latest scoring (GET /churn/at-risk, GET /churn/customers/:id). */
export interface RiskRow {
  customer_id: string;
  name: string | null;
  as_of: string;
  probability: number;
  tier: Tier;
  clv: number | null;
  expected_loss: number | null;
  retain: boolean;
  flag: 'malicious_churn' | 'credit_risk' | null;
  reasons: Reason[];
}

export type AtRiskPage = Page<RiskRow> & { runId: number | null; asOf: string | null };

/** GET /churn/customers/:id */
export interface CustomerRisk {
  score: RiskRow | null;
  explanation: {
    asOf: string;
    modelRunId: number;
    probability: number;
    tier: Tier;
    margin: number;
    expectedMargin: number;
    reasons: Reason[];
    contributions: Reason[];
  };
}

/** A point of the ROC, precision–recall and lift curves, at a threshold of churn probability. */
export interface CurvePoint {
  threshold: number;
  share: number;
  tpr: number;
  fpr: number;
  precision: number | null;
  lift: number | null;
}

export interface Evaluation {
  rows: number;
  churned: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number;
  liftAt10: number;
  captureAt10: number;
  calibration: { from: number; to: number; count: number; meanPredicted: number; observedRate: number }[];
  curve: CurvePoint[];
}

/** GET /churn/model */
export interface ChurnModelReport {
  runId: number;
  createdAt: string;
  parameters: Record<string, unknown>;
  dataWindow: { from: string | null; to: string | null };
  metrics: { classifier: string; mode: string; trees: number | null; train_rows: number };
  importance: { feature: string; meanAbsShap: number; share: number }[];
  evaluations: { set: 'backtest' | 'test' | 'validation'; model: Evaluation; baseline: Evaluation | null }[];
}

/** GET /alerts */
export interface AlertItem {
  alert_id: number;
  customer_id: string;
  rule: string;
  severity: string;
  as_of: string;
  created_at: string;
  message: string;
  acknowledged_at: string | null;
  deliveries: { delivered: number; pending: number; failed: number };
}

/** GET /alerts/settings: the `prediction` section of the config. */
export interface PredictionSettings {
  horizon_days: number;
  tiers: { critical: number; high: number; medium: number };
  credit_risk_column: string;
  alerts: {
    tier_rise: boolean;
    usage_drop: number | null;
    complaint_past_sla: boolean;
    nps_detractor: number | null;
    failed_payment: boolean;
  };
  webhooks: { url: string; secret_env: string }[];
}
