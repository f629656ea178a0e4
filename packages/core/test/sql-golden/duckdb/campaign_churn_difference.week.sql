-- campaign_churn_difference (base campaigns) on duckdb
-- $1 = 90
-- $2 = '9999-12-31 00:00:00'
-- $3 = 0
-- $4 = '9999-12-31 00:00:00'
-- $5 = '9999-12-31 00:00:00'
-- $6 = '9999-12-31 00:00:00'
-- $7 = '2024-01-01 00:00:00'
-- $8 = '2024-01-01 00:00:00'
-- $9 = '2024-01-01 00:00:00'
-- $10 = 3
-- $11 = 'crm'
-- $12 = 'retention'
-- $13 = 'service'
-- $14 = 'care'
-- $15 = 'product_update'
-- $16 = 3
-- $17 = 0.7
WITH
    o AS (WITH
    members AS (SELECT m.campaign_id AS campaign_id, m.customer_id AS customer_id, m."group" AS arm,
        coalesce(m.stratum, '(none)') AS stratum, CASE WHEN m.delivered_at IS NULL THEN 0 ELSE 1 END AS delivered,
        coalesce(c.launched_at, m.assigned_at, c.started_at) AS t0,
        coalesce(c.outcome_window_days, $1) AS window_days
      FROM campaign_members m JOIN campaigns c ON c.campaign_id = m.campaign_id
      ),
    clocks AS (SELECT campaign_id, customer_id, arm, stratum, delivered, t0, window_days,
        CAST(t0 + to_days(CAST(window_days AS INTEGER)) AS TIMESTAMP) AS t1,
        least(CAST(t0 + to_days(CAST(window_days AS INTEGER)) AS TIMESTAMP), CAST($2 AS TIMESTAMP)) AS tc,
        CAST(t0 + to_days(CAST(-window_days AS INTEGER)) AS TIMESTAMP) AS tp
      FROM members),
    covering AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id, max(s.z) AS z
      FROM clocks k JOIN (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($3) DAY, CAST($4 AS TIMESTAMP)) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s ON s.customer_id = k.customer_id AND s.a <= k.t0 AND s.z > k.t0
      GROUP BY k.campaign_id, k.customer_id),
    mrr AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id,
        sum(CASE WHEN s.started_at <= k.tc AND coalesce(s.ended_at, CAST($5 AS TIMESTAMP)) > k.tc THEN s.mrr ELSE 0 END) AS retained_mrr,
        sum(CASE WHEN s.started_at <= k.t0 AND coalesce(s.ended_at, CAST($6 AS TIMESTAMP)) > k.t0 THEN s.mrr ELSE 0 END) AS pre_mrr
      FROM clocks k JOIN subscriptions s ON s.customer_id = k.customer_id WHERE s.mrr IS NOT NULL GROUP BY k.campaign_id, k.customer_id),
    bought AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id,
        sum(CASE WHEN o.ordered_at >= k.t0 AND o.ordered_at < k.tc THEN coalesce(o.amount, 0) ELSE 0 END) AS revenue,
        sum(CASE WHEN o.ordered_at >= k.t0 AND o.ordered_at < k.tc THEN 1 ELSE 0 END) AS orders,
        sum(CASE WHEN o.ordered_at >= k.tp AND o.ordered_at < k.t0 THEN coalesce(o.amount, 0) ELSE 0 END) AS pre_revenue,
        sum(CASE WHEN o.ordered_at >= k.tp AND o.ordered_at < k.t0 THEN 1 ELSE 0 END) AS pre_orders
      FROM clocks k JOIN orders o ON o.customer_id = k.customer_id
      WHERE o.ordered_at >= k.tp AND o.ordered_at < k.tc GROUP BY k.campaign_id, k.customer_id)
    SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id, k.arm AS arm, k.stratum AS stratum, k.delivered AS delivered,
      k.t0 AS t0, k.t1 AS t1, k.tc AS tc, k.window_days AS window_days,
      CASE WHEN v.z IS NULL OR v.z <= k.tc THEN 1 ELSE 0 END AS churned,
      CASE WHEN v.z IS NULL THEN 0 WHEN v.z <= k.tc THEN greatest((epoch(v.z) - epoch(k.t0)) / 86400.0, 0) ELSE greatest((epoch(k.tc) - epoch(k.t0)) / 86400.0, 0) END AS days,
      CAST(coalesce(r.retained_mrr, 0) AS DOUBLE) AS retained_mrr, CAST(coalesce(b.revenue, 0) AS DOUBLE) AS revenue,
      CAST(coalesce(b.orders, 0) AS DOUBLE) AS orders, CAST(coalesce(r.pre_mrr, 0) AS DOUBLE) AS pre_mrr,
      CAST(coalesce(b.pre_revenue, 0) AS DOUBLE) AS pre_revenue, CAST(coalesce(b.pre_orders, 0) AS DOUBLE) AS pre_orders
    FROM clocks k LEFT JOIN covering v ON v.campaign_id = k.campaign_id AND v.customer_id = k.customer_id
      LEFT JOIN mrr r ON r.campaign_id = k.campaign_id AND r.customer_id = k.customer_id
      LEFT JOIN bought b ON b.campaign_id = k.campaign_id AND b.customer_id = k.customer_id),
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    tn AS (SELECT campaign_id, count(*) AS n FROM campaign_members WHERE "group" = 'treatment' GROUP BY campaign_id),
    cc AS (SELECT c.campaign_id AS campaign_id,
        CAST(coalesce(c.fixed_cost, c.cost, 0) + coalesce(c.cost_per_contact, 0) * tn.n AS DOUBLE) / tn.n AS per_treated
      FROM campaigns c JOIN tn ON tn.campaign_id = c.campaign_id),
    m AS (SELECT date_diff('week', CAST($7 AS TIMESTAMP), o.t0) AS k, "sc"."seg__all" AS "seg__all", o.arm AS arm, o.churned AS churned,
        coalesce(cc.per_treated, 0) AS per_treated, o.pre_mrr + o.pre_revenue * 30.0 / o.window_days AS monthly,
        o.window_days AS window_days
      FROM o JOIN sc ON sc.customer_id = o.customer_id LEFT JOIN cc ON cc.campaign_id = o.campaign_id),
    agg AS (SELECT m.k AS k, "m"."seg__all", sum(CASE WHEN m.arm = 'treatment' THEN 1 ELSE 0 END) AS treated, sum(CASE WHEN m.arm = 'treatment' THEN m.churned ELSE 0 END) AS treated_churned,
        sum(CASE WHEN m.arm = 'control' THEN 1 ELSE 0 END) AS control, sum(CASE WHEN m.arm = 'control' THEN m.churned ELSE 0 END) AS control_churned, sum(CASE WHEN m.arm = 'treatment' THEN m.per_treated ELSE 0 END) AS cost,
        sum(m.monthly) AS monthly_revenue, avg(m.window_days) AS window_days
      FROM m GROUP BY m.k, "m"."seg__all"),
    crm AS (SELECT s.k AS k, CAST(sum(s.cents) / 100 AS DOUBLE) AS crm_cost
          FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * ((epoch(least(c.ce, p.pe)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) - floor(c.t * ((epoch(greatest(c.cs, p.ps)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP) AS cs, CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP) AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        ((epoch(CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP)) - epoch(CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP))) / 86400.0) AS dd
      FROM costs) c CROSS JOIN (SELECT gs.i AS k, CAST(CAST($8 AS TIMESTAMP) + to_days(CAST(7 * (gs.i) AS INTEGER)) AS TIMESTAMP) AS ps, CAST(CAST($9 AS TIMESTAMP) + to_days(CAST(7 * (gs.i + 1) AS INTEGER)) AS TIMESTAMP) AS pe
    FROM (SELECT range AS i FROM range($10)) gs) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s WHERE s.category IN ($11, $12, $13, $14, $15) GROUP BY s.k),
    ckeys AS (SELECT DISTINCT "x"."seg__all" AS "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) x),
    cgrid AS (SELECT i AS k FROM (SELECT range AS i FROM range($16)) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", CAST(coalesce(a.treated, 0) AS DOUBLE) AS treated,
    CAST(coalesce(a.treated_churned, 0) AS DOUBLE) AS treated_churned, CAST(coalesce(a.control, 0) AS DOUBLE) AS control,
    CAST(coalesce(a.control_churned, 0) AS DOUBLE) AS control_churned, CAST(coalesce(a.cost, 0) AS DOUBLE) AS cost,
    CAST(coalesce(a.monthly_revenue, 0) AS DOUBLE) AS monthly_revenue, CAST(a.window_days AS DOUBLE) AS window_days,
    CAST(coalesce(r.crm_cost, 0) AS DOUBLE) AS crm_cost,
    $17 AS margin
  FROM cgrid g CROSS JOIN ckeys y LEFT JOIN agg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all" LEFT JOIN crm r ON r.k = g.k
  ORDER BY g.k, "y"."seg__all"
