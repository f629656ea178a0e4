-- renewal_rate (base renewals) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3
-- {p3:String} = '9999-12-31 00:00:00'
-- {p4:String} = '2024-01-01 00:00:00'
-- {p5:Int64} = 0
-- {p6:String} = '9999-12-31 00:00:00'
-- {p7:Int64} = 0
-- {p8:Int64} = 0
-- {p9:Int64} = 3
-- {p10:Int64} = 3
WITH
    sub AS (SELECT s.subscription_id AS sid, s.customer_id AS customer_id, "c"."seg__all" AS "seg__all", s.started_at AS started_at,
              s.ended_at AS ended_at, s.billing_period AS billing_period
            FROM subscriptions s JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id WHERE s.started_at IS NOT NULL),
    yj AS (SELECT sid, customer_id, "seg__all", ended_at, started_at,
             dateDiff('year', toDateTime64(started_at, 6, 'UTC'), toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC')) + yr.i - 1 AS j
           FROM sub CROSS JOIN (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p2:Int64}), 0)))) yr WHERE billing_period = 'year'),
    ann AS (SELECT sid, customer_id, "seg__all", ended_at, toDateTime64(addYears(toDateTime64(started_at, 6, 'UTC'), toInt64(j)), 6, 'UTC') AS t FROM yj WHERE j >= 1),
    te AS (SELECT sid, customer_id, "seg__all", ended_at AS t FROM sub WHERE ended_at IS NOT NULL
           UNION ALL SELECT sid, customer_id, "seg__all", t FROM ann WHERE t < coalesce(ended_at, toDateTime64({p3:String}, 6, 'UTC'))),
    tk AS (SELECT sid, customer_id, "seg__all", t, intDiv(dateDiff('day', toDateTime64(toDateTime64({p4:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(t, 6, 'UTC')), 7) AS k FROM te),
    rn AS (SELECT e.k AS k, "e"."seg__all" AS "seg__all", e.sid AS sid, e.t AS t,
             max(CASE WHEN (s.started_at <= e.t + INTERVAL ({p5:Int64}) DAY AND coalesce(s.ended_at, toDateTime64({p6:String}, 6, 'UTC')) > e.t + INTERVAL ({p7:Int64}) DAY)
                   OR (s.sid <> e.sid AND s.started_at >= e.t AND s.started_at <= e.t + INTERVAL ({p8:Int64}) DAY) THEN 1 ELSE 0 END) AS is_renewed
           FROM tk e JOIN sub s ON s.customer_id = e.customer_id WHERE e.k >= 0 AND e.k < {p9:Int64}
           GROUP BY e.k, "e"."seg__all", e.sid, e.t),
    per AS (SELECT k, "seg__all", count(*) AS n_ends, sum(is_renewed) AS n_renewed FROM rn GROUP BY k, "seg__all"),
    keys AS (SELECT DISTINCT "seg__all" FROM sub),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p10:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(p.n_ends, 0) AS term_ends, coalesce(p.n_renewed, 0) AS renewed
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
