-- value_tier in a metric query on clickhouse
-- {p1:Float64} = 0.2
-- {p2:String} = "top"
-- {p3:Float64} = 0.5
-- {p4:String} = "middle"
-- {p5:String} = "rest"
-- {p6:Float64} = 7.9803414805314805
-- {p7:String} = "2024-01-01 00:00:00"
-- {p8:String} = "2024-01-01 00:00:00"
-- {p9:String} = "2024-01-01 00:00:00"
-- {p10:String} = "2024-01-01 00:00:00"
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("value_tier" AS VARCHAR), '(none)') AS "seg_value_tier" FROM (SELECT "d0"."value_tier" AS "value_tier", c.* FROM customers c LEFT JOIN (SELECT customer_id, clv, CASE WHEN rn <= {p1:Float64} * n THEN {p2:String} WHEN rn <= {p3:Float64} * n THEN {p4:String} ELSE {p5:String} END AS value_tier FROM (
      SELECT customer_id, clv, row_number() OVER (ORDER BY clv DESC, customer_id) AS rn, count(*) OVER () AS n FROM (
        SELECT customer_id, {p6:Float64} * (sum(mrr) + sum(spend) / 12) AS clv FROM (
          SELECT customer_id, CAST(mrr AS DOUBLE) AS mrr, 0.0 AS spend FROM subscriptions
          WHERE started_at < CAST({p7:String} AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST({p8:String} AS TIMESTAMP)) AND mrr > 0
          UNION ALL
          SELECT customer_id, 0.0 AS mrr, CAST(amount AS DOUBLE) AS spend FROM orders
          WHERE ordered_at < CAST({p9:String} AS TIMESTAMP) AND ordered_at >= CAST({p10:String} AS TIMESTAMP) - INTERVAL (365) DAY) x
        GROUP BY customer_id) v
      WHERE clv > 0) r) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
