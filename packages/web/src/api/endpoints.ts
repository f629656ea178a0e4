/**
 * Every route of the API by method and full path, with the zod schema of its success response (and of its query
 * string, where it takes one): the contract between server and dashboard. `test/contract.test.ts` checks it against the server's route registry (each
 * route here, with the very schema object the server validates its response with, and nothing else), and
 * `use-api.ts` types a GET of a fixed path (its query and its answer) from it. The app imports this file only as a type, so the schemas
 * never reach the bundle.
 */
import * as api from '@tenure/core/api';

export const endpoints = {
  'GET /api/health': api.healthResponse,
  'POST /api/v1/auth/login': api.sessionResponse,
  'POST /api/v1/auth/logout': api.noContent,
  'GET /api/v1/auth/me': api.sessionResponse,
  'PUT /api/v1/auth/me': api.sessionResponse,
  'GET /api/v1/status': api.statusResponse,
  'GET /api/v1/metrics': api.metricListResponse,
  'GET /api/v1/metrics/:name': api.metricResponse,
  'GET /api/v1/models': api.modelListResponse,
  'GET /api/v1/models/runs': api.runsResponse,
  'GET /api/v1/models/survival': api.survivalResponse,
  'GET /api/v1/models/validate': api.validateResponse,
  'POST /api/v1/models/sbg/survivors': api.sbgResponse,
  'POST /api/v1/models/:model/fit': api.fitJobSchema,
  'GET /api/v1/models/jobs/:job_id': api.fitJobSchema,
  'GET /api/v1/models/:model/latest': api.latestRunResponse,
  'GET /api/v1/clv': api.clvResponse,
  'GET /api/v1/value/pyramid': api.pyramidResponse,
  'GET /api/v1/value/segments': api.segmentSummaryResponse,
  'POST /api/v1/churn/train': api.fitJobSchema,
  'POST /api/v1/churn/score': api.fitJobSchema,
  'GET /api/v1/churn/model': api.modelReportResponse,
  'GET /api/v1/churn/at-risk': api.atRiskResponse,
  'GET /api/v1/churn/customers/:id': api.customerRiskResponse,
  'POST /api/v1/uplift/fit': api.fitJobSchema,
  'POST /api/v1/uplift/score': api.fitJobSchema,
  'GET /api/v1/uplift/model': api.upliftModelResponse,
  'GET /api/v1/uplift/scores': api.upliftScoresResponse,
  'POST /api/v1/voice/analyse': api.fitJobSchema,
  'GET /api/v1/voice/topics': api.voiceTopicsResponse,
  'GET /api/v1/voice/documents': api.voiceDocumentsResponse,
  'GET /api/v1/voice/trend': api.voiceTrendResponse,
  'POST /api/v1/voice/topics': api.voiceTopicResponse,
  'PATCH /api/v1/voice/topics/:topic_id': api.voiceTopicResponse,
  'POST /api/v1/voice/topics/:topic_id/merge': api.voiceTopicResponse,
  'DELETE /api/v1/voice/topics/:topic_id': api.voiceTopicDeleteResponse,
  'GET /api/v1/alerts': api.alertsResponse,
  'POST /api/v1/alerts/acknowledge': api.acknowledgeResponse,
  'GET /api/v1/alerts/settings': api.alertSettingsResponse,
  'PUT /api/v1/alerts/settings': api.alertSettingsResponse,
  'GET /api/v1/overview': api.overviewResponse,
  'GET /api/v1/cohorts': api.cohortsResponse,
  'GET /api/v1/churn-reasons': api.churnReasonsResponse,
  'GET /api/v1/report': api.reportResponse,
  'GET /api/v1/quality': api.qualityResponse,
  'GET /api/v1/benchmarks': api.benchmarksResponse,
  'GET /api/v1/benchmarks/trends': api.benchmarkTrendsResponse,
  'GET /api/v1/clv/ltv': api.ltvClvResponse,
  'GET /api/v1/competitors/win-loss': api.winLossResponse,
  'GET /api/v1/customers': api.customersResponse,
  'GET /api/v1/customers/:id': api.customer360Response,
  'GET /api/v1/customers/:id/profit': api.customerProfitResponse,
  'GET /api/v1/cases': api.casesResponse,
  'GET /api/v1/cases/:id': api.caseDetailResponse,
  'POST /api/v1/cases': api.caseSchema,
  'POST /api/v1/cases/escalations': api.escalationResponse,
  'POST /api/v1/cases/:id/moves': api.caseSchema,
  'POST /api/v1/cases/:id/assign': api.caseSchema,
  'POST /api/v1/cases/:id/comments': api.caseSchema,
  'POST /api/v1/cases/:id/reopen': api.caseSchema,
  'POST /api/v1/cases/:id/cancel': api.caseSchema,
  'PATCH /api/v1/cases/:id': api.caseSchema,
  'GET /api/v1/playbooks': api.playbooksResponse,
  'GET /api/v1/playbooks/:id': api.playbookResponse,
  'POST /api/v1/playbooks': api.playbookResponse,
  'PUT /api/v1/playbooks/:id': api.playbookResponse,
  'PUT /api/v1/playbooks/:id/enabled': api.playbookResponse,
  'DELETE /api/v1/playbooks/:id': api.noContent,
  'POST /api/v1/playbooks/:id/runs': api.playbookRunResponse,
  'GET /api/v1/surveys': api.surveysResponse,
  'GET /api/v1/surveys/:id': api.surveyResponse,
  'POST /api/v1/surveys': api.surveyResponse,
  'PUT /api/v1/surveys/:id': api.surveyResponse,
  'DELETE /api/v1/surveys/:id': api.noContent,
  'POST /api/v1/surveys/:id/send': api.sendSurveyResponse,
  'GET /api/v1/surveys/:id/invitations': api.invitationsResponse,
  'GET /api/v1/surveys/:id/results': api.resultsResponse,
  'GET /api/v1/answers/:token': api.publicSurveyResponse,
  'POST /api/v1/answers/:token': api.answerResponse,
  'GET /api/v1/campaigns': api.campaignsResponse,
  'POST /api/v1/campaigns': api.newCampaignResponse,
  'POST /api/v1/campaigns/power': api.powerResponse,
  'GET /api/v1/campaigns/:id': api.campaignResponse,
  'POST /api/v1/campaigns/:id/launch': api.campaignStatusResponse,
  'POST /api/v1/campaigns/:id/finish': api.campaignStatusResponse,
  'GET /api/v1/campaigns/:id/measure': api.measureResponse,
  'GET /api/v1/campaigns/:id/export': api.exportResponse,
  'GET /api/v1/crm-roi': api.crmRoiResponse,
  'GET /api/v1/teams': api.teamsResponse,
  'POST /api/v1/teams': api.teamSchema,
  'PATCH /api/v1/teams/:team': api.teamSchema,
  'DELETE /api/v1/teams/:team': api.noContent,
  'POST /api/v1/teams/:team/members': api.teamSchema,
  'DELETE /api/v1/teams/:team/members/:username': api.teamSchema,
  'GET /api/v1/voice/drivers': api.driversResponse,
  'GET /api/v1/voice/key-drivers': api.keyDriversResponse,
  'GET /api/v1/voice/exits': api.exitsResponse,
  'POST /api/v1/voice/exits/confirm': api.exitConfirmResponse,
  'GET /api/v1/voice/employees': api.employeesResponse,
  'POST /api/v1/voice/topic-features': api.fitJobSchema,
  'GET /api/v1/voice/topic-features': api.topicFeaturesResponse,
  'POST /api/v1/imports/preview': api.importPreviewSchema,
  'POST /api/v1/imports': api.jobCreated,
  'GET /api/v1/imports': api.batchesResponse,
  'GET /api/v1/imports/:job_id': api.jobSchema,
  'GET /api/v1/imports/:job_id/rejects': api.rejectsResponse,
  'POST /api/v1/events/:entity': api.eventsResponse,
  'GET /api/v1/settings': api.settingsResponse,
  'PUT /api/v1/settings': api.settingsResponse,
  'GET /api/v1/users': api.usersResponse,
  'POST /api/v1/users': api.userSchema,
  'PATCH /api/v1/users/:username': api.userSchema,
  'DELETE /api/v1/users/:username': api.noContent,
  'GET /api/v1/keys': api.keysResponse,
  'POST /api/v1/keys': api.newKeyResponse,
  'DELETE /api/v1/keys/:id': api.apiKeySchema,
  'GET /api/v1/audit': api.auditResponse,
} as const;

/** The query string of each route that takes one, with the schema the server parses it with. */
export const queries = {
  'GET /api/v1/metrics/:name': api.metricQuery,
  'GET /api/v1/models/runs': api.runsQuery,
  'GET /api/v1/models/survival': api.survivalQuery,
  'GET /api/v1/models/:model/latest': api.latestRunQuery,
  'GET /api/v1/models/validate': api.validateQuery,
  'GET /api/v1/clv': api.clvQuery,
  'GET /api/v1/value/pyramid': api.pyramidQuery,
  'GET /api/v1/value/segments': api.segmentSummaryQuery,
  'GET /api/v1/churn/at-risk': api.atRiskQuery,
  'GET /api/v1/churn/customers/:id': api.langQuery,
  'GET /api/v1/uplift/scores': api.upliftScoresQuery,
  'GET /api/v1/voice/topics': api.voiceTopicsQuery,
  'GET /api/v1/voice/documents': api.voiceDocumentsQuery,
  'GET /api/v1/voice/trend': api.voiceTrendQuery,
  'GET /api/v1/voice/drivers': api.driversQuery,
  'GET /api/v1/voice/key-drivers': api.keyDriversQuery,
  'GET /api/v1/voice/exits': api.exitsQuery,
  'GET /api/v1/voice/employees': api.employeesQuery,
  'GET /api/v1/alerts': api.alertsQuery,
  'GET /api/v1/overview': api.overviewQuery,
  'GET /api/v1/cohorts': api.cohortsQuery,
  'GET /api/v1/competitors/win-loss': api.winLossQuery,
  'GET /api/v1/churn-reasons': api.churnReasonsQuery,
  'GET /api/v1/report': api.reportQuery,
  'GET /api/v1/customers': api.customersQuery,
  'GET /api/v1/customers/:id': api.customer360Query,
  'GET /api/v1/customers/:id/profit': api.customerProfitQuery,
  'GET /api/v1/cases': api.casesQuery,
  'DELETE /api/v1/playbooks/:id': api.playbookDeleteQuery,
  'GET /api/v1/surveys/:id': api.surveyQuery,
  'POST /api/v1/surveys/:id/send': api.sendSurveyQuery,
  'GET /api/v1/surveys/:id/invitations': api.invitationsQuery,
  'GET /api/v1/surveys/:id/results': api.resultsQuery,
  'GET /api/v1/campaigns/:id/measure': api.measureQuery,
  'GET /api/v1/campaigns/:id/export': api.exportQuery,
  'GET /api/v1/crm-roi': api.crmRoiQuery,
  'GET /api/v1/imports': api.pageQuery,
  'GET /api/v1/imports/:job_id/rejects': api.rejectsQuery,
  'GET /api/v1/audit': api.pageQuery,
} as const;

export type Endpoints = typeof endpoints;
type Queries = typeof queries;

/** The paths a page can GET as they are, without parameters. */
export type ReadPath = {
  [K in keyof Endpoints]: K extends `GET ${infer P}` ? (P extends `${string}:${string}` ? never : P) : never;
}[keyof Endpoints];

/** The JSON a GET of `path` answers with. */
export type ResponseAt<P extends ReadPath> = api.Infer<Endpoints[`GET ${P}`]>;

/**
 * A query string as a page writes it: each key of the schema's input, a boolean where the server reads
 * 'true' | 'false', and null or '' to leave a key out (`client.ts` `url()` encodes it so).
 */
type Sendable<I> = {
  [K in keyof I]?: (NonNullable<I[K]> extends 'true' | 'false' ? boolean | I[K] : I[K]) | null | '';
};

/** What a GET of `path` may send in its query string: the input of the route's schema, else nothing. */
export type QueryAt<P extends ReadPath> = `GET ${P}` extends keyof Queries
  ? Sendable<api.Input<Queries[`GET ${P}`]>>
  : Record<string, never>;
