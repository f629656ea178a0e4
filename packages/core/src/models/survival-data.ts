/**
 * Time to churn, from the workspace, for Kaplan–Meier, log-rank, Cox and the sBG on customer data.
 *
 * A customer's lifetime is their first activity span (metrics/spans.ts, so the basis, grace days and
 * inactivity rule are exactly those of the churn metrics): from its start to its end if that is on or before
 * the as-of date (churned), otherwise censored at as-of. A reactivated customer is not a new customer, so
 * later spans do not count again. As-of defaults to the latest moment recorded anywhere in the workspace.
 * Lifetimes run from the start's calendar date to the end's or as-of's (time-units.ts says why), so there are
 * about as many distinct lifetimes as days in the data, however many customers.
 */
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { tenureError } from '../errors.ts';
import { type MetricQuery, normalizeQuery } from '../metrics/query.ts';
import { OPEN_END, segmentedCustomers, spans } from '../metrics/spans.ts';
import { entityNames } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { timeField } from '../workspace/status.ts';
import { elapsed, type TimeUnit } from './time-units.ts';

export interface SurvivalQuery {
  unit: TimeUnit;
  /** Segment dimensions to break down by (configured dimensions only, as for metrics). */
  by?: string[];
  filter?: MetricQuery['filter'];
  basis?: MetricQuery['basis'];
  /** Censoring date, YYYY-MM-DD; default: the latest date in the workspace. */
  asOf?: string;
  /** Only customers whose lifetime started by this date (a calibration cohort followed into a holdout). */
  startedBy?: string;
}

export interface SurvivalSource {
  /**
   * Per customer: customer_id, seg_<dimension> columns, started_at (the lifetime's start, for acquisition
   * cohorts), time (from the start's date to the end's or as-of's, in the unit), event (1 churned, 0 censored),
   * age (time from the start to as-of, in the unit: how much of the lifetime could be observed, which the sBG
   * needs to right-censor an unfinished period).
   */
  lifetimes: Sql;
  by: string[];
  asOf: string;
  basis: string;
}

/** The latest timestamp in any entity's dating column (orders' ordered_at, churn_events' churned_at, …). */
async function latestDate(db: DuckDbConnection): Promise<string | null> {
  const maxima = entityNames.flatMap((e) => {
    const t = timeField(e);
    return t ? [sql`SELECT max(CAST(${sql.id(t)} AS TIMESTAMP)) AS m FROM ${sql.id(e)}`] : [];
  });
  const [r] = await db.all<{ m: string | null }>(
    sql`SELECT CAST(max(m) AS VARCHAR) AS m FROM (${sql.join(maxima, sql` UNION ALL `)})`,
  );
  return r?.m ?? null;
}

/**
 * Build the lifetimes query for a workspace: segment names and filters are checked like a metric query's.
 *
 * @example
 * const src = await survivalSource(ws.db, ws.config, { unit: 'month', by: ['contract'] });
 */
export async function survivalSource(
  db: DuckDbConnection,
  config: TenureConfig,
  q: SurvivalQuery,
): Promise<SurvivalSource> {
  // normalizeQuery checks segments, filters and the basis; its one-period grid is not used here. Derived
  // dimensions are refused: classified at one moment, they would sort lifetimes by how they ended.
  const nq = await normalizeQuery(
    db,
    config,
    { period: 'year', from: '2000', to: '2000', by: q.by ?? [], filter: q.filter ?? {}, basis: q.basis ?? 'auto' },
    [],
    { derived: false },
  );
  const asOf = q.asOf ?? (await latestDate(db));
  if (!asOf)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'survival',
      detail: 'the workspace has no data',
      hint: {
        en: 'Import customers with churn events, subscriptions or orders first.',
        'zh-CN': '请先导入带流失事件、订阅或订单的客户。',
      },
    });
  const end = sql`CAST(${asOf} AS TIMESTAMP)`;
  const far = sql`CAST(${OPEN_END} AS TIMESTAMP)`;
  const segCols = nq.by.map((b) => sql`, c.${sql.id(`seg_${b}`)}`);
  const lifetimes = sql`
    SELECT f.customer_id${sql.join(segCols, sql``)}, f.a AS started_at,
      ${elapsed(q.unit, sql`f.a`, sql`least(f.z, ${end})`)} AS time,
      CASE WHEN f.z <= ${end} THEN 1 ELSE 0 END AS event,
      ${elapsed(q.unit, sql`f.a`, end)} AS age
    FROM (SELECT customer_id, min(a) AS a, arg_min(z, a) AS z FROM (${spans(nq, far)}) s GROUP BY customer_id) f
    JOIN (${segmentedCustomers(nq)}) c ON c.customer_id = f.customer_id
    WHERE f.a <= ${end}${q.startedBy ? sql` AND f.a <= CAST(${q.startedBy} AS TIMESTAMP)` : sql``}`;
  return { lifetimes, by: nq.by, asOf, basis: nq.basis };
}
