-- enps (base satisfaction) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = '2024-01-01 00:00:00'
-- $3 = 'nps'
-- $4 = 'nps'
-- $5 = 'nps'
-- $6 = 'employee'
-- $7 = 'employee'
-- $8 = 'employee'
-- $9 = 3
-- $10 = 3
WITH
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    ans AS (SELECT date_diff('day', CAST($1 AS TIMESTAMP), s.answered_at) AS k, "sc"."seg__all" AS "seg__all", s.kind AS kind, s.score AS score
            FROM surveys s JOIN sc ON sc.customer_id = s.respondent_id
            WHERE coalesce(s.respondent_type, 'customer') = 'customer' AND s.kind IN ('csat', 'nps', 'ces')
              AND s.answered_at IS NOT NULL AND s.score IS NOT NULL
            UNION ALL SELECT date_diff('day', CAST($2 AS TIMESTAMP), answered_at) AS k, 'all' AS seg__all, kind, score FROM surveys
              WHERE kind = 'employee' AND answered_at IS NOT NULL AND score IS NOT NULL),
    sagg AS (SELECT k, "seg__all",
               count(*) FILTER (WHERE kind = 'csat' AND score BETWEEN 1 AND 5) AS csat_cnt,
               count(*) FILTER (WHERE kind = 'csat' AND score >= 4 AND score <= 5) AS csat_top2,
               avg(CASE WHEN kind = 'csat' AND score BETWEEN 1 AND 5 THEN score END) AS csat_avg,
               count(*) FILTER (WHERE kind = $3 AND score BETWEEN 0 AND 10) AS "nps_cnt",
    count(*) FILTER (WHERE kind = $4 AND score >= 9 AND score <= 10) AS "nps_pro",
    count(*) FILTER (WHERE kind = $5 AND score >= 0 AND score <= 6) AS "nps_det", count(*) FILTER (WHERE kind = $6 AND score BETWEEN 0 AND 10) AS "employee_cnt",
    count(*) FILTER (WHERE kind = $7 AND score >= 9 AND score <= 10) AS "employee_pro",
    count(*) FILTER (WHERE kind = $8 AND score >= 0 AND score <= 6) AS "employee_det",
               count(*) FILTER (WHERE kind = 'ces' AND score BETWEEN 1 AND 7) AS ces_cnt,
               avg(CASE WHEN kind = 'ces' AND score BETWEEN 1 AND 7 THEN score END) AS ces_avg
             FROM ans WHERE k >= 0 AND k < $9 GROUP BY k, "seg__all"),
    skeys AS (SELECT DISTINCT "seg__all" FROM sc UNION SELECT 'all' AS seg__all FROM surveys WHERE kind = 'employee'),
    sgrid AS (SELECT i AS k FROM (SELECT range AS i FROM range($10)) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all",
    coalesce(a.csat_cnt, 0) AS csat_n, coalesce(a.csat_top2, 0) AS csat_top, a.csat_avg AS csat_mean,
    coalesce(a.nps_cnt, 0) AS nps_n, coalesce(a.nps_pro, 0) AS nps_promoters, coalesce(a.nps_det, 0) AS nps_detractors,
    coalesce(a.ces_cnt, 0) AS ces_n, a.ces_avg AS ces_mean,
    coalesce(a.employee_cnt, 0) AS enps_n, coalesce(a.employee_pro, 0) AS enps_promoters,
    coalesce(a.employee_det, 0) AS enps_detractors
  FROM sgrid g CROSS JOIN skeys y LEFT JOIN sagg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
