-- cac_payback_months (base value) on clickhouse
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
-- {p15:String} = '2024-01-01 00:00:00'
-- {p16:String} = '2024-01-01 00:00:00'
-- {p17:Int64} = 1000000000
-- {p18:String} = '2024-01-01 00:00:00'
-- {p19:String} = '2024-01-01 00:00:00'
-- {p20:String} = '9999-12-31 00:00:00'
-- {p21:Int64} = 1000000000
-- {p22:Int64} = 3
-- {p23:Int64} = 3
-- {p24:Int64} = 4
-- {p25:Int64} = 3
-- {p26:String} = '2024-01-01 00:00:00'
-- {p27:String} = '2024-01-01 00:00:00'
-- {p28:String} = '2024-01-01 00:00:00'
-- {p29:Int64} = 3
-- {p30:String} = 'acquisition'
-- {p31:String} = '2024-01-01 00:00:00'
-- {p32:Float64} = 0.2299794661190965
-- {p33:Float64} = 0.7
WITH
    f AS (WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p1:Int64}) DAY, toDateTime64({p2:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", intDiv(dateDiff('day', toDateTime64(toDateTime64({p3:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')), 7) AS ka, intDiv(dateDiff('day', toDateTime64(toDateTime64({p4:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')), 7) + 1 AS k1, CASE WHEN (toDateTime64(toStartOfWeek(toDateTime64(z, 6, 'UTC'), 1), 6, 'UTC') = z) THEN intDiv(dateDiff('day', toDateTime64(toDateTime64({p5:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')), 7) - 1 ELSE intDiv(dateDiff('day', toDateTime64(toDateTime64({p6:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')), 7) END AS k2,
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
  WHERE a.k < {p14:Int64} ORDER BY a.k, "a"."seg__all"),
    r AS (WITH
    sub AS (SELECT v.customer_id, "c"."seg__all" AS "seg__all", v.mrr, v.lo, v.hi FROM (SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND (toDateTime64(toStartOfWeek(toDateTime64(started_at, 6, 'UTC'), 1), 6, 'UTC') = started_at) THEN intDiv(dateDiff('day', toDateTime64(toDateTime64({p15:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')), 7) ELSE intDiv(dateDiff('day', toDateTime64(toDateTime64({p16:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')), 7) + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN {p17:Int64} WHEN (toDateTime64(toStartOfWeek(toDateTime64(ended_at, 6, 'UTC'), 1), 6, 'UTC') = ended_at) THEN intDiv(dateDiff('day', toDateTime64(toDateTime64({p18:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')), 7) - 1 ELSE intDiv(dateDiff('day', toDateTime64(toDateTime64({p19:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')), 7) END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, toDateTime64({p20:String}, 6, 'UTC'))) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM subscriptions WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p) v
            JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = v.customer_id),
    ev AS (SELECT customer_id, "seg__all", lo AS k, mrr AS dv FROM sub WHERE lo <= hi
           UNION ALL SELECT customer_id, "seg__all", hi + 1 AS k, -mrr AS dv FROM sub WHERE lo <= hi AND hi < {p21:Int64}),
    cev AS (SELECT customer_id, "seg__all", k, sum(dv) AS dv FROM ev GROUP BY customer_id, "seg__all", k),
    lev AS (SELECT *, sum(dv) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS lvl FROM cev),
    mv AS (SELECT *, lvl - dv AS before,
             max(lvl) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS peak FROM lev),
    moves AS (SELECT k - 1 AS k, "seg__all",
        sum(CASE WHEN before = 0 AND lvl > 0 AND coalesce(peak, 0) = 0 THEN lvl ELSE 0 END) AS new_mrr,
        sum(CASE WHEN before = 0 AND lvl > 0 AND peak > 0 THEN lvl ELSE 0 END) AS reactivation_mrr,
        sum(CASE WHEN before > 0 AND lvl > before THEN lvl - before ELSE 0 END) AS expansion_mrr,
        sum(CASE WHEN before > 0 AND lvl > 0 AND lvl < before THEN before - lvl ELSE 0 END) AS contraction_mrr,
        sum(CASE WHEN before > 0 AND lvl = 0 THEN before ELSE 0 END) AS churned_mrr
      FROM mv WHERE k >= 1 AND k <= {p22:Int64} GROUP BY k, "seg__all"),
    lv AS (SELECT "seg__all", greatest(k, 0) AS k, sum(dv) AS dm,
             sum(CASE WHEN before = 0 AND lvl > 0 THEN 1 WHEN before > 0 AND lvl = 0 THEN -1 ELSE 0 END) AS dp
           FROM mv WHERE k <= {p23:Int64} GROUP BY "seg__all", greatest(k, 0)),
    keys AS (SELECT DISTINCT "seg__all" FROM sub),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p24:Int64}), 0)))) gs),
    level AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all",
        sum(coalesce(l.dm, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS mrr,
        sum(coalesce(l.dp, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS payers
      FROM grid g CROSS JOIN keys y LEFT JOIN lv l ON l.k = g.k AND "l"."seg__all" = "y"."seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.mrr AS mrr_start, b.mrr AS mrr_end,
    coalesce(m.new_mrr, 0) AS new_mrr, coalesce(m.expansion_mrr, 0) AS expansion_mrr,
    coalesce(m.reactivation_mrr, 0) AS reactivation_mrr, coalesce(m.contraction_mrr, 0) AS contraction_mrr,
    coalesce(m.churned_mrr, 0) AS churned_mrr, a.payers AS payers_start, b.payers AS payers_end
  FROM level a JOIN level b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN moves m ON m.k = a.k AND "a"."seg__all" = "m"."seg__all"
  WHERE a.k < {p25:Int64} ORDER BY a.k, "a"."seg__all"),
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    acq AS (SELECT intDiv(dateDiff('day', toDateTime64(toDateTime64({p26:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(c.created_at, 6, 'UTC')), 7) AS k, "sc"."seg__all" AS "seg__all", sum(c.acquisition_cost) AS spend
            FROM customers c JOIN sc ON sc.customer_id = c.customer_id WHERE c.acquisition_cost IS NOT NULL GROUP BY 1, "sc"."seg__all"),
    cst AS (SELECT s.k AS k, sum(s.cents) / 100 AS acquisition FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(least(c.ce, p.pe), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) - floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(greatest(c.cs, p.ps), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC') AS cs, toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC') AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        (((toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC'), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC'), 6, 'UTC'))) / 1000000) / 86400)) AS dd
      FROM costs) c CROSS JOIN (SELECT gs.i AS k, toDateTime64(addDays(toDateTime64(toDateTime64({p27:String}, 6, 'UTC'), 6, 'UTC'), 7 * (toInt64(gs.i))), 6, 'UTC') AS ps, toDateTime64(addDays(toDateTime64(toDateTime64({p28:String}, 6, 'UTC'), 6, 'UTC'), 7 * (toInt64(gs.i + 1))), 6, 'UTC') AS pe
    FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p29:Int64}), 0)))) gs) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s
              WHERE s.category IN ({p30:String}) GROUP BY s.k),
    ord AS (SELECT intDiv(dateDiff('day', toDateTime64(toDateTime64({p31:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(o.ordered_at, 6, 'UTC')), 7) AS k, "sc"."seg__all" AS "seg__all", sum(o.amount) AS revenue, sum(coalesce(o.cost, 0)) AS cogs
            FROM orders o JOIN sc ON sc.customer_id = o.customer_id GROUP BY 1, "sc"."seg__all")
  SELECT f.k AS k, "f"."seg__all" AS "seg__all", f.new_customers, f.active_start, f.churned,
    r.mrr_start, r.mrr_end, r.payers_end,
    coalesce(a.spend, c.acquisition) AS acquisition_spend,
    coalesce(o.revenue, 0) AS order_revenue, coalesce(o.cogs, 0) AS order_cogs,
    {p32:Float64} AS months, {p33:Float64} AS margin
  FROM f LEFT JOIN r ON r.k = f.k AND "f"."seg__all" = "r"."seg__all"
    LEFT JOIN acq a ON a.k = f.k AND "f"."seg__all" = "a"."seg__all"
    LEFT JOIN cst c ON c.k = f.k
    LEFT JOIN ord o ON o.k = f.k AND "f"."seg__all" = "o"."seg__all"
  ORDER BY f.k, "f"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
