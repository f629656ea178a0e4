-- rfm_segment in a metric query on duckdb
-- $1 = 4
-- $2 = 4
-- $3 = 3
-- $4 = 3
-- $5 = 4
-- $6 = 2
-- $7 = 3
-- $8 = 2
-- $9 = 5
-- $10 = 5
-- $11 = 5
-- $12 = 5
-- $13 = 5
-- $14 = 5
-- $15 = "2024-01-01 00:00:00"
-- $16 = "2024-01-01 00:00:00"
-- $17 = "2024-01-01 00:00:00"
-- $18 = "2024-01-01 00:00:00"
-- $19 = "2024-01-01 00:00:00"
-- $20 = "2024-01-01 00:00:00"
-- $21 = "2024-01-01 00:00:00"
-- $22 = "2024-01-01 00:00:00"
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("rfm_segment" AS VARCHAR), '(none)') AS "seg_rfm_segment" FROM (SELECT "d0"."rfm_segment" AS "rfm_segment", c.* FROM customers c LEFT JOIN (SELECT customer_id, recency_at, frequency, monetary, r, f, m,
      concat('R', CAST(r AS VARCHAR), 'F', CAST(f AS VARCHAR), 'M', CAST(m AS VARCHAR)) AS rfm_cell, CASE WHEN "r" >= $1 AND "f" >= $2 THEN 'champions'
      WHEN "r" >= $3 AND "f" >= $4 THEN 'loyal'
      WHEN "r" >= $5 THEN 'promising'
      WHEN "r" <= $6 AND "f" >= $7 THEN 'at_risk'
      WHEN "r" <= $8 THEN 'hibernating'
      ELSE 'need_attention' END AS rfm_segment
    FROM (
      SELECT customer_id, recency_at, frequency, monetary,
        least($9, CAST(floor((rank() OVER (ORDER BY "recency_at") - 1 + count(*) OVER (ORDER BY "recency_at" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * $10 / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS r, least($11, CAST(floor((rank() OVER (ORDER BY "frequency") - 1 + count(*) OVER (ORDER BY "frequency" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * $12 / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS f, least($13, CAST(floor((rank() OVER (ORDER BY "monetary") - 1 + count(*) OVER (ORDER BY "monetary" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * $14 / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS m
      FROM (
        SELECT customer_id, max(last_at) AS recency_at, sum(times) AS frequency, sum(paid) AS monetary FROM (
          SELECT customer_id, max(ordered_at) AS last_at, CAST(count(DISTINCT CAST(ordered_at AS DATE)) AS DOUBLE) AS times,
            coalesce(sum(CAST(amount AS DOUBLE)), 0.0) AS paid
          FROM orders WHERE ordered_at < CAST($15 AS TIMESTAMP) GROUP BY customer_id
          UNION ALL
          SELECT customer_id, max(CASE WHEN ended_at IS NULL OR ended_at > CAST($16 AS TIMESTAMP) THEN CAST($17 AS TIMESTAMP) ELSE ended_at END) AS last_at,
            CAST(sum(greatest(1, date_diff('month', started_at, CASE WHEN ended_at IS NULL OR ended_at > CAST($18 AS TIMESTAMP) THEN CAST($19 AS TIMESTAMP) ELSE ended_at END))) AS DOUBLE) AS times, coalesce(sum(CAST(mrr AS DOUBLE) * greatest(1, date_diff('month', started_at, CASE WHEN ended_at IS NULL OR ended_at > CAST($20 AS TIMESTAMP) THEN CAST($21 AS TIMESTAMP) ELSE ended_at END))), 0.0) AS paid
          FROM subscriptions WHERE started_at < CAST($22 AS TIMESTAMP) GROUP BY customer_id) p
        GROUP BY customer_id) a) s) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
