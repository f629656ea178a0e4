-- renewal_rate (base renewals) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = 3
-- $3 = '9999-12-31 00:00:00'
-- $4 = '2024-01-01 00:00:00'
-- $5 = 0
-- $6 = '9999-12-31 00:00:00'
-- $7 = 0
-- $8 = 0
-- $9 = 3
-- $10 = 3
WITH
    sub AS (SELECT s.subscription_id AS sid, s.customer_id AS customer_id, "c"."seg__all" AS "seg__all", s.started_at AS started_at,
              s.ended_at AS ended_at, s.billing_period AS billing_period
            FROM subscriptions s JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id WHERE s.started_at IS NOT NULL),
    yj AS (SELECT sid, customer_id, "seg__all", ended_at, started_at,
             date_diff('year', started_at, CAST($1 AS TIMESTAMP)) + yr.i - 1 AS j
           FROM sub CROSS JOIN (SELECT range AS i FROM range($2)) yr WHERE billing_period = 'year'),
    ann AS (SELECT sid, customer_id, "seg__all", ended_at, CAST(started_at + to_years(CAST(j AS INTEGER)) AS TIMESTAMP) AS t FROM yj WHERE j >= 1),
    te AS (SELECT sid, customer_id, "seg__all", ended_at AS t FROM sub WHERE ended_at IS NOT NULL
           UNION ALL SELECT sid, customer_id, "seg__all", t FROM ann WHERE t < coalesce(ended_at, CAST($3 AS TIMESTAMP))),
    tk AS (SELECT sid, customer_id, "seg__all", t, date_diff('month', CAST($4 AS TIMESTAMP), t) AS k FROM te),
    rn AS (SELECT e.k AS k, "e"."seg__all" AS "seg__all", e.sid AS sid, e.t AS t,
             max(CASE WHEN (s.started_at <= e.t + INTERVAL ($5) DAY AND coalesce(s.ended_at, CAST($6 AS TIMESTAMP)) > e.t + INTERVAL ($7) DAY)
                   OR (s.sid <> e.sid AND s.started_at >= e.t AND s.started_at <= e.t + INTERVAL ($8) DAY) THEN 1 ELSE 0 END) AS is_renewed
           FROM tk e JOIN sub s ON s.customer_id = e.customer_id WHERE e.k >= 0 AND e.k < $9
           GROUP BY e.k, "e"."seg__all", e.sid, e.t),
    per AS (SELECT k, "seg__all", count(*) AS n_ends, sum(is_renewed) AS n_renewed FROM rn GROUP BY k, "seg__all"),
    keys AS (SELECT DISTINCT "seg__all" FROM sub),
    grid AS (SELECT i AS k FROM (SELECT range AS i FROM range($10)) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(p.n_ends, 0) AS term_ends, coalesce(p.n_renewed, 0) AS renewed
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
