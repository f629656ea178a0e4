-- order_revenue_retention (base order_cohorts) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3
-- {p3:Int64} = 3
-- {p4:Int64} = 3
-- {p5:Int64} = 3
-- {p6:String} = '2024-01-01'
-- {p7:String} = '2024-01-08'
-- {p8:String} = '2024-01-15'
WITH
    op AS (SELECT customer_id, ko, sum(amount) AS amount
    FROM (SELECT customer_id, intDiv(dateDiff('day', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ordered_at, 6, 'UTC')), 7) AS ko, amount FROM orders WHERE ordered_at IS NOT NULL) x GROUP BY customer_id, ko),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, "sc"."seg__all" AS "seg__all"
            FROM (SELECT customer_id, min(ko) AS c FROM op GROUP BY customer_id) f
              JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < {p2:Int64}),
    m AS (SELECT h.c AS c, "h"."seg__all" AS "seg__all", o.ko - h.c AS age, o.amount AS amount, z.amount AS amount0
          FROM coh h JOIN op o ON o.customer_id = h.customer_id JOIN op z ON z.customer_id = h.customer_id AND z.ko = h.c
          WHERE o.ko < {p3:Int64}),
    agg AS (SELECT c, "seg__all", age, sum(amount) AS revenue, sum(least(amount, amount0)) AS capped, count(*) AS buyers
            FROM m GROUP BY c, "seg__all", age),
    sz AS (SELECT c, "seg__all", count(*) AS size FROM coh GROUP BY c, "seg__all"),
    cells AS (SELECT z.c AS c, "z"."seg__all" AS "seg__all", a.i AS age, z.size AS size FROM sz z CROSS JOIN (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p4:Int64}), 0)))) a
              WHERE z.c + a.i < {p5:Int64})
  SELECT x.c + x.age AS k, "x"."seg__all" AS "seg__all", CASE x.c WHEN 0 THEN {p6:String} WHEN 1 THEN {p7:String} WHEN 2 THEN {p8:String} END AS key_cohort, x.age AS key_age,
    x.size AS cohort_size, coalesce(g.revenue, 0) AS revenue, g0.revenue AS revenue0, coalesce(g.capped, 0) AS capped,
    coalesce(g.buyers, 0) AS buyers
  FROM cells x JOIN agg g0 ON g0.c = x.c AND g0.age = 0 AND "g0"."seg__all" = "x"."seg__all"
    LEFT JOIN agg g ON g.c = x.c AND g.age = x.age AND "g"."seg__all" = "x"."seg__all"
  ORDER BY x.c, "x"."seg__all", x.age
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
