/**
 * Retaliatory churn (报复性流失): a customer who leaves soon after a complaint went badly. A churn event is a
 * retaliatory *candidate* when it falls within `churn.retaliatory_window_days` (default 30) after a complaint
 * case of the same customer closed unsatisfied (`satisfied = false`) or past its resolution due time. Derived on
 * read, never stored: the churn taxonomy the metrics read (churn-events.ts) takes the mark only where the imported
 * event names no category and not the voluntary kind, so an explicit value is never overwritten, and a case
 * closed, reopened or edited later changes the mark with it, with nothing to refresh.
 */
import type { Dialect } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { gridOf } from './base-sql.ts';
import { churnEventsOf, taxonomyOpen } from './churn-events.ts';
import type { NormalQuery } from './query.ts';
import { retaliatoryCandidates } from './retaliatory-candidates.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period k and segment: retaliatory candidates among the period's churn events. */
export interface RetaliatoryRow {
  k: number;
  /** Candidates; of them, those whose taxonomy took the mark (no explicit category, not voluntary). */
  candidates: number;
  marked: number;
  /** Churn events of the period and segment. */
  churns: number;
  [segment: string]: unknown;
}

/** Every period × segment (0 without candidates), from the same churn events the taxonomy metrics read. */
export function retaliatorySql(q: NormalQuery, d: Dialect): Sql {
  const { n } = gridOf(q, d);
  const segs = segList(q);
  return sql`WITH
    ev AS (${churnEventsOf(q, d)}),
    agg AS (SELECT k, ${segs}, sum(candidate) AS n_candidates, sum(marked) AS n_marked, count(*) AS n_churns
            FROM ev GROUP BY k, ${segs}),
    rkeys AS (SELECT DISTINCT ${segSelect(q, 'x')} FROM (${segmentedCustomers(q)}) x),
    rgrid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')}, coalesce(a.n_candidates, 0) AS candidates, coalesce(a.n_marked, 0) AS marked,
    coalesce(a.n_churns, 0) AS churns
  FROM rgrid g CROSS JOIN rkeys y LEFT JOIN agg a ON a.k = g.k AND ${segEquals(q, 'a', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}

/** A retaliatory candidate: the churn event, the complaint behind it and whether the taxonomy took the mark. */
export interface RetaliatoryCandidate {
  customer_id: string;
  churned_at: string;
  case_id: string;
  marked: boolean;
}

/**
 * Every retaliatory candidate in the data, by customer and time: what the counts of the `retaliatory_churn`
 * metric are made of.
 * @example await retaliatoryChurn(ws.db, ws.config) // [{ customer_id: 'R1', churned_at: '2024-02-10 00:00:00', case_id: 'CASE-000001', marked: true }]
 */
export async function retaliatoryChurn(conn: Connection, config: TenureConfig): Promise<RetaliatoryCandidate[]> {
  const rows = await conn.all<{ customer_id: string; churned_at: string; case_id: string; marked: number }>(
    sql`SELECT r.customer_id AS customer_id, r.churned_at AS churned_at, r.case_id AS case_id,
        CASE WHEN ${taxonomyOpen('e')} THEN 1 ELSE 0 END AS marked
      FROM (${retaliatoryCandidates(config)}) r
        JOIN churn_events e ON e.customer_id = r.customer_id AND e.churned_at = r.churned_at
      ORDER BY r.customer_id, r.churned_at${conn.dialect.querySuffix}`,
  );
  return rows.map((r) => ({ ...r, marked: Number(r.marked) === 1 }));
}
