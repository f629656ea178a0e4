import type { Dialect } from '../engine/dialect.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { gridOf } from './base-sql.ts';
import type { NormalQuery } from './query.ts';
import { segEquals, segList, segSelect } from './segments.ts';
import { segmentedCustomers } from './spans.ts';

/** One row per period k and segment: counts and sums of the survey answers given in the period. */
export interface SatisfactionRow {
  k: number;
  csat_n: number;
  /** CSAT answers scoring 4 or 5. */
  csat_top: number;
  csat_mean: number | null;
  nps_n: number;
  nps_promoters: number;
  nps_detractors: number;
  ces_n: number;
  ces_mean: number | null;
  enps_n: number;
  enps_promoters: number;
  enps_detractors: number;
  [segment: string]: unknown;
}

/**
 * Answers belong to the period their answered_at falls in. Customer answers (kinds csat, nps, ces;
 * respondent_type customer or empty) take their customer's segment and pass the query's filters; answers
 * whose score is outside the kind's scale (CSAT 1–5, NPS 0–10, CES 1–7) are ignored. Employee answers
 * (kind employee) belong to no customer segment: they count only in a query without --by and --filter,
 * under the `all` key, and eNPS is null (no answers) in every breakdown.
 * Rows: every period × every segment some customer has (plus `all` when employee answers count), so a
 * period without answers has zero counts and null means.
 */
export function satisfactionSql(q: NormalQuery, d: Dialect): Sql {
  const { n, idx } = gridOf(q, d);
  const segs = segList(q);
  const employees = q.by.length === 0 && q.filter.length === 0;
  const nps = (
    kind: string,
  ) => sql`count(*) FILTER (WHERE kind = ${kind} AND score BETWEEN 0 AND 10) AS ${sql.id(`${kind}_cnt`)},
    count(*) FILTER (WHERE kind = ${kind} AND score >= 9 AND score <= 10) AS ${sql.id(`${kind}_pro`)},
    count(*) FILTER (WHERE kind = ${kind} AND score >= 0 AND score <= 6) AS ${sql.id(`${kind}_det`)}`;
  return sql`WITH
    sc AS (${segmentedCustomers(q)}),
    ans AS (SELECT ${idx(sql`s.answered_at`)} AS k, ${segSelect(q, 'sc')}, s.kind AS kind, s.score AS score
            FROM surveys s JOIN sc ON sc.customer_id = s.respondent_id
            WHERE coalesce(s.respondent_type, 'customer') = 'customer' AND s.kind IN ('csat', 'nps', 'ces')
              AND s.answered_at IS NOT NULL AND s.score IS NOT NULL
            ${
              employees
                ? sql`UNION ALL SELECT ${idx(sql`answered_at`)} AS k, 'all' AS seg__all, kind, score FROM surveys
              WHERE kind = 'employee' AND answered_at IS NOT NULL AND score IS NOT NULL`
                : sql``
            }),
    sagg AS (SELECT k, ${segs},
               count(*) FILTER (WHERE kind = 'csat' AND score BETWEEN 1 AND 5) AS csat_cnt,
               count(*) FILTER (WHERE kind = 'csat' AND score >= 4 AND score <= 5) AS csat_top2,
               avg(CASE WHEN kind = 'csat' AND score BETWEEN 1 AND 5 THEN score END) AS csat_avg,
               ${nps('nps')}, ${nps('employee')},
               count(*) FILTER (WHERE kind = 'ces' AND score BETWEEN 1 AND 7) AS ces_cnt,
               avg(CASE WHEN kind = 'ces' AND score BETWEEN 1 AND 7 THEN score END) AS ces_avg
             FROM ans WHERE k >= 0 AND k < ${n} GROUP BY k, ${segs}),
    skeys AS (SELECT DISTINCT ${segs} FROM sc${employees ? sql` UNION SELECT 'all' AS seg__all FROM surveys WHERE kind = 'employee'` : sql``}),
    sgrid AS (SELECT i AS k FROM ${d.series(sql`${n}`)} gs)
  SELECT g.k AS k, ${segSelect(q, 'y')},
    coalesce(a.csat_cnt, 0) AS csat_n, coalesce(a.csat_top2, 0) AS csat_top, a.csat_avg AS csat_mean,
    coalesce(a.nps_cnt, 0) AS nps_n, coalesce(a.nps_pro, 0) AS nps_promoters, coalesce(a.nps_det, 0) AS nps_detractors,
    coalesce(a.ces_cnt, 0) AS ces_n, a.ces_avg AS ces_mean,
    coalesce(a.employee_cnt, 0) AS enps_n, coalesce(a.employee_pro, 0) AS enps_promoters,
    coalesce(a.employee_det, 0) AS enps_detractors
  FROM sgrid g CROSS JOIN skeys y LEFT JOIN sagg a ON a.k = g.k AND ${segEquals(q, 'a', 'y')}
  ORDER BY g.k, ${segList(q, 'y')}`;
}

/** Net promoter score in points, −100…100, with its counts; null without answers. */
export const npsValue = (n: number, promoters: number, detractors: number) => ({
  value: n ? (100 * (promoters - detractors)) / n : null,
  parts: { promoters, passives: n - promoters - detractors, detractors, n },
});
