-- cohort_retention (base cohorts) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = '2024-01-01 00:00:00'
-- {p3:String} = '2024-01-01 00:00:00'
-- {p4:Int64} = 0
-- {p5:String} = '9999-12-31 00:00:00'
-- {p6:Int64} = 3
-- {p7:Int64} = 3
-- {p8:Int64} = 2
-- {p9:Int64} = 3
-- {p10:String} = '2024-01-01 00:00:00'
-- {p11:String} = '2024-01-01 00:00:00'
-- {p12:Int64} = 1000000000
-- {p13:String} = '2024-01-01 00:00:00'
-- {p14:String} = '2024-01-01 00:00:00'
-- {p15:String} = '9999-12-31 00:00:00'
-- {p16:Int64} = 3
-- {p17:Int64} = 3
-- {p18:String} = '2024-01-01'
-- {p19:String} = '2024-01-02'
-- {p20:String} = '2024-01-03'
WITH
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    sp AS (SELECT s.customer_id AS customer_id, dateDiff('day', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(s.a, 6, 'UTC')) AS ka, CASE WHEN (toDateTime64(toStartOfDay(toDateTime64(s.z, 6, 'UTC')), 6, 'UTC') = s.z) THEN dateDiff('day', toDateTime64(toDateTime64({p2:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(s.z, 6, 'UTC')) - 1 ELSE dateDiff('day', toDateTime64(toDateTime64({p3:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(s.z, 6, 'UTC')) END AS k2 FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p4:Int64}) DAY, toDateTime64({p5:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, "sc"."seg__all" AS "seg__all"
            FROM (SELECT customer_id, min(ka) AS c FROM sp GROUP BY customer_id) f JOIN sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < {p6:Int64}),
    iv AS (SELECT h.c AS c, "h"."seg__all" AS "seg__all", p.ka - h.c AS lo, least(p.k2, {p7:Int64}) - h.c - 1 AS hi, 1 AS da, 0 AS dr, 0 AS dm
           FROM sp "p" JOIN coh h ON h.customer_id = "p"."customer_id" UNION ALL SELECT h.c AS c, "h"."seg__all" AS "seg__all", p.ka - h.c AS lo, least(p.k2, {p8:Int64}) - h.c AS hi, 0 AS da, 1 AS dr, 0 AS dm
        FROM sp "p" JOIN coh h ON h.customer_id = "p"."customer_id"
      UNION ALL SELECT h.c AS c, "h"."seg__all" AS "seg__all", greatest(m.lo, h.c + 1) - h.c - 1 AS lo, least(m.hi, {p9:Int64}) - h.c - 1 AS hi,
        0 AS da, 0 AS dr, m.mrr AS dm FROM (SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND (toDateTime64(toStartOfDay(toDateTime64(started_at, 6, 'UTC')), 6, 'UTC') = started_at) THEN dateDiff('day', toDateTime64(toDateTime64({p10:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')) ELSE dateDiff('day', toDateTime64(toDateTime64({p11:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(started_at, 6, 'UTC')) + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN {p12:Int64} WHEN (toDateTime64(toStartOfDay(toDateTime64(ended_at, 6, 'UTC')), 6, 'UTC') = ended_at) THEN dateDiff('day', toDateTime64(toDateTime64({p13:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')) - 1 ELSE dateDiff('day', toDateTime64(toDateTime64({p14:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ended_at, 6, 'UTC')) END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, toDateTime64({p15:String}, 6, 'UTC'))) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM subscriptions WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p) "m" JOIN coh h ON h.customer_id = "m"."customer_id"),
    dl AS (SELECT c, "seg__all", age, sum(da) AS da, sum(dr) AS dr, sum(dm) AS dm FROM (
             SELECT v.c AS c, "v"."seg__all" AS "seg__all", CASE WHEN e.i = 0 THEN v.lo ELSE v.hi + 1 END AS age, CASE WHEN e.i = 0 THEN "v"."da" ELSE -"v"."da" END AS "da", CASE WHEN e.i = 0 THEN "v"."dr" ELSE -"v"."dr" END AS "dr", CASE WHEN e.i = 0 THEN "v"."dm" ELSE -"v"."dm" END AS "dm"
             FROM iv v CROSS JOIN (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64(2), 0)))) e WHERE v.lo <= v.hi) x GROUP BY c, "seg__all", age),
    sz AS (SELECT c, "seg__all", count(*) AS size FROM coh GROUP BY c, "seg__all"),
    cells AS (SELECT z.c AS c, "z"."seg__all" AS "seg__all", a.i AS age, z.size AS size FROM sz z CROSS JOIN (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p16:Int64}), 0)))) a
              WHERE z.c + a.i < {p17:Int64}),
    run AS (SELECT x.c AS c, "x"."seg__all" AS "seg__all", x.age AS age, x.size AS size,
              sum(coalesce(t.da, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS active, sum(coalesce(t.dr, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS returned,
              sum(coalesce(t.dm, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS money,
              sum(CASE WHEN x.age = 0 THEN coalesce(t.dm, 0) ELSE 0 END) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS money0
            FROM cells x LEFT JOIN dl t ON t.c = x.c AND t.age = x.age AND "t"."seg__all" = "x"."seg__all")
  SELECT r.c + r.age AS k, "r"."seg__all" AS "seg__all", CASE r.c WHEN 0 THEN {p18:String} WHEN 1 THEN {p19:String} WHEN 2 THEN {p20:String} END AS key_cohort, r.age AS key_age, r.size AS cohort_size,
    r.active AS active, r.returned AS returned, r.money AS money, r.money0 AS money0
  FROM run r ORDER BY r.c, "r"."seg__all", r.age
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
