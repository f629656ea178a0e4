-- value_tier in a metric query on duckdb
-- $1 = 0.2
-- $2 = "top"
-- $3 = 0.5
-- $4 = "middle"
-- $5 = "rest"
-- $6 = 7.9803414805314805
-- $7 = "2024-01-01 00:00:00"
-- $8 = "2024-01-01 00:00:00"
-- $9 = "2024-01-01 00:00:00"
-- $10 = "2024-01-01 00:00:00"
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("value_tier" AS VARCHAR), '(none)') AS "seg_value_tier" FROM (SELECT "d0"."value_tier" AS "value_tier", c.* FROM customers c LEFT JOIN (SELECT customer_id, clv, CASE WHEN rn <= $1 * n THEN $2 WHEN rn <= $3 * n THEN $4 ELSE $5 END AS value_tier FROM (
      SELECT customer_id, clv, row_number() OVER (ORDER BY clv DESC, customer_id) AS rn, count(*) OVER () AS n FROM (
        SELECT customer_id, $6 * (sum(mrr) + sum(spend) / 12) AS clv FROM (
          SELECT customer_id, CAST(mrr AS DOUBLE) AS mrr, 0.0 AS spend FROM subscriptions
          WHERE started_at < CAST($7 AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST($8 AS TIMESTAMP)) AND mrr > 0
          UNION ALL
          SELECT customer_id, 0.0 AS mrr, CAST(amount AS DOUBLE) AS spend FROM orders
          WHERE ordered_at < CAST($9 AS TIMESTAMP) AND ordered_at >= CAST($10 AS TIMESTAMP) - INTERVAL (365) DAY) x
        GROUP BY customer_id) v
      WHERE clv > 0) r) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
