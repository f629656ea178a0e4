-- customer_growth_rate (base flow) on clickhouse
-- {p1:Int64} = 0
-- {p2:String} = '9999-12-31 00:00:00'
-- {p3:String} = '2024-01-01 00:00:00'
-- {p4:String} = '2024-01-01 00:00:00'
-- {p5:String} = '2024-01-01 00:00:00'
-- {p6:String} = '2024-01-01 00:00:00'
-- {p7:Int64} = 3
-- {p8:Int64} = 3
-- {p9:Int64} = 3
-- {p10:Int64} = 4
-- {p11:Int64} = 3
-- {p12:Int64} = 3
-- {p13:Int64} = 0
-- {p14:Int64} = 3
WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p1:Int64}) DAY, toDateTime64({p2:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", dateDiff('month', toDateTime64(toDateTime64({p3:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) AS ka, dateDiff('month', toDateTime64(toDateTime64({p4:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) + 1 AS k1, CASE WHEN (toDateTime64(toStartOfMonth(toDateTime64(z, 6, 'UTC')), 6, 'UTC') = z) THEN dateDiff('month', toDateTime64(toDateTime64({p5:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) - 1 ELSE dateDiff('month', toDateTime64(toDateTime64({p6:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, {p7:Int64}) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, {p8:Int64})),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < {p9:Int64}),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p10:Int64}), 0)))) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < {p11:Int64} GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < {p12:Int64} GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, {p13:Int64} AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < {p14:Int64} ORDER BY a.k, "a"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
