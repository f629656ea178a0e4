-- case_reopen_rate (base cases) on clickhouse
-- {p1:String} = '2024-01-01 00:00:00'
-- {p2:Int64} = 3
-- {p3:String} = '2024-01-01 00:00:00'
-- {p4:Int64} = 3
-- {p5:String} = '2024-01-01 00:00:00'
-- {p6:Int64} = 3
-- {p7:String} = '2024-01-01 00:00:00'
-- {p8:String} = 'compensation_granted'
-- {p9:Int64} = 3
-- {p10:Int64} = 0
-- {p11:String} = '9999-12-31 00:00:00'
-- {p12:String} = '2024-01-01 00:00:00'
-- {p13:String} = '2024-01-01 00:00:00'
-- {p14:String} = '2024-01-01 00:00:00'
-- {p15:String} = '2024-01-01 00:00:00'
-- {p16:Int64} = 3
-- {p17:Int64} = 3
-- {p18:Int64} = 3
-- {p19:Int64} = 4
-- {p20:Int64} = 3
-- {p21:Int64} = 3
-- {p22:Int64} = 0
-- {p23:Int64} = 3
-- {p24:Int64} = 3
WITH
    cs AS (SELECT c."case_id" AS "case_id", c."customer_id" AS "customer_id", c."kind" AS "kind", c."stage" AS "stage", c."sla_policy" AS "sla_policy", c."first_response_due" AS "first_response_due", c."first_response_at" AS "first_response_at", c."resolution_due" AS "resolution_due", c."satisfied" AS "satisfied", c."outcome" AS "outcome", c."opened_at" AS "opened_at", c."closed_at" AS "closed_at", c."reopen_count" AS "reopen_count", sc.seg__all AS seg__all
    FROM cases c JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = c.customer_id
    WHERE true),
    op AS (SELECT k, "seg__all", count(*) AS n_opened, sum(is_resolved) AS n_resolved, sum(ever_closed) AS n_ever_closed,
             sum(is_reopened) AS n_reopened, sum(is_complaint) AS n_complaints
           FROM (SELECT dateDiff('year', toDateTime64(toDateTime64({p1:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(c.opened_at, 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all", CASE WHEN c.stage = 'closed' THEN 1 ELSE 0 END AS is_resolved,
                   CASE WHEN c.stage = 'closed' OR c.reopen_count > 0 THEN 1 ELSE 0 END AS ever_closed,
                   CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END AS is_reopened, CASE WHEN c.kind = 'complaint' THEN 1 ELSE 0 END AS is_complaint
                 FROM cs c) o
           WHERE k >= 0 AND k < {p2:Int64} GROUP BY k, "seg__all"),
    cl AS (SELECT k, "seg__all", count(*) AS n_closed, sum(is_decided) AS n_decided, sum(is_saved) AS n_saved,
             sum(is_lost) AS n_lost, sum(is_no_contact) AS n_no_contact, sum(is_not_worth) AS n_not_worth
           FROM (SELECT dateDiff('year', toDateTime64(toDateTime64({p3:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(c.closed_at, 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all", CASE WHEN c.kind = 'retention' AND c.outcome IS NOT NULL THEN 1 ELSE 0 END AS is_decided,
                   CASE WHEN c.kind = 'retention' AND c.outcome = 'saved' THEN 1 ELSE 0 END AS is_saved, CASE WHEN c.kind = 'retention' AND c.outcome = 'lost' THEN 1 ELSE 0 END AS is_lost,
                   CASE WHEN c.kind = 'retention' AND c.outcome = 'no_contact' THEN 1 ELSE 0 END AS is_no_contact,
                   CASE WHEN c.kind = 'retention' AND c.outcome = 'not_worth_retaining' THEN 1 ELSE 0 END AS is_not_worth
                 FROM cs c WHERE c.stage = 'closed') o
           WHERE k >= 0 AND k < {p4:Int64} GROUP BY k, "seg__all"),
    ms AS (SELECT k, "seg__all", sum(mrr) AS mrr_saved
           FROM (SELECT dateDiff('year', toDateTime64(toDateTime64({p5:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(c.closed_at, 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all",
                   CASE WHEN s.started_at <= c.closed_at AND (s.ended_at IS NULL OR s.ended_at > c.closed_at) THEN s.mrr ELSE 0 END AS mrr
                 FROM cs c JOIN subscriptions s ON s.customer_id = c.customer_id
                 WHERE c.stage = 'closed' AND c.kind = 'retention' AND c.outcome = 'saved') o
           WHERE k >= 0 AND k < {p6:Int64} GROUP BY k, "seg__all"),
    pay AS (SELECT k, "seg__all", sum(amount) AS paid, count(amount) AS n_paid
            FROM (SELECT dateDiff('year', toDateTime64(toDateTime64({p7:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(e."at", 6, 'UTC')) AS k, "c"."seg__all" AS "seg__all", toDecimal64OrNull(replaceAll(JSONExtractRaw(e.fields, {p8:String}), '"', ''), 4) AS amount
                  FROM case_events e JOIN cs c ON c.case_id = e.case_id
                  WHERE e.action = 'moved' AND e.to_stage = 'following_up') o
            WHERE k >= 0 AND k < {p9:Int64} AND amount > 0 GROUP BY k, "seg__all"),
    fl AS (WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p10:Int64}) DAY, toDateTime64({p11:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", dateDiff('year', toDateTime64(toDateTime64({p12:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) AS ka, dateDiff('year', toDateTime64(toDateTime64({p13:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) + 1 AS k1, CASE WHEN (toDateTime64(toStartOfYear(toDateTime64(z, 6, 'UTC')), 6, 'UTC') = z) THEN dateDiff('year', toDateTime64(toDateTime64({p14:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) - 1 ELSE dateDiff('year', toDateTime64(toDateTime64({p15:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, {p16:Int64}) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, {p17:Int64})),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < {p18:Int64}),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p19:Int64}), 0)))) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < {p20:Int64} GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < {p21:Int64} GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, {p22:Int64} AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < {p23:Int64} ORDER BY a.k, "a"."seg__all"),
    ckeys AS (SELECT DISTINCT "x"."seg__all" AS "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) x),
    cgrid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p24:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all",
    coalesce(o.n_opened, 0) AS opened, coalesce(o.n_resolved, 0) AS resolved, coalesce(o.n_ever_closed, 0) AS ever_closed,
    coalesce(o.n_reopened, 0) AS reopened, coalesce(o.n_complaints, 0) AS complaints,
    coalesce(l.n_closed, 0) AS closed, coalesce(l.n_decided, 0) AS decided, coalesce(l.n_saved, 0) AS saved,
    coalesce(l.n_lost, 0) AS lost, coalesce(l.n_no_contact, 0) AS no_contact, coalesce(l.n_not_worth, 0) AS not_worth_retaining,
    coalesce(m.mrr_saved, 0) AS mrr_saved, coalesce(p.paid, 0) AS compensation, coalesce(p.n_paid, 0) AS compensated,
    coalesce(f.active_start, 0) AS active_start
  FROM cgrid g CROSS JOIN ckeys y
    LEFT JOIN op o ON o.k = g.k AND "o"."seg__all" = "y"."seg__all"
    LEFT JOIN cl l ON l.k = g.k AND "l"."seg__all" = "y"."seg__all"
    LEFT JOIN ms m ON m.k = g.k AND "m"."seg__all" = "y"."seg__all"
    LEFT JOIN pay p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
    LEFT JOIN fl f ON f.k = g.k AND "f"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
