-- rfm_cell in a metric query on clickhouse
-- {p1:Int64} = 4
-- {p2:Int64} = 4
-- {p3:Int64} = 3
-- {p4:Int64} = 3
-- {p5:Int64} = 4
-- {p6:Int64} = 2
-- {p7:Int64} = 3
-- {p8:Int64} = 2
-- {p9:Int64} = 5
-- {p10:Int64} = 5
-- {p11:Int64} = 5
-- {p12:Int64} = 5
-- {p13:Int64} = 5
-- {p14:Int64} = 5
-- {p15:String} = "2024-01-01 00:00:00"
-- {p16:String} = "2024-01-01 00:00:00"
-- {p17:String} = "2024-01-01 00:00:00"
-- {p18:String} = "2024-01-01 00:00:00"
-- {p19:String} = "2024-01-01 00:00:00"
-- {p20:String} = "2024-01-01 00:00:00"
-- {p21:String} = "2024-01-01 00:00:00"
-- {p22:String} = "2024-01-01 00:00:00"
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("rfm_cell" AS VARCHAR), '(none)') AS "seg_rfm_cell" FROM (SELECT "d0"."rfm_cell" AS "rfm_cell", c.* FROM customers c LEFT JOIN (SELECT customer_id, recency_at, frequency, monetary, r, f, m,
      concat('R', CAST(r AS VARCHAR), 'F', CAST(f AS VARCHAR), 'M', CAST(m AS VARCHAR)) AS rfm_cell, CASE WHEN "r" >= {p1:Int64} AND "f" >= {p2:Int64} THEN 'champions'
      WHEN "r" >= {p3:Int64} AND "f" >= {p4:Int64} THEN 'loyal'
      WHEN "r" >= {p5:Int64} THEN 'promising'
      WHEN "r" <= {p6:Int64} AND "f" >= {p7:Int64} THEN 'at_risk'
      WHEN "r" <= {p8:Int64} THEN 'hibernating'
      ELSE 'need_attention' END AS rfm_segment
    FROM (
      SELECT customer_id, recency_at, frequency, monetary,
        least({p9:Int64}, CAST(floor((rank() OVER (ORDER BY "recency_at") - 1 + count(*) OVER (ORDER BY "recency_at" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * {p10:Int64} / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS r, least({p11:Int64}, CAST(floor((rank() OVER (ORDER BY "frequency") - 1 + count(*) OVER (ORDER BY "frequency" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * {p12:Int64} / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS f, least({p13:Int64}, CAST(floor((rank() OVER (ORDER BY "monetary") - 1 + count(*) OVER (ORDER BY "monetary" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) * {p14:Int64} / (2.0 * count(*) OVER ())) AS INTEGER) + 1) AS m
      FROM (
        SELECT customer_id, max(last_at) AS recency_at, sum(times) AS frequency, sum(paid) AS monetary FROM (
          SELECT customer_id, max(ordered_at) AS last_at, CAST(count(DISTINCT CAST(ordered_at AS DATE)) AS DOUBLE) AS times,
            coalesce(sum(CAST(amount AS DOUBLE)), 0.0) AS paid
          FROM orders WHERE ordered_at < CAST({p15:String} AS TIMESTAMP) GROUP BY customer_id
          UNION ALL
          SELECT customer_id, max(CASE WHEN ended_at IS NULL OR ended_at > CAST({p16:String} AS TIMESTAMP) THEN CAST({p17:String} AS TIMESTAMP) ELSE ended_at END) AS last_at,
            CAST(sum(greatest(1, date_diff('month', started_at, CASE WHEN ended_at IS NULL OR ended_at > CAST({p18:String} AS TIMESTAMP) THEN CAST({p19:String} AS TIMESTAMP) ELSE ended_at END))) AS DOUBLE) AS times, coalesce(sum(CAST(mrr AS DOUBLE) * greatest(1, date_diff('month', started_at, CASE WHEN ended_at IS NULL OR ended_at > CAST({p20:String} AS TIMESTAMP) THEN CAST({p21:String} AS TIMESTAMP) ELSE ended_at END))), 0.0) AS paid
          FROM subscriptions WHERE started_at < CAST({p22:String} AS TIMESTAMP) GROUP BY customer_id) p
        GROUP BY customer_id) a) s) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
