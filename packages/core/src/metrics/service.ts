import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { gridOf } from './base-sql.ts';
import { flowSql } from './flow.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period k and segment: the tickets opened in the period and how they were served. */
export interface ServiceRow {
  k: number;
  tickets: number;
  /** Of them, complaints: kind complaint or none given (tickets before kinds were imported count as complaints). */
  complaints: number;
  /** Customers active at the period's start, as the flow base counts them. */
  active_start: number;
  /** Status resolved or closed, or a resolved_at. */
  resolved: number;
  frt_n: number;
  frt_mean: number | null;
  frt_median: number | null;
  frt_p90: number | null;
  res_n: number;
  res_mean: number | null;
  res_median: number | null;
  res_p90: number | null;
  /** First response within the priority's SLA. */
  sla_met: number;
  [segment: string]: unknown;
}

/** Hours from a to b, NULL when b is. */
const hours = (d: Dialect, a: Sql, b: Sql) => sql`CASE WHEN ${b} IS NOT NULL THEN ${d.daysBetween(a, b)} * 24 END`;

/**
 * The SLA deadline of a ticket (config service.first_response_hours by priority; no priority is normal), compared
 * as timestamps so a response at exactly the deadline is in time. Seconds, so a target of 1.5 hours holds.
 */
export function ticketDeadline(t: string, config: TenureConfig): Sql {
  const at = (h: number) => sql`${sql.id(t, 'opened_at')} + INTERVAL (${Math.round(h * 3600)}) SECOND`;
  const { urgent, high, low, normal } = config.service.first_response_hours;
  return sql`CASE ${sql.id(t, 'priority')} WHEN 'urgent' THEN ${at(urgent)} WHEN 'high' THEN ${at(high)} WHEN 'low' THEN ${at(low)} ELSE ${at(normal)} END`;
}

/**
 * Tickets belong to the period their opened_at falls in (half-open periods, wall-clock time as stored: a
 * ticket opened at exactly 00:00 on the 1st is the new month's), and to their customer's segment.
 * Response and resolution times are in hours; tickets without one are left out of that time's statistics
 * (the metric reports them as `missing`). A ticket never answered misses its SLA.
 * Rows: every period × every segment some customer (passing the filters) has, so a period without tickets
 * has zero counts and null times. Active customers come from the flow base itself, not a second definition.
 */
export function serviceSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  return sql`WITH
    sc AS (${segmentedCustomers(q)}),
    tk AS (SELECT ${idx(sql`t.opened_at`)} AS k, ${segSelect(q, 'sc')},
             ${hours(d, sql`t.opened_at`, sql`t.first_response_at`)} AS frt_h,
             ${hours(d, sql`t.opened_at`, sql`t.resolved_at`)} AS res_h,
             CASE WHEN t.status IN ('resolved', 'closed') OR t.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS is_resolved,
             CASE WHEN t.first_response_at <= ${ticketDeadline('t', q.config)} THEN 1 ELSE 0 END AS is_met,
             CASE WHEN t.kind IS NULL OR t.kind = 'complaint' THEN 1 ELSE 0 END AS is_complaint
           FROM tickets t JOIN sc ON sc.customer_id = t.customer_id WHERE t.opened_at IS NOT NULL),
    tagg AS (SELECT k, ${segs}, count(*) AS n_tickets, sum(is_complaint) AS n_complaints, sum(is_resolved) AS n_resolved, sum(is_met) AS n_met,
               count(frt_h) AS n_frt, avg(frt_h) AS frt_avg, ${d.quantile(0.5, sql`frt_h`)} AS frt_q50,
               ${d.quantile(0.9, sql`frt_h`)} AS frt_q90,
               count(res_h) AS n_res, avg(res_h) AS res_avg, ${d.quantile(0.5, sql`res_h`)} AS res_q50,
               ${d.quantile(0.9, sql`res_h`)} AS res_q90
             FROM tk WHERE k >= 0 AND k < ${n} GROUP BY k, ${segs}),
    fl AS (${flowSql(q, d)}),
    tkeys AS (SELECT DISTINCT ${segs} FROM sc),
    tgrid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, coalesce(a.n_tickets, 0) AS tickets, coalesce(a.n_complaints, 0) AS complaints, coalesce(f.active_start, 0) AS active_start,
    coalesce(a.n_resolved, 0) AS resolved, coalesce(a.n_met, 0) AS sla_met,
    coalesce(a.n_frt, 0) AS frt_n, a.frt_avg AS frt_mean, a.frt_q50 AS frt_median, a.frt_q90 AS frt_p90,
    coalesce(a.n_res, 0) AS res_n, a.res_avg AS res_mean, a.res_q50 AS res_median, a.res_q90 AS res_p90
  FROM tgrid g CROSS JOIN tkeys y
    LEFT JOIN tagg a ON a.k = g.k AND ${segEquals(q, 'a', 'y')}
    LEFT JOIN fl f ON f.k = g.k AND ${segEquals(q, 'f', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}

/** A time statistic of the service base as a metric value: mean, with median, p90, n and missing in parts. */
export function timeValue(n: number, tickets: number, mean: number | null, median: number | null, p90: number | null) {
  const parts: Record<string, number> = { n, missing: tickets - n };
  if (median !== null) parts.median = median;
  if (p90 !== null) parts.p90 = p90;
  return { value: n ? mean : null, parts };
}
