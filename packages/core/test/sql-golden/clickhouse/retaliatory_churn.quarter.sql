-- retaliatory_churn (base retaliatory) on clickhouse
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
-- {p14:String} = 'natural'
-- {p15:String} = 'competitive'
-- {p16:String} = 'fault'
-- {p17:String} = 'non_malicious'
-- {p18:String} = 'retaliatory'
-- {p19:String} = 'malicious'
-- {p20:String} = 'natural'
-- {p21:String} = 'competitive'
-- {p22:String} = 'fault'
-- {p23:String} = 'non_malicious'
-- {p24:String} = 'retaliatory'
-- {p25:String} = 'malicious'
-- {p26:String} = 'natural'
-- {p27:String} = 'competitive'
-- {p28:String} = 'fault'
-- {p29:String} = 'non_malicious'
-- {p30:String} = 'retaliatory'
-- {p31:String} = 'malicious'
-- {p32:Int64} = 30
-- {p33:Int64} = 3
-- {p34:Int64} = 3
WITH
    ev AS (SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, "c"."seg__all" AS "seg__all",
      dateDiff('quarter', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(e.churned_at, 6, 'UTC')) AS k,
      CASE WHEN e.reason IS NULL OR trim(e.reason) = '' THEN 'unknown' ELSE trim(e.reason) END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN ({p2:String}, {p3:String}, {p4:String}) THEN 'voluntary'
        WHEN e.category IN ({p5:String}, {p6:String}, {p7:String}) THEN 'involuntary' WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p8:String}, {p9:String}, {p10:String}, {p11:String}, {p12:String}, {p13:String})) AND coalesce("e"."kind", '') <> 'voluntary' THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN ({p14:String}, {p15:String}, {p16:String}, {p17:String}, {p18:String}, {p19:String}) THEN e.category
        WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p20:String}, {p21:String}, {p22:String}, {p23:String}, {p24:String}, {p25:String})) AND coalesce("e"."kind", '') <> 'voluntary' THEN 'retaliatory' ELSE 'unknown' END AS category,
      CASE WHEN r.hit = 1 THEN 1 ELSE 0 END AS candidate, CASE WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p26:String}, {p27:String}, {p28:String}, {p29:String}, {p30:String}, {p31:String})) AND coalesce("e"."kind", '') <> 'voluntary' THEN 1 ELSE 0 END AS marked
    FROM churn_events e JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = e.customer_id
      LEFT JOIN (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, min(c.case_id) AS case_id, 1 AS hit
    FROM churn_events e JOIN cases c ON c.customer_id = e.customer_id
    WHERE c.kind = 'complaint' AND c.stage = 'closed'
      AND (c.satisfied = false OR c.closed_at > c.resolution_due)
      AND e.churned_at > c.closed_at AND e.churned_at <= c.closed_at + INTERVAL ({p32:Int64}) DAY
    GROUP BY e.customer_id, e.churned_at) r ON r.customer_id = e.customer_id AND r.churned_at = e.churned_at
    WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < {p33:Int64}),
    agg AS (SELECT k, "seg__all", sum(candidate) AS n_candidates, sum(marked) AS n_marked, count(*) AS n_churns
            FROM ev GROUP BY k, "seg__all"),
    rkeys AS (SELECT DISTINCT "x"."seg__all" AS "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) x),
    rgrid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p34:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(a.n_candidates, 0) AS candidates, coalesce(a.n_marked, 0) AS marked,
    coalesce(a.n_churns, 0) AS churns
  FROM rgrid g CROSS JOIN rkeys y LEFT JOIN agg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
