-- churn_reasons (base churn_reasons) on clickhouse
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
-- {p32:String} = 'natural'
-- {p33:String} = 'competitive'
-- {p34:String} = 'fault'
-- {p35:String} = 'non_malicious'
-- {p36:String} = 'retaliatory'
-- {p37:String} = 'malicious'
-- {p38:String} = 'natural'
-- {p39:String} = 'competitive'
-- {p40:String} = 'fault'
-- {p41:String} = 'non_malicious'
-- {p42:String} = 'retaliatory'
-- {p43:String} = 'malicious'
-- {p44:String} = 'natural'
-- {p45:String} = 'competitive'
-- {p46:String} = 'fault'
-- {p47:String} = 'non_malicious'
-- {p48:String} = 'retaliatory'
-- {p49:String} = 'malicious'
-- {p50:String} = 'natural'
-- {p51:String} = 'competitive'
-- {p52:String} = 'fault'
-- {p53:String} = 'non_malicious'
-- {p54:String} = 'retaliatory'
-- {p55:String} = 'malicious'
-- {p56:Int64} = 30
-- {p57:Int64} = 3
WITH
    ev AS (SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, "c"."seg__all" AS "seg__all",
      dateDiff('quarter', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(e.churned_at, 6, 'UTC')) AS k,
      CASE WHEN NOT (e.reason IS NULL OR trim(e.reason) = '') THEN trim(e.reason) WHEN NOT (x.reason IS NULL OR trim(x.reason) = '') THEN trim(x.reason)
        ELSE 'unknown' END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN ({p2:String}, {p3:String}, {p4:String}) THEN 'voluntary'
        WHEN e.category IN ({p5:String}, {p6:String}, {p7:String}) THEN 'involuntary' WHEN coalesce(x.kind, '') IN ('voluntary', 'involuntary') THEN x.kind
        WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p8:String}, {p9:String}, {p10:String}, {p11:String}, {p12:String}, {p13:String})) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ({p14:String}, {p15:String}, {p16:String}, {p17:String}, {p18:String}, {p19:String}) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN ({p20:String}, {p21:String}, {p22:String}, {p23:String}, {p24:String}, {p25:String}) THEN e.category WHEN coalesce(x.category, '') IN ({p26:String}, {p27:String}, {p28:String}, {p29:String}, {p30:String}, {p31:String}) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, '')) THEN x.category
        WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p32:String}, {p33:String}, {p34:String}, {p35:String}, {p36:String}, {p37:String})) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ({p38:String}, {p39:String}, {p40:String}, {p41:String}, {p42:String}, {p43:String}) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 'retaliatory' ELSE 'unknown' END AS category,
      CASE WHEN NOT (e.competitor IS NULL OR trim(e.competitor) = '') THEN trim(e.competitor) WHEN NOT (x.competitor IS NULL OR trim(x.competitor) = '') THEN trim(x.competitor)
        ELSE NULL END AS competitor,
      CASE WHEN r.hit = 1 THEN 1 ELSE 0 END AS candidate, CASE WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ({p44:String}, {p45:String}, {p46:String}, {p47:String}, {p48:String}, {p49:String})) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ({p50:String}, {p51:String}, {p52:String}, {p53:String}, {p54:String}, {p55:String}) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 1 ELSE 0 END AS marked
    FROM churn_events e JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = e.customer_id
      LEFT JOIN (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, min(c.case_id) AS case_id, 1 AS hit
    FROM churn_events e JOIN cases c ON c.customer_id = e.customer_id
    WHERE c.kind = 'complaint' AND c.stage = 'closed'
      AND (c.satisfied = false OR c.closed_at > c.resolution_due)
      AND e.churned_at > c.closed_at AND e.churned_at <= c.closed_at + INTERVAL ({p56:Int64}) DAY
    GROUP BY e.customer_id, e.churned_at) r ON r.customer_id = e.customer_id AND r.churned_at = e.churned_at
      LEFT JOIN exit_mappings x ON x.customer_id = e.customer_id AND x.churned_at = e.churned_at
    WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < {p57:Int64}),
    pe AS (SELECT v.k AS k, "v"."seg__all" AS "seg__all", v.reason AS reason, v.customer_id AS customer_id, v.churned_at AS churned_at,
             sum(CASE WHEN s.started_at < v.churned_at AND (s.ended_at IS NULL OR s.ended_at >= v.churned_at) THEN s.mrr ELSE 0 END) AS lost
           FROM ev v LEFT JOIN subscriptions s ON s.customer_id = v.customer_id
           GROUP BY v.k, "v"."seg__all", v.reason, v.customer_id, v.churned_at),
    rs AS (SELECT k, "seg__all", reason, count(*) AS n_events, sum(lost) AS lost FROM pe GROUP BY k, "seg__all", reason),
    tot AS (SELECT k, "seg__all", sum(n_events) AS n_total FROM rs GROUP BY k, "seg__all")
  SELECT r.k AS k, "r"."seg__all" AS "seg__all", r.reason AS key_reason, r.n_events AS n, t.n_total AS total,
    sum(r.n_events) OVER (PARTITION BY r.k, "r"."seg__all" ORDER BY r.n_events DESC, r.reason ROWS UNBOUNDED PRECEDING) AS cumulative,
    coalesce(r.lost, 0) AS mrr_lost
  FROM rs r JOIN tot t ON t.k = r.k AND "r"."seg__all" = "t"."seg__all"
  ORDER BY r.k, "r"."seg__all", r.n_events DESC, r.reason
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
