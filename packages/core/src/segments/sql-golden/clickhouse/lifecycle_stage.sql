-- lifecycle_stage in a metric query on clickhouse
-- {p1:Int64} = 0
-- {p2:String} = "2024-01-01 00:00:00"
-- {p3:String} = "2024-01-01 00:00:00"
-- {p4:Int64} = 180
-- {p5:String} = "2024-01-01 00:00:00"
-- {p6:String} = "2024-01-01 00:00:00"
-- {p7:Int64} = 0
-- {p8:String} = "2024-01-01 00:00:00"
-- {p9:String} = "2024-01-01 00:00:00"
-- {p10:String} = "2024-01-01 00:00:00"
-- {p11:String} = "2024-01-01 00:00:00"
-- {p12:String} = "2024-01-01 00:00:00"
-- {p13:String} = "2024-01-01 00:00:00"
-- {p14:String} = "2024-01-01 00:00:00"
-- {p15:String} = "2024-01-01 00:00:00"
-- {p16:Array(String)} = ["high","critical"]
-- {p17:String} = "2024-01-01 00:00:00"
-- {p18:Int64} = 90
-- {p19:String} = "2024-01-01 00:00:00"
-- {p20:String} = "2024-01-01 00:00:00"
-- {p21:String} = "2024-01-01 00:00:00"
-- {p22:Int64} = 45
-- {p23:String} = "2024-01-01 00:00:00"
-- {p24:Int64} = 90
-- {p25:String} = "2024-01-01 00:00:00"
-- {p26:Int64} = 90
SELECT customer_id, 'all' AS seg__all, coalesce(CAST("lifecycle_stage" AS VARCHAR), '(none)') AS "seg_lifecycle_stage" FROM (SELECT "d0"."lifecycle_stage" AS "lifecycle_stage", c.* FROM customers c LEFT JOIN (WITH sp AS (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, a, z FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p1:Int64}) DAY, CAST({p2:String} AS TIMESTAMP) + INTERVAL (1) DAY) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE a < CAST({p3:String} AS TIMESTAMP) UNION ALL SELECT customer_id, a, z FROM (SELECT customer_id, ordered_at AS a, ordered_at + INTERVAL ({p4:Int64}) DAY AS z
        FROM orders) i WHERE a < CAST({p5:String} AS TIMESTAMP)) i) o) m) g
    GROUP BY customer_id, g),
    per AS (SELECT customer_id, min(a) AS first_a, max(CASE WHEN z > CAST({p6:String} AS TIMESTAMP) THEN a END) AS cur_a FROM sp GROUP BY customer_id),
    sub AS (SELECT DISTINCT customer_id FROM (SELECT customer_id, a, z FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p7:Int64}) DAY, CAST({p8:String} AS TIMESTAMP) + INTERVAL (1) DAY) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE a < CAST({p9:String} AS TIMESTAMP)) s WHERE z > CAST({p10:String} AS TIMESTAMP)),
    cancel AS (SELECT DISTINCT customer_id FROM subscriptions
      WHERE cancel_requested_at <= CAST({p11:String} AS TIMESTAMP) AND started_at < CAST({p12:String} AS TIMESTAMP) AND (ended_at IS NULL OR ended_at >= CAST({p13:String} AS TIMESTAMP))),
    ord AS (SELECT customer_id, max(ordered_at) AS last_order FROM orders WHERE ordered_at < CAST({p14:String} AS TIMESTAMP) GROUP BY customer_id),
    risk AS (SELECT customer_id FROM scores WHERE run_id = (SELECT max(run_id) FROM scores WHERE as_of <= CAST({p15:String} AS TIMESTAMP)) AND tier IN (SELECT unnest({p16:Array(String)})))
    SELECT per.customer_id AS customer_id, CASE
        WHEN per.cur_a IS NULL THEN 'churned'
        WHEN sub.customer_id IS NULL AND date_diff('day', ord.last_order, CAST({p17:String} AS TIMESTAMP)) >= {p18:Int64} THEN 'dormant'
        WHEN ((SELECT max(run_id) FROM scores WHERE as_of <= CAST({p19:String} AS TIMESTAMP)) IS NOT NULL AND risk.customer_id IS NOT NULL) OR ((SELECT max(run_id) FROM scores WHERE as_of <= CAST({p20:String} AS TIMESTAMP)) IS NULL AND (cancel.customer_id IS NOT NULL
          OR (sub.customer_id IS NULL AND date_diff('day', ord.last_order, CAST({p21:String} AS TIMESTAMP)) >= {p22:Int64}))) THEN 'at_risk'
        WHEN per.cur_a > per.first_a AND date_diff('day', per.cur_a, CAST({p23:String} AS TIMESTAMP)) < {p24:Int64} THEN 'reactivated'
        WHEN date_diff('day', per.first_a, CAST({p25:String} AS TIMESTAMP)) < {p26:Int64} THEN 'new'
        ELSE 'active' END AS lifecycle_stage
    FROM per LEFT JOIN sub ON sub.customer_id = per.customer_id LEFT JOIN cancel ON cancel.customer_id = per.customer_id
      LEFT JOIN ord ON ord.customer_id = per.customer_id LEFT JOIN risk ON risk.customer_id = per.customer_id) "d0" ON "d0"."customer_id" = c.customer_id) "customers" WHERE true
