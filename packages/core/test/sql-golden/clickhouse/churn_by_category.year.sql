-- churn_by_category (base churn_categories) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = 'natural'
-- {p3:String} = 'competitive'
-- {p4:String} = 'fault'
-- {p5:String} = 'non_malicious'
-- {p6:String} = 'retaliatory'
-- {p7:String} = 'malicious'
-- {p8:String} = 'natural'
-- {p9:String} = 'competitive'
-- {p10:String} = 'fault'
-- {p11:String} = 'non_malicious'
-- {p12:String} = 'retaliatory'
-- {p13:String} = 'malicious'
-- {p14:Int64} = 3
WITH
    ev AS (SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, "c"."seg__all" AS "seg__all",
      dateDiff('year', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(e.churned_at, 6, 'UTC')) AS k,
      CASE WHEN e.reason IS NULL OR trim(e.reason) = '' THEN 'unknown' ELSE trim(e.reason) END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN ({p2:String}, {p3:String}, {p4:String}) THEN 'voluntary'
        WHEN e.category IN ({p5:String}, {p6:String}, {p7:String}) THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN ({p8:String}, {p9:String}, {p10:String}, {p11:String}, {p12:String}, {p13:String}) THEN e.category ELSE 'unknown' END AS category
    FROM churn_events e JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = e.customer_id WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < {p14:Int64}),
    cs AS (SELECT k, "seg__all", kind, category, count(*) AS n_events FROM ev GROUP BY k, "seg__all", kind, category),
    tot AS (SELECT k, "seg__all", sum(n_events) AS n_total FROM cs GROUP BY k, "seg__all")
  SELECT c.k AS k, "c"."seg__all" AS "seg__all", c.kind AS key_kind, c.category AS key_category, c.n_events AS n, t.n_total AS total
  FROM cs c JOIN tot t ON t.k = c.k AND "c"."seg__all" = "t"."seg__all"
  ORDER BY c.k, "c"."seg__all", c.n_events DESC, c.kind, c.category
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
