-- customer_growth_rate (base flow) on duckdb
-- $1 = 0
-- $2 = '9999-12-31 00:00:00'
-- $3 = '2024-01-01 00:00:00'
-- $4 = '2024-01-01 00:00:00'
-- $5 = '2024-01-01 00:00:00'
-- $6 = '2024-01-01 00:00:00'
-- $7 = 3
-- $8 = 3
-- $9 = 3
-- $10 = 4
-- $11 = 3
-- $12 = 3
-- $13 = 0
-- $14 = 3
WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($1) DAY, CAST($2 AS TIMESTAMP)) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", date_diff('year', CAST($3 AS TIMESTAMP), a) AS ka, date_diff('year', CAST($4 AS TIMESTAMP), a) + 1 AS k1, CASE WHEN (CAST(date_trunc('year', z) AS TIMESTAMP) = z) THEN date_diff('year', CAST($5 AS TIMESTAMP), z) - 1 ELSE date_diff('year', CAST($6 AS TIMESTAMP), z) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, $7) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, $8)),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < $9),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT range AS i FROM range($10)) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < $11 GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < $12 GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, $13 AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < $14 ORDER BY a.k, "a"."seg__all"
