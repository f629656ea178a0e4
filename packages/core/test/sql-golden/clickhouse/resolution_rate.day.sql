-- resolution_rate (base service) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3600
-- {p3:Int64} = 14400
-- {p4:Int64} = 259200
-- {p5:Int64} = 86400
-- {p6:Int64} = 3
-- {p7:Int64} = 0
-- {p8:String} = '9999-12-31 00:00:00'
-- {p9:String} = '2024-01-01 00:00:00'
-- {p10:String} = '2024-01-01 00:00:00'
-- {p11:String} = '2024-01-01 00:00:00'
-- {p12:String} = '2024-01-01 00:00:00'
-- {p13:Int64} = 3
-- {p14:Int64} = 3
-- {p15:Int64} = 3
-- {p16:Int64} = 4
-- {p17:Int64} = 3
-- {p18:Int64} = 3
-- {p19:Int64} = 0
-- {p20:Int64} = 3
-- {p21:Int64} = 3
WITH
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    tk AS (SELECT dateDiff('day', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(t.opened_at, 6, 'UTC')) AS k, "sc"."seg__all" AS "seg__all",
             CASE WHEN t.first_response_at IS NOT NULL THEN ((toFloat64(toUnixTimestamp64Micro(toDateTime64(t.first_response_at, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(t.opened_at, 6, 'UTC'))) / 1000000) / 86400) * 24 END AS frt_h,
             CASE WHEN t.resolved_at IS NOT NULL THEN ((toFloat64(toUnixTimestamp64Micro(toDateTime64(t.resolved_at, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(t.opened_at, 6, 'UTC'))) / 1000000) / 86400) * 24 END AS res_h,
             CASE WHEN t.status IN ('resolved', 'closed') OR t.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS is_resolved,
             CASE WHEN t.first_response_at <= CASE "t"."priority" WHEN 'urgent' THEN "t"."opened_at" + INTERVAL ({p2:Int64}) SECOND WHEN 'high' THEN "t"."opened_at" + INTERVAL ({p3:Int64}) SECOND WHEN 'low' THEN "t"."opened_at" + INTERVAL ({p4:Int64}) SECOND ELSE "t"."opened_at" + INTERVAL ({p5:Int64}) SECOND END THEN 1 ELSE 0 END AS is_met,
             CASE WHEN t.kind IS NULL OR t.kind = 'complaint' THEN 1 ELSE 0 END AS is_complaint
           FROM tickets t JOIN sc ON sc.customer_id = t.customer_id WHERE t.opened_at IS NOT NULL),
    tagg AS (SELECT k, "seg__all", count(*) AS n_tickets, sum(is_complaint) AS n_complaints, sum(is_resolved) AS n_resolved, sum(is_met) AS n_met,
               count(frt_h) AS n_frt, avg(frt_h) AS frt_avg, arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.5])[1]), [arraySort(groupArray(toFloat64(frt_h)))])[1] AS frt_q50,
               arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.9])[1]), [arraySort(groupArray(toFloat64(frt_h)))])[1] AS frt_q90,
               count(res_h) AS n_res, avg(res_h) AS res_avg, arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.5])[1]), [arraySort(groupArray(toFloat64(res_h)))])[1] AS res_q50,
               arrayMap(s -> if(length(s) = 0, NULL, arrayMap(rn -> if(floor(rn) = ceil(rn), s[toUInt64(rn) + 1], s[toUInt64(floor(rn)) + 1] * (1 - (rn - floor(rn))) + s[toUInt64(ceil(rn)) + 1] * (rn - floor(rn))), [(length(s) - 1) * 0.9])[1]), [arraySort(groupArray(toFloat64(res_h)))])[1] AS res_q90
             FROM tk WHERE k >= 0 AND k < {p6:Int64} GROUP BY k, "seg__all"),
    fl AS (WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p7:Int64}) DAY, toDateTime64({p8:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", dateDiff('day', toDateTime64(toDateTime64({p9:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) AS ka, dateDiff('day', toDateTime64(toDateTime64({p10:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) + 1 AS k1, CASE WHEN (toDateTime64(toStartOfDay(toDateTime64(z, 6, 'UTC')), 6, 'UTC') = z) THEN dateDiff('day', toDateTime64(toDateTime64({p11:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) - 1 ELSE dateDiff('day', toDateTime64(toDateTime64({p12:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, {p13:Int64}) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, {p14:Int64})),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < {p15:Int64}),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p16:Int64}), 0)))) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < {p17:Int64} GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < {p18:Int64} GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, {p19:Int64} AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < {p20:Int64} ORDER BY a.k, "a"."seg__all"),
    tkeys AS (SELECT DISTINCT "seg__all" FROM sc),
    tgrid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p21:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(a.n_tickets, 0) AS tickets, coalesce(a.n_complaints, 0) AS complaints, coalesce(f.active_start, 0) AS active_start,
    coalesce(a.n_resolved, 0) AS resolved, coalesce(a.n_met, 0) AS sla_met,
    coalesce(a.n_frt, 0) AS frt_n, a.frt_avg AS frt_mean, a.frt_q50 AS frt_median, a.frt_q90 AS frt_p90,
    coalesce(a.n_res, 0) AS res_n, a.res_avg AS res_mean, a.res_q50 AS res_median, a.res_q90 AS res_p90
  FROM tgrid g CROSS JOIN tkeys y
    LEFT JOIN tagg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all"
    LEFT JOIN fl f ON f.k = g.k AND "f"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
