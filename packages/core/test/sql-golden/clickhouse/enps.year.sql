-- enps (base satisfaction) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = '2024-01-01 00:00:00'
-- {p3:String} = 'nps'
-- {p4:String} = 'nps'
-- {p5:String} = 'nps'
-- {p6:String} = 'employee'
-- {p7:String} = 'employee'
-- {p8:String} = 'employee'
-- {p9:Int64} = 3
-- {p10:Int64} = 3
WITH
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    ans AS (SELECT dateDiff('year', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(s.answered_at, 6, 'UTC')) AS k, "sc"."seg__all" AS "seg__all", s.kind AS kind, s.score AS score
            FROM surveys s JOIN sc ON sc.customer_id = s.respondent_id
            WHERE coalesce(s.respondent_type, 'customer') = 'customer' AND s.kind IN ('csat', 'nps', 'ces')
              AND s.answered_at IS NOT NULL AND s.score IS NOT NULL
            UNION ALL SELECT dateDiff('year', toDateTime64(toDateTime64({p2:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(answered_at, 6, 'UTC')) AS k, 'all' AS seg__all, kind, score FROM surveys
              WHERE kind = 'employee' AND answered_at IS NOT NULL AND score IS NOT NULL),
    sagg AS (SELECT k, "seg__all",
               count(*) FILTER (WHERE kind = 'csat' AND score BETWEEN 1 AND 5) AS csat_cnt,
               count(*) FILTER (WHERE kind = 'csat' AND score >= 4 AND score <= 5) AS csat_top2,
               avg(CASE WHEN kind = 'csat' AND score BETWEEN 1 AND 5 THEN score END) AS csat_avg,
               count(*) FILTER (WHERE kind = {p3:String} AND score BETWEEN 0 AND 10) AS "nps_cnt",
    count(*) FILTER (WHERE kind = {p4:String} AND score >= 9 AND score <= 10) AS "nps_pro",
    count(*) FILTER (WHERE kind = {p5:String} AND score >= 0 AND score <= 6) AS "nps_det", count(*) FILTER (WHERE kind = {p6:String} AND score BETWEEN 0 AND 10) AS "employee_cnt",
    count(*) FILTER (WHERE kind = {p7:String} AND score >= 9 AND score <= 10) AS "employee_pro",
    count(*) FILTER (WHERE kind = {p8:String} AND score >= 0 AND score <= 6) AS "employee_det",
               count(*) FILTER (WHERE kind = 'ces' AND score BETWEEN 1 AND 7) AS ces_cnt,
               avg(CASE WHEN kind = 'ces' AND score BETWEEN 1 AND 7 THEN score END) AS ces_avg
             FROM ans WHERE k >= 0 AND k < {p9:Int64} GROUP BY k, "seg__all"),
    skeys AS (SELECT DISTINCT "seg__all" FROM sc UNION SELECT 'all' AS seg__all FROM surveys WHERE kind = 'employee'),
    sgrid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p10:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all",
    coalesce(a.csat_cnt, 0) AS csat_n, coalesce(a.csat_top2, 0) AS csat_top, a.csat_avg AS csat_mean,
    coalesce(a.nps_cnt, 0) AS nps_n, coalesce(a.nps_pro, 0) AS nps_promoters, coalesce(a.nps_det, 0) AS nps_detractors,
    coalesce(a.ces_cnt, 0) AS ces_n, a.ces_avg AS ces_mean,
    coalesce(a.employee_cnt, 0) AS enps_n, coalesce(a.employee_pro, 0) AS enps_promoters,
    coalesce(a.employee_det, 0) AS enps_detractors
  FROM sgrid g CROSS JOIN skeys y LEFT JOIN sagg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
