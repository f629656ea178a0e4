/**
 * Response bodies of the HTTP API, derived from the zod schemas the server validates its responses with
 * (`@tenure/core/api`, zod only, imported as types: nothing of it reaches the bundle). A change to a schema
 * changes these types, so a page that reads a field the server no longer sends fails `tsc`. The names are the
 * ones pages use; `endpoints.ts` pairs each route with its schema and a test checks it against the server.
 */
import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** A model's time unit (day … year); a measure's unit is core's `Unit` (i18n/format.ts). */
export type TimeUnit = Infer<typeof api.survivalResponse>['unit'];
export type Grain = Infer<typeof api.grainSchema>;
export type Role = Infer<typeof api.roleSchema>;

type ServerProblem = Infer<typeof api.problemSchema>;
/** application/problem+json; problems the client makes itself (network down) carry only title, status and code. */
export type Problem = Pick<ServerProblem, 'title' | 'status' | 'code' | 'where' | 'errors' | 'request_id'> &
  Partial<Pick<ServerProblem, 'type' | 'detail' | 'hint' | 'fixes' | 'remedies' | 'version' | 'fields'>>;

export type Session = Infer<typeof api.sessionResponse>;
export type User = Session['user'];

/** A page of rows: `{ total, page, page_size, rows }`. */
export type Page<T> = Omit<Infer<typeof api.customersResponse>, 'rows'> & { rows: T[] };

export type MetricInfo = Infer<typeof api.metricListResponse>['metrics'][number];
export type MetricRow = Infer<typeof api.metricRowSchema>;
export type MetricResponse = Infer<typeof api.metricResponse>;

export type Status = Infer<typeof api.statusResponse>;
export type EntityStatus = Status['entities'][number];

/** How current a view's figures are, on the views read from the metric rollups (api/common.ts `freshness`). */
export type Freshness = Pick<Infer<typeof api.overviewResponse>, 'as_of' | 'refreshing'>;
export type Overview = Infer<typeof api.overviewResponse>;
export type Kpi = Overview['kpis'][number];
export type Cohorts = Infer<typeof api.cohortsResponse>;
export type BenchmarkTrends = Infer<typeof api.benchmarkTrendsResponse>;
export type WinLoss = Infer<typeof api.winLossResponse>;
export type LtvClv = Infer<typeof api.ltvClvResponse>;
export type ChurnReasons = Infer<typeof api.churnReasonsResponse>;
export type ChurnReason = ChurnReasons['reasons'][number];
export type TaxonomyNode = ChurnReasons['taxonomy'][number];

export type CustomerRow = Infer<typeof api.customerRowSchema>;
export type Customer360 = Infer<typeof api.customer360Response>;
export type TimelineEvent = Customer360['timeline'][number];
export type CustomerSeries = Customer360['series'];

export type ImportSummary = Infer<typeof api.importSummarySchema>;
/** The `options` of an upload (POST /imports, /imports/preview), as the wizard sends them. */
export type ImportOptionsBody = api.Input<typeof api.importOptionsSchema>;
/** POST /imports/preview */
export type ImportPreview = Infer<typeof api.importPreviewSchema>;
export type ImportJob = Infer<typeof api.jobSchema>;
/** POST /imports: the job started. */
export type ImportStarted = Infer<typeof api.jobCreated>;
export type RejectRow = Infer<typeof api.rejectRowSchema>;

export type Quality = Infer<typeof api.qualityResponse>;
export type EntityQuality = Quality['entities'][number];
export type ColumnIssue = Infer<typeof api.qualityOffenderSchema>;

export type Settings = Infer<typeof api.settingsResponse>;
export type ApiKey = Infer<typeof api.apiKeySchema>;

export type FitJob = Infer<typeof api.fitJobSchema>;
/** A stored model run (GET /models/:model/latest); `result` is the model's own shape. */
export type ModelRun<R> = Omit<Infer<typeof api.latestRunResponse>, 'result'> & { result: R };

export type Survival = Infer<typeof api.survivalResponse>;
/** POST /models/sbg/survivors, and GET /models/sbg/latest's result. */
export type SbgResult = Infer<typeof api.sbgResponse>;
/** A fitted model's parameters and standard errors by name, log-likelihood and convergence. */
export type ModelFit = SbgResult['fit'];
/** The sBG fitted to one group of customers, with observed beside projected survival. */
export type SbgProjection = Omit<SbgResult, 'source' | 'as_of' | 'cohort_grain' | 'cohorts'>;
/** A cohort's own fit, or why there is none (with its observed survival). */
export type SbgCohort = SbgResult['cohorts'][number];

/** GET /clv: the latest CLV run. */
export type ClvRun = Infer<typeof api.clvResponse>;
export type HistogramBin = NonNullable<ClvRun['result']['distribution']>['clv'][number];
export type ClvCustomer = ClvRun['result']['top'][number];
export type Pyramid = Infer<typeof api.pyramidResponse>;
export type PyramidTier = Pyramid['tiers'][number];
export type SegmentSummary = Infer<typeof api.segmentSummaryResponse>;

export type AtRiskPage = Infer<typeof api.atRiskResponse>;
/** The at-risk list's orders: by expected loss, or persuadable (by expected saved value). */
export type AtRiskView = (typeof api.atRiskViews)[number];
/** A customer's row of the latest scoring (GET /churn/at-risk, GET /churn/customers/:id). */
export type RiskRow = AtRiskPage['rows'][number];
export type Tier = RiskRow['tier'];
/** A feature that moves a customer's churn risk, in words (the request's language), with its SHAP contribution. */
export type Reason = RiskRow['reasons'][number];
export type CustomerRisk = Infer<typeof api.customerRiskResponse>;
export type CustomerProfit = Infer<typeof api.customerProfitResponse>;

export type ChurnModelReport = Infer<typeof api.modelReportResponse>;
export type Evaluation = ChurnModelReport['evaluations'][number]['model'];
/** A point of the ROC, precision–recall and lift curves, at a threshold of churn probability. */
export type CurvePoint = Evaluation['curve'][number];

export type AlertItem = Infer<typeof api.alertsResponse>['rows'][number];
/** GET /alerts/settings: the `prediction` section of the config. */
export type PredictionSettings = Infer<typeof api.alertSettingsResponse>;

/** A case as the API returns it (GET /cases rows, every case write). */
export type CaseRow = Infer<typeof api.caseSchema>;
export type CaseStage = CaseRow['stage'];
/** A case as lists return it: the row and its SLA state when read (breached targets, overdue, the next due time). */
export type CaseListRow = Infer<typeof api.casesResponse>['rows'][number];
/** One event of a case's history, newest first in a case's detail. */
export type CaseEvent = Infer<typeof api.caseDetailResponse>['events'][number];
export type CaseDetail = Infer<typeof api.caseDetailResponse>;
/** What a case list sends (GET /cases): its filters, sort and page. */
export type CasesQuery = api.Input<typeof api.casesQuery>;

/** A survey as its public answer page reads it: the invitation's language only. */
export type PublicSurvey = Infer<typeof api.publicSurveyResponse>;
