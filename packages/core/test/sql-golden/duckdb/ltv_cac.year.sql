-- ltv_cac (base value) on duckdb
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
-- $15 = '2024-01-01 00:00:00'
-- $16 = '2024-01-01 00:00:00'
-- $17 = 1000000000
-- $18 = '2024-01-01 00:00:00'
-- $19 = '2024-01-01 00:00:00'
-- $20 = '9999-12-31 00:00:00'
-- $21 = 1000000000
-- $22 = 3
-- $23 = 3
-- $24 = 4
-- $25 = 3
-- $26 = '2024-01-01 00:00:00'
-- $27 = '2024-01-01 00:00:00'
-- $28 = '2024-01-01 00:00:00'
-- $29 = 3
-- $30 = 'acquisition'
-- $31 = '2024-01-01 00:00:00'
-- $32 = 12
-- $33 = 0.7
WITH
    f AS (WITH
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
  WHERE a.k < $14 ORDER BY a.k, "a"."seg__all"),
    r AS (WITH
    sub AS (SELECT v.customer_id, "c"."seg__all" AS "seg__all", v.mrr, v.lo, v.hi FROM (SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND (CAST(date_trunc('year', started_at) AS TIMESTAMP) = started_at) THEN date_diff('year', CAST($15 AS TIMESTAMP), started_at) ELSE date_diff('year', CAST($16 AS TIMESTAMP), started_at) + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN $17 WHEN (CAST(date_trunc('year', ended_at) AS TIMESTAMP) = ended_at) THEN date_diff('year', CAST($18 AS TIMESTAMP), ended_at) - 1 ELSE date_diff('year', CAST($19 AS TIMESTAMP), ended_at) END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, CAST($20 AS TIMESTAMP))) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM subscriptions WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p) v
            JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = v.customer_id),
    ev AS (SELECT customer_id, "seg__all", lo AS k, mrr AS dv FROM sub WHERE lo <= hi
           UNION ALL SELECT customer_id, "seg__all", hi + 1 AS k, -mrr AS dv FROM sub WHERE lo <= hi AND hi < $21),
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
      FROM mv WHERE k >= 1 AND k <= $22 GROUP BY k, "seg__all"),
    lv AS (SELECT "seg__all", greatest(k, 0) AS k, sum(dv) AS dm,
             sum(CASE WHEN before = 0 AND lvl > 0 THEN 1 WHEN before > 0 AND lvl = 0 THEN -1 ELSE 0 END) AS dp
           FROM mv WHERE k <= $23 GROUP BY "seg__all", greatest(k, 0)),
    keys AS (SELECT DISTINCT "seg__all" FROM sub),
    grid AS (SELECT i AS k FROM (SELECT range AS i FROM range($24)) gs),
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
  WHERE a.k < $25 ORDER BY a.k, "a"."seg__all"),
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    acq AS (SELECT date_diff('year', CAST($26 AS TIMESTAMP), c.created_at) AS k, "sc"."seg__all" AS "seg__all", sum(c.acquisition_cost) AS spend
            FROM customers c JOIN sc ON sc.customer_id = c.customer_id WHERE c.acquisition_cost IS NOT NULL GROUP BY 1, "sc"."seg__all"),
    cst AS (SELECT s.k AS k, sum(s.cents) / 100 AS acquisition FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * ((epoch(least(c.ce, p.pe)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) - floor(c.t * ((epoch(greatest(c.cs, p.ps)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP) AS cs, CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP) AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        ((epoch(CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP)) - epoch(CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP))) / 86400.0) AS dd
      FROM costs) c CROSS JOIN (SELECT gs.i AS k, CAST(CAST($27 AS TIMESTAMP) + to_years(CAST(gs.i AS INTEGER)) AS TIMESTAMP) AS ps, CAST(CAST($28 AS TIMESTAMP) + to_years(CAST(gs.i + 1 AS INTEGER)) AS TIMESTAMP) AS pe
    FROM (SELECT range AS i FROM range($29)) gs) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s
              WHERE s.category IN ($30) GROUP BY s.k),
    ord AS (SELECT date_diff('year', CAST($31 AS TIMESTAMP), o.ordered_at) AS k, "sc"."seg__all" AS "seg__all", sum(o.amount) AS revenue, sum(coalesce(o.cost, 0)) AS cogs
            FROM orders o JOIN sc ON sc.customer_id = o.customer_id GROUP BY 1, "sc"."seg__all")
  SELECT f.k AS k, "f"."seg__all" AS "seg__all", f.new_customers, f.active_start, f.churned,
    r.mrr_start, r.mrr_end, r.payers_end,
    coalesce(a.spend, c.acquisition) AS acquisition_spend,
    coalesce(o.revenue, 0) AS order_revenue, coalesce(o.cogs, 0) AS order_cogs,
    $32 AS months, $33 AS margin
  FROM f LEFT JOIN r ON r.k = f.k AND "f"."seg__all" = "r"."seg__all"
    LEFT JOIN acq a ON a.k = f.k AND "f"."seg__all" = "a"."seg__all"
    LEFT JOIN cst c ON c.k = f.k
    LEFT JOIN ord o ON o.k = f.k AND "f"."seg__all" = "o"."seg__all"
  ORDER BY f.k, "f"."seg__all"
