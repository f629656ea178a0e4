-- repurchase_rate (base purchases) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:String} = '2024-01-01 00:00:00'
-- {p3:String} = '2027-01-01 00:00:00'
-- {p4:String} = '2024-01-01 00:00:00'
-- {p5:Int64} = 3
WITH
    -- Two passes over the (large) orders table, each cheaper than one grouping of all history by customer and
    -- period (100M orders: 17 s → 9.5 s): each customer's first order ever, and customer-periods inside the range.
    fo AS (SELECT customer_id, min(ordered_at) AS first_at FROM orders WHERE ordered_at IS NOT NULL GROUP BY customer_id),
    cp AS (SELECT customer_id, dateDiff('year', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ordered_at, 6, 'UTC')) AS k, count(*) AS n_orders, sum(amount) AS n_revenue
           FROM orders WHERE ordered_at >= toDateTime64({p2:String}, 6, 'UTC') AND ordered_at < toDateTime64({p3:String}, 6, 'UTC') GROUP BY customer_id, k),
    -- Buyers ever, with their segment and the period of their first order (before the range: negative).
    b AS (SELECT fo.customer_id AS customer_id, "c"."seg__all" AS "seg__all", dateDiff('year', toDateTime64(toDateTime64({p4:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(fo.first_at, 6, 'UTC')) AS k0
          FROM fo JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = fo.customer_id),
    per AS (SELECT cp.k AS k, "b"."seg__all" AS "seg__all", count(*) AS n_buyers, count(*) FILTER (WHERE b.k0 < cp.k) AS n_returning,
              sum(cp.n_orders) AS n_orders, sum(cp.n_revenue) AS n_revenue
            FROM cp JOIN b ON b.customer_id = cp.customer_id GROUP BY cp.k, "b"."seg__all"),
    keys AS (SELECT DISTINCT "seg__all" FROM b),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p5:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(p.n_orders, 0) AS orders, coalesce(p.n_revenue, 0) AS revenue,
    coalesce(p.n_buyers, 0) AS buyers, coalesce(p.n_returning, 0) AS returning_buyers
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
