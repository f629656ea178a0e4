/**
 * Churn that came from a snapshot import. A snapshot (Telco-style: tenure and a churned flag per customer,
 * imported with an as-of date) says who had left by the as-of date, not when: the importer records every churn
 * on the as-of date (ingest/load.ts, churn events with SNAPSHOT_CHURN_NOTE and their batch). Per-period churn
 * figures then show the whole history's churn in one period and none before it, which is no monthly trend.
 * Figures built on those dates are marked `snapshot` (computeMetrics), never given a change or a forecast, and a
 * request for their trend or forecast is refused; survival (which reads tenure, not dates) and the churn model
 * are what a snapshot supports.
 */
import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { MetricRow } from './compute.ts';
import type { Basis } from './query.ts';

/** The note the importer writes on churn events derived from a snapshot's churn flag (ingest/load.ts). */
export const SNAPSHOT_CHURN_NOTE = 'derived from the churn flag of a snapshot import';

/** Churn events from snapshot imports (each keeps its import batch in _batch): how many, on which as-of dates. */
export interface SnapshotChurn {
  events: number;
  asOf: string[];
}

/**
 * The workspace's snapshot-derived churn, or null when none of its churn came from a snapshot.
 *
 * @example
 * await snapshotChurn(ws.db); // { events: 1869, asOf: ['2024-12-31'] }
 */
export async function snapshotChurn(conn: Connection): Promise<SnapshotChurn | null> {
  const rows = (await conn.all(
    sql`SELECT CAST(CAST(churned_at AS DATE) AS VARCHAR) AS day, count(*) AS n
      FROM churn_events WHERE note = ${SNAPSHOT_CHURN_NOTE} GROUP BY 1 ORDER BY 1`,
  )) as { day: string; n: number | bigint }[];
  if (!rows.length) return null;
  return {
    events: rows.reduce((s, r) => s + Number(r.n), 0),
    asOf: rows.map((r) => r.day),
  };
}

/**
 * Whether a metric's periods are dated by churn events: churn reasons, categories and competitors always, customer flow and
 * cohorts when activity comes from customers and churn events (the basis snapshots resolve to).
 */
export const datedByChurnEvents = (base: string, basis: Basis): boolean =>
  base === 'churn_reasons' ||
  base === 'churn_categories' ||
  base === 'churn_competitors' ||
  (basis === 'customers' && (base === 'flow' || base === 'cohorts'));

/** What a snapshot supports instead of a churn trend, in both languages (reports, status, dashboard notes). */
export const SNAPSHOT_NOTE = {
  en: (asOf: string) =>
    `Churn comes from a snapshot: every churn is dated on its as-of date (${asOf}), so churn per period is not a monthly trend and is not forecast. Read the survival curve and the churn model instead.`,
  'zh-CN': (asOf: string) =>
    `流失数据来自快照导入：所有流失都记在快照日期（${asOf}），因此按期流失不是月度趋势，也不做预测。请改看生存曲线和流失预测模型。`,
} as const;

/**
 * Refuse a trend (more than one period) or a forecast of snapshot-marked rows: what a caller asked for
 * explicitly (a metric's series, --forecast), unlike a report or overview, which mark the figure instead.
 *
 * @example
 * refuseSnapshotTrend(rows, 0); // throws TEN_METRIC_SNAPSHOT when churn_rate over 12 months is snapshot-derived
 */
export function refuseSnapshotTrend(rows: MetricRow[], forecast: number): void {
  const marked = rows.filter((r) => r.snapshot);
  if (!marked.length) return;
  const periods = new Set(marked.map((r) => r.period_start));
  if (periods.size > 1 || forecast > 0)
    throw tenureError('TEN_METRIC_SNAPSHOT', {
      metric: marked[0]!.metric,
      asOf: marked[0]!.snapshot!,
      what: forecast > 0 ? 'forecast' : 'trend',
    });
}
