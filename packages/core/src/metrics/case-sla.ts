import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import { segmentedCases } from './case-segments.ts';
import type { NormalQuery } from './query.ts';
import { segList, segSelect } from './segments.ts';

/** One row per period k, segment and SLA policy: how the cases opened in the period kept their targets. */
export interface CaseSlaRow {
  k: number;
  key_policy: string;
  /** Cases with a first-response due time: answered by it, breached (answered late, or unanswered past it), pending. */
  fr_cases: number;
  fr_met: number;
  fr_breached: number;
  /** Cases with a resolution due time: closed by it, breached (closed late, or open past it), pending. */
  res_cases: number;
  res_met: number;
  res_breached: number;
  [segment: string]: unknown;
}

const flag = (cond: Sql) => sql`CASE WHEN ${cond} THEN 1 ELSE 0 END`;

/**
 * SLA compliance per policy (the `sla_policy` that set the case's due times when it was opened; cases without
 * one have no targets and are left out). A case belongs to the period it was opened in. A target is met when the
 * first response (closing, for resolution) came at or before its due time, breached when it came later or has
 * not come and the due time has passed (now), and pending otherwise: pending cases are in neither count, so a
 * month still under way is not marked down for targets not yet due. A cancelled case has no resolution target.
 */
export function caseSlaSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  const closed = sql`c.stage = 'closed'`;
  const open = sql`c.stage NOT IN ('closed', 'cancelled')`;
  return sql`WITH cs AS (${segmentedCases(q)})
  SELECT k, ${segs}, policy AS key_policy,
    sum(has_fr) AS fr_cases, sum(fr_met) AS fr_met, sum(fr_breached) AS fr_breached,
    sum(has_res) AS res_cases, sum(res_met) AS res_met, sum(res_breached) AS res_breached
  FROM (SELECT ${idx(sql`c.opened_at`)} AS k, ${segSelect(q, 'c')}, c.sla_policy AS policy,
          ${flag(sql`c.first_response_due IS NOT NULL`)} AS has_fr,
          ${flag(sql`c.first_response_at <= c.first_response_due`)} AS fr_met,
          ${flag(sql`c.first_response_at > c.first_response_due OR (c.first_response_at IS NULL AND c.first_response_due < ${d.now})`)} AS fr_breached,
          ${flag(sql`c.resolution_due IS NOT NULL AND c.stage <> 'cancelled'`)} AS has_res,
          ${flag(sql`${closed} AND c.closed_at <= c.resolution_due`)} AS res_met,
          ${flag(sql`(${closed} AND c.closed_at > c.resolution_due) OR (${open} AND c.resolution_due < ${d.now})`)} AS res_breached
        FROM cs c WHERE c.sla_policy IS NOT NULL) v
  WHERE k >= 0 AND k < ${n}
  GROUP BY k, ${segs}, policy
  ORDER BY k, ${segs}, policy`;
}
