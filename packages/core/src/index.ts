/**
 * @tenure/core: the library behind every surface. The CLI, server and web import only from here.
 */

export { type AuditEntry, type AuditRow, appendAudit, listAudit } from './access/audit.ts';
export { type ApiKey, createKey, keyActor, listKeys, revokeKey } from './access/keys.ts';
export { allows, parseRole, type Role, roles } from './access/roles.ts';
export { type Actor, createSession, endSession, SESSION_HOURS, type Session, sessionActor } from './access/sessions.ts';
export {
  addUser,
  checkLogin,
  hasSignInAdmin,
  listUsers,
  removeUser,
  setUserLang,
  type User,
  updateUser,
} from './access/users.ts';
export * as api from './api/index.ts';
export * from './campaigns/index.ts';
export * from './cases/index.ts';
export { presentDimensions } from './customers/columns.ts';
export { customerProfit } from './customers/profit.ts';
export { type CustomerRow, type CustomerSearch, searchCustomers } from './customers/search.ts';
export { warmSearchIndex } from './customers/search-index.ts';
export type { CustomerSeries } from './customers/series.ts';
export { refreshServedViews, SERVED_LIMIT, servedCustomer360 } from './customers/served.ts';
export { PatchedServedFile } from './customers/served-file.ts';
export type { ServedPaths } from './customers/served-views.ts';
export type { CustomerStatus } from './customers/status.ts';
export type { StoreRefresh } from './customers/store-refresh.ts';
export { type CustomerStoresRefresh, customerStoresCurrent, refreshCustomerStores } from './customers/stores.ts';
export {
  type Customer360,
  customer360,
  type TimelineAction,
  type TimelineEvent,
  type TimelineKind,
} from './customers/timeline.ts';
export {
  type BenchmarkGap,
  type BenchmarkSeries,
  type BenchmarkTrends,
  benchmarkTrends,
  gapOf,
} from './dashboard/benchmark-trends.ts';
export {
  type ChurnReasonSummary,
  churnReasonSummary,
  type ReasonBar,
  type TaxonomyNode,
} from './dashboard/churn-reasons.ts';
export { type CohortHeatmap, type CohortLine, type CohortMode, cohortHeatmap } from './dashboard/cohorts.ts';
export { type LtvBesideClv, ltvBesideClv } from './dashboard/ltv-clv.ts';
export { type Kpi, type Overview, overview } from './dashboard/overview.ts';
export { type CompetitorLosses, type WinLoss, winLoss } from './dashboard/win-loss.ts';
export { type PeriodWindow, periodWindow, type WindowOptions } from './dashboard/window.ts';
export { ClickHouseConnection } from './engine/clickhouse/connection.ts';
export { readCopy } from './engine/clickhouse/copy-record.ts';
export { openClickHouse } from './engine/clickhouse/open.ts';
export { openRecord } from './engine/clickhouse/record.ts';
export {
  type CopySummary,
  copyDdl,
  copyWorkspace,
  type SyncOptions,
  type SyncProgress,
} from './engine/clickhouse/sync.ts';
export { traceClock } from './engine/duckdb/connection.ts';
export { type Connection, type Dialect, type EngineName, engines } from './engine/index.ts';
export {
  ACTIONS,
  type Action,
  asTenureError,
  codes,
  describe,
  type ErrorCode,
  type ErrorText,
  type Local,
  type OptionFix,
  type Remedy,
  type Surface,
  surfaces,
  TenureError,
  tenureError,
  type Where,
} from './errors.ts';
export { type EventResult, ingestEvents, MAX_EVENT_ROWS } from './events/ingest.ts';
export { importFile, tooManyRejects } from './ingest/import.ts';
export { type ImportLimits, importLimitsSchema } from './ingest/limits.ts';
export type { ImportOptions, ImportProblem, ImportProgress, ImportSummary } from './ingest/summary.ts';
export { checkImportOptions } from './ingest/summary.ts';
export { cleanStaleTempDirs, makeTempDir, releaseTempDir } from './ingest/temp.ts';
export { type BenchmarkComparison, type BenchmarkReport, compareBenchmarks } from './metrics/benchmarks-compare.ts';
export { calendarOf, periodLabel } from './metrics/calendar.ts';
export { catalog, type MetricName, metricNames } from './metrics/catalog.ts';
export { computeMetric, computeMetrics, type MetricRow, metricDef } from './metrics/compute.ts';
export type { MetricDef } from './metrics/define.ts';
export { type DimensionFilter, groupFilter } from './metrics/filter.ts';
export { metrics } from './metrics/index.ts';
export { type MetricSql, metricSql, sqlListing } from './metrics/metric-sql.ts';
export type { MetricQuery } from './metrics/query.ts';
export { type MissingData, missingData, missingDataText } from './metrics/requires.ts';
export { type RetaliatoryCandidate, retaliatoryChurn } from './metrics/retaliatory.ts';
export { listRollups, type RollupRecord } from './metrics/rollups/record.ts';
export { type RollupRefresh, refreshRollups } from './metrics/rollups/refresh.ts';
export { refuseSnapshotTrend, SNAPSHOT_NOTE, type SnapshotChurn, snapshotChurn } from './metrics/snapshot.ts';
export { forecastRows } from './metrics/trend.ts';
export * from './models/index.ts';
export { badOption, optionFixes, parseOptions } from './options.ts';
export { type Page, type PageQuery, pageOf } from './paging.ts';
export * from './playbooks/index.ts';
export * from './predict/index.ts';
export {
  DASH,
  entityLabel,
  type Formats,
  fill,
  formats,
  isSummable,
  LANGS,
  type Lang,
  normalizeLang,
  type SummableUnit,
  type Text,
  taxonomyLabel,
  type Unit,
  units,
} from './present/index.ts';
export { assessQuality, type QualityReport } from './quality/index.ts';
export { ErrorReport } from './report.ts';
export {
  buildReport,
  type ReportData,
  type ReportOptions,
  renderHtml,
  renderMarkdown,
  reportMetrics,
} from './reports/index.ts';
export { lastCompleteMonth } from './reports/range.ts';
export {
  type Entity,
  type EntityName,
  entities,
  entityNames,
  type Field,
  type ImportName,
  importables,
  importNames,
  isEntityName,
  isImportName,
} from './schema/index.ts';
export { DERIVED_DIMENSIONS } from './segments/derived.ts';
export { type PyramidQuery, valuePyramid } from './segments/pyramid.ts';
export { segmentSummary } from './segments/summary.ts';
export { print } from './sql/print.ts';
export { Sql, type SqlValue, sql } from './sql/sql.ts';
export * from './surveys/index.ts';
export * from './voice/drivers/index.ts';
export * from './voice/text/index.ts';
export { type ImportPreview, previewImport } from './wizard/import-preview.ts';
export { type BatchRow, listBatches } from './workspace/batches.ts';
export { configSchema, defaultConfig, parseConfig, type SettingsPatch, type TenureConfig } from './workspace/config.ts';
export { checkDemoOptions, type DemoOptions, type DemoSummary, generateDemo } from './workspace/demo/index.ts';
export { demoUsers } from './workspace/demo/staff.ts';
export {
  readServerFile,
  removeServerFile,
  type ServerInfo,
  writeServerFile,
} from './workspace/server-file.ts';
export { updateSettings } from './workspace/settings.ts';
export {
  type EntityStatus,
  type HeadlineChurn,
  headlineChurn,
  listRejects,
  type RejectRow,
  timeField,
  workspaceStatus,
} from './workspace/status.ts';
export {
  CONFIG_FILE,
  connectWorkspace,
  DB_FILE,
  initWorkspace,
  isWorkspace,
  openWorkspace,
  type Workspace,
  withWorkspace,
} from './workspace/workspace.ts';
