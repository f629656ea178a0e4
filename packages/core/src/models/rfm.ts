/**
 * Purchase histories for the buy-till-you-die models, in SQL, with the papers' conventions (Fader, Hardie & Lee
 * 2005): purchases on one day are one transaction (their amounts summed); the first day is the customer's
 * "birth"; frequency x = repeat transaction days up to the calibration end, recency t_x = last of them − first
 * (0 when x = 0), age T = calibration end − first, in the chosen unit; the spend m̄ = the mean value of the x repeat
 * transactions (the first is left out, as in FHL's RFM paper). Customers whose first purchase is after the
 * calibration end are not in the calibration sample. Purchases after it, up to the holdout end, are the holdout.
 */
import { formatTexts } from '../api/common.ts';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { tenureError } from '../errors.ts';
import { checkRates, moneyFrom } from '../metrics/currency.ts';
import type { MetricQuery } from '../metrics/query.ts';
import { normalizeQuery } from '../metrics/query.ts';
import { segmentedCustomers } from '../metrics/spans.ts';
import { badOption } from '../options.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { elapsed, type TimeUnit } from './time-units.ts';

export interface RfmQuery {
  unit: TimeUnit;
  /** Last day of the calibration period, YYYY-MM-DD; default the last order day. */
  calibrationEnd?: string;
  /** Last day of the holdout period; default the last order day. */
  holdoutEnd?: string;
  filter?: MetricQuery['filter'];
}

export interface RfmSource {
  /** Per customer: customer_id, x, t_x, T, m (0 when x = 0), x_holdout, value_holdout. */
  customers: Sql;
  unit: TimeUnit;
  calibrationEnd: string;
  holdoutEnd: string;
  firstOrder: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The per-customer RFM query for a workspace.
 *
 * @example
 * const src = await rfmSource(ws.db, ws.config, { unit: 'week', calibrationEnd: '1997-09-30' });
 */
export async function rfmSource(db: DuckDbConnection, config: TenureConfig, q: RfmQuery): Promise<RfmSource> {
  for (const [option, v] of [
    ['calibration_end', q.calibrationEnd],
    ['holdout_end', q.holdoutEnd],
  ] as const)
    if (v !== undefined && !(DAY.test(v) && !Number.isNaN(Date.parse(v)))) throw badOption(option, v, formatTexts.day);
  const [range] = await db.all<{ first: string | null; last: string | null }>(
    sql`SELECT CAST(min(CAST(ordered_at AS DATE)) AS VARCHAR) AS first, CAST(max(CAST(ordered_at AS DATE)) AS VARCHAR) AS last FROM orders`,
  );
  if (!range?.first || !range.last)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'bg-nbd',
      detail: 'there are no orders',
      hint: { en: 'Import orders (customer, date, amount) first.', 'zh-CN': '请先导入订单（客户、日期、金额）。' },
      remedies: [{ action: 'import_orders' }],
    });
  const calibrationEnd = q.calibrationEnd ?? range.last;
  const holdoutEnd = q.holdoutEnd ?? range.last;
  // The filter goes through the metric query checks: only configured dimensions, values bound.
  // Derived dimensions are refused: classified at one moment, they would pick the sample by its holdout period.
  const nq = await normalizeQuery(
    db,
    config,
    { period: 'year', from: '2000', to: '2000', filter: q.filter ?? {} },
    [],
    { derived: false },
  );
  const cal = sql`CAST(${calibrationEnd} AS DATE)`;
  const hold = sql`CAST(${holdoutEnd} AS DATE)`;
  // Without a filter, skip the semi-join with customers: on a million buyers it costs as much as the rest.
  const only = nq.filter.length
    ? sql`WHERE customer_id IN (SELECT customer_id FROM (${segmentedCustomers(nq)}) f)`
    : sql``;
  const inCal = sql`day <= ${cal}`;
  // Order values in the workspace currency (metrics/currency.ts): refused here when a rate they need is missing.
  const orders = moneyFrom(nq.money, 'orders', db.dialect);
  await checkRates(db, nq.money);
  const inHoldout = sql`day > ${cal} AND day <= ${hold}`;
  // One pass per customer: the first day's value comes from arg_min, so no join back to the first purchase.
  const customers = sql`
    WITH days AS (
      SELECT customer_id, CAST(ordered_at AS DATE) AS day, sum(coalesce(CAST(amount AS DOUBLE), 0)) AS value
      FROM ${orders} ${only} GROUP BY ALL
    ), per AS (
      SELECT customer_id, min(day) AS first, max(day) FILTER (WHERE ${inCal}) AS last,
        count(*) FILTER (WHERE ${inCal}) AS days_cal, sum(value) FILTER (WHERE ${inCal}) AS value_cal,
        arg_min(value, day) AS value_first,
        count(*) FILTER (WHERE ${inHoldout}) AS x_holdout, coalesce(sum(value) FILTER (WHERE ${inHoldout}), 0) AS value_holdout
      FROM days GROUP BY customer_id HAVING min(day) <= ${cal}
    )
    SELECT customer_id, CAST(days_cal - 1 AS DOUBLE) AS x,
      ${elapsed(q.unit, sql`first`, sql`last`)} AS t_x,
      ${elapsed(q.unit, sql`first`, cal)} AS "T",
      CASE WHEN days_cal > 1 THEN (value_cal - value_first) / (days_cal - 1) ELSE 0 END AS m,
      CAST(x_holdout AS DOUBLE) AS x_holdout, value_holdout
    FROM per`;
  return { customers, unit: q.unit, calibrationEnd, holdoutEnd, firstOrder: range.first };
}
