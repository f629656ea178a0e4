/**
 * @tenure/core: the library behind every surface. The CLI, server and web import only from here.
 */

export { ClickHouseConnection } from './engine/clickhouse/connection.ts';
export { copyWorkspace } from './engine/clickhouse/sync.ts';
export { type Connection, type Dialect, type EngineName, engines } from './engine/index.ts';
export { asTenureError, codes, describe, type ErrorCode, TenureError, tenureError, type Where } from './errors.ts';
export { importFile } from './ingest/import.ts';
export type { ImportOptions, ImportProblem, ImportProgress, ImportSummary } from './ingest/summary.ts';
export { compareBenchmarks } from './metrics/benchmarks-compare.ts';
export { catalog, type MetricName, metricNames } from './metrics/catalog.ts';
export { computeMetric, computeMetrics, type MetricRow, metricDef } from './metrics/compute.ts';
export type { MetricDef } from './metrics/define.ts';
export { metrics } from './metrics/index.ts';
export type { MetricQuery } from './metrics/query.ts';
export { forecastRows } from './metrics/trend.ts';
export { assessQuality } from './quality/index.ts';
export { ErrorReport } from './report.ts';
export { buildReport, type ReportData, type ReportOptions, renderHtml, renderMarkdown } from './reports/index.ts';
export { type Entity, type EntityName, entities, entityNames, type Field, isEntityName } from './schema/index.ts';
export { print } from './sql/print.ts';
export { Sql, type SqlValue, sql } from './sql/sql.ts';
export { configSchema, defaultConfig, parseConfig, type TenureConfig } from './workspace/config.ts';
export { checkDemoOptions, type DemoOptions, type DemoSummary, generateDemo } from './workspace/demo/index.ts';
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
  DB_FILE,
  initWorkspace,
  isWorkspace,
  openWorkspace,
  type Workspace,
  withWorkspace,
} from './workspace/workspace.ts';
