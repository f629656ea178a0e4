-- case_resolution_sla (base case_sla) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3
WITH cs AS (SELECT c."case_id" AS "case_id", c."customer_id" AS "customer_id", c."kind" AS "kind", c."stage" AS "stage", c."sla_policy" AS "sla_policy", c."first_response_due" AS "first_response_due", c."first_response_at" AS "first_response_at", c."resolution_due" AS "resolution_due", c."satisfied" AS "satisfied", c."outcome" AS "outcome", c."opened_at" AS "opened_at", c."closed_at" AS "closed_at", c."reopen_count" AS "reopen_count", sc.seg__all AS seg__all
    FROM cases c JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = c.customer_id
    WHERE true)
  SELECT k, "seg__all", policy AS key_policy,
    sum(has_fr) AS fr_cases, sum(fr_met) AS fr_met, sum(fr_breached) AS fr_breached,
    sum(has_res) AS res_cases, sum(res_met) AS res_met, sum(res_breached) AS res_breached
  FROM (SELECT dateDiff('month', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(c.opened_at, 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all", c.sla_policy AS policy,
          CASE WHEN c.first_response_due IS NOT NULL THEN 1 ELSE 0 END AS has_fr,
          CASE WHEN c.first_response_at <= c.first_response_due THEN 1 ELSE 0 END AS fr_met,
          CASE WHEN c.first_response_at > c.first_response_due OR (c.first_response_at IS NULL AND c.first_response_due < now64(6, 'UTC')) THEN 1 ELSE 0 END AS fr_breached,
          CASE WHEN c.resolution_due IS NOT NULL AND c.stage <> 'cancelled' THEN 1 ELSE 0 END AS has_res,
          CASE WHEN c.stage = 'closed' AND c.closed_at <= c.resolution_due THEN 1 ELSE 0 END AS res_met,
          CASE WHEN (c.stage = 'closed' AND c.closed_at > c.resolution_due) OR (c.stage NOT IN ('closed', 'cancelled') AND c.resolution_due < now64(6, 'UTC')) THEN 1 ELSE 0 END AS res_breached
        FROM cs c WHERE c.sla_policy IS NOT NULL) v
  WHERE k >= 0 AND k < {p2:Int64}
  GROUP BY k, "seg__all", policy
  ORDER BY k, "seg__all", policy
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
