-- case_stage_time (base case_stages) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3
-- {p3:String} = 'received'
-- {p4:Int64} = 0
-- {p5:String} = 'diagnosed'
-- {p6:Int64} = 1
-- {p7:String} = 'planned'
-- {p8:Int64} = 2
-- {p9:String} = 'implementing'
-- {p10:Int64} = 3
-- {p11:String} = 'following_up'
-- {p12:Int64} = 4
WITH
    cs AS (SELECT c."case_id" AS "case_id", c."customer_id" AS "customer_id", c."kind" AS "kind", c."stage" AS "stage", c."sla_policy" AS "sla_policy", c."first_response_due" AS "first_response_due", c."first_response_at" AS "first_response_at", c."resolution_due" AS "resolution_due", c."satisfied" AS "satisfied", c."outcome" AS "outcome", c."opened_at" AS "opened_at", c."closed_at" AS "closed_at", c."reopen_count" AS "reopen_count", sc.seg__all AS seg__all
    FROM cases c JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = c.customer_id
    WHERE true),
    visits AS (SELECT e.case_id AS case_id, e.to_stage AS stage, e."at" AS entered,
                 CASE WHEN count(*) OVER (PARTITION BY e.case_id ORDER BY e.version ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) > 0 THEN max(e."at") OVER (PARTITION BY e.case_id ORDER BY e.version ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) END AS left_at
               FROM case_events e WHERE e.to_stage IS NOT NULL),
    v AS (SELECT dateDiff('month', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(x.left_at, 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all", x.stage AS stage,
            ((toFloat64(toUnixTimestamp64Micro(toDateTime64(x.left_at, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(x.entered, 6, 'UTC'))) / 1000000) / 86400) * 24 AS hours
          FROM visits x JOIN cs c ON c.case_id = x.case_id
          WHERE x.left_at IS NOT NULL AND x.stage NOT IN ('closed', 'cancelled'))
  SELECT k, "seg__all", stage AS key_stage, count(*) AS n, avg(hours) AS mean, arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.5])[1]), [arraySort(groupArray(toFloat64(hours)))])[1] AS median,
    arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.9])[1]), [arraySort(groupArray(toFloat64(hours)))])[1] AS p90
  FROM v WHERE k >= 0 AND k < {p2:Int64}
  GROUP BY k, "seg__all", stage
  ORDER BY k, "seg__all", CASE stage WHEN {p3:String} THEN {p4:Int64} WHEN {p5:String} THEN {p6:Int64} WHEN {p7:String} THEN {p8:Int64} WHEN {p9:String} THEN {p10:Int64} WHEN {p11:String} THEN {p12:Int64} END
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
