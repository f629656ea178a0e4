-- lifecycle_stage in a metric query on duckdb
-- $1 = 0
-- $2 = "2024-01-01 00:00:00"
-- $3 = "2024-01-01 00:00:00"
-- $4 = 180
-- $5 = "2024-01-01 00:00:00"
-- $6 = "2024-01-01 00:00:00"
-- $7 = 0
-- $8 = "2024-01-01 00:00:00"
-- $9 = "2024-01-01 00:00:00"
-- $10 = "2024-01-01 00:00:00"
-- $11 = "2024-01-01 00:00:00"
-- $12 = "2024-01-01 00:00:00"
-- $13 = "2024-01-01 00:00:00"
-- $14 = "2024-01-01 00:00:00"
-- $15 = "2024-01-01 00:00:00"
-- $16 = ["high","critical"]
-- $17 = "2024-01-01 00:00:00"
-- $18 = 90
-- $19 = "2024-01-01 00:00:00"
-- $20 = "2024-01-01 00:00:00"
-- $21 = "2024-01-01 00:00:00"
-- $22 = 45
-- $23 = "2024-01-01 00:00:00"
-- $24 = 90
-- $25 = "2024-01-01 00:00:00"
-- $26 = 90
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("lifecycle_stage" AS VARCHAR), '(none)') AS "seg_lifecycle_stage" FROM (SELECT "d0"."lifecycle_stage" AS "lifecycle_stage", c.* FROM customers c LEFT JOIN (WITH sp AS (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, a, z FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($1) DAY, CAST($2 AS TIMESTAMP) + INTERVAL (1) DAY) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE a < CAST($3 AS TIMESTAMP) UNION ALL SELECT customer_id, a, z FROM (SELECT customer_id, ordered_at AS a, ordered_at + INTERVAL ($4) DAY AS z
        FROM orders) i WHERE a < CAST($5 AS TIMESTAMP)) i) o) m) g
    GROUP BY customer_id, g),
    per AS (SELECT customer_id, min(a) AS first_a, max(CASE WHEN z > CAST($6 AS TIMESTAMP) THEN a END) AS cur_a FROM sp GROUP BY customer_id),
    sub AS (SELECT DISTINCT customer_id FROM (SELECT customer_id, a, z FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($7) DAY, CAST($8 AS TIMESTAMP) + INTERVAL (1) DAY) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE a < CAST($9 AS TIMESTAMP)) s WHERE z > CAST($10 AS TIMESTAMP)),
    cancel AS (SELECT DISTINCT customer_id FROM subscriptions
      WHERE cancel_requested_at <= CAST($11 AS TIMESTAMP) AND started_at < CAST($12 AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST($13 AS TIMESTAMP))),
    ord AS (SELECT customer_id, max(ordered_at) AS last_order FROM orders WHERE ordered_at < CAST($14 AS TIMESTAMP) GROUP BY customer_id),
    risk AS (SELECT customer_id FROM scores WHERE run_id = (SELECT max(run_id) FROM scores WHERE as_of <= CAST($15 AS TIMESTAMP)) AND tier IN (SELECT unnest($16)))
    SELECT per.customer_id AS customer_id, CASE
        WHEN per.cur_a IS NULL THEN 'churned'
        WHEN sub.customer_id IS NULL AND date_diff('day', ord.last_order, CAST($17 AS TIMESTAMP)) >= $18 THEN 'dormant'
        WHEN ((SELECT max(run_id) FROM scores WHERE as_of <= CAST($19 AS TIMESTAMP)) IS NOT NULL AND risk.customer_id IS NOT NULL) OR ((SELECT max(run_id) FROM scores WHERE as_of <= CAST($20 AS TIMESTAMP)) IS NULL AND (cancel.customer_id IS NOT NULL
          OR (sub.customer_id IS NULL AND date_diff('day', ord.last_order, CAST($21 AS TIMESTAMP)) >= $22))) THEN 'at_risk'
        WHEN per.cur_a > per.first_a AND date_diff('day', per.cur_a, CAST($23 AS TIMESTAMP)) < $24 THEN 'reactivated'
        WHEN date_diff('day', per.first_a, CAST($25 AS TIMESTAMP)) < $26 THEN 'new'
        ELSE 'active' END AS lifecycle_stage
    FROM per LEFT JOIN sub ON sub.customer_id = per.customer_id LEFT JOIN cancel ON cancel.customer_id = per.customer_id
      LEFT JOIN ord ON ord.customer_id = per.customer_id LEFT JOIN risk ON risk.customer_id = per.customer_id) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
