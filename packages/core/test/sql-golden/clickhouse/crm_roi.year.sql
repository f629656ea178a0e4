-- crm_roi (base campaigns) on clickhouse
-- {p1:Int64} = 90
-- {p2:String} = '9999-12-31 00:00:00'
-- {p3:Int64} = 0
-- {p4:String} = '9999-12-31 00:00:00'
-- {p5:String} = '9999-12-31 00:00:00'
-- {p6:String} = '9999-12-31 00:00:00'
-- {p7:String} = '2024-01-01 00:00:00'
-- {p8:String} = '2024-01-01 00:00:00'
-- {p9:String} = '2024-01-01 00:00:00'
-- {p10:Int64} = 3
-- {p11:String} = 'crm'
-- {p12:String} = 'retention'
-- {p13:String} = 'service'
-- {p14:String} = 'care'
-- {p15:String} = 'product_update'
-- {p16:Int64} = 3
-- {p17:Float64} = 0.7
WITH
    o AS (WITH
    members AS (SELECT m.campaign_id AS campaign_id, m.customer_id AS customer_id, m."group" AS arm,
        coalesce(m.stratum, '(none)') AS stratum, CASE WHEN m.delivered_at IS NULL THEN 0 ELSE 1 END AS delivered,
        coalesce(c.launched_at, m.assigned_at, c.started_at) AS t0,
        coalesce(c.outcome_window_days, {p1:Int64}) AS window_days
      FROM campaign_members m JOIN campaigns c ON c.campaign_id = m.campaign_id
      ),
    clocks AS (SELECT campaign_id, customer_id, arm, stratum, delivered, t0, window_days,
        toDateTime64(addDays(toDateTime64(t0, 6, 'UTC'), toInt64(window_days)), 6, 'UTC') AS t1,
        least(toDateTime64(addDays(toDateTime64(t0, 6, 'UTC'), toInt64(window_days)), 6, 'UTC'), toDateTime64({p2:String}, 6, 'UTC')) AS tc,
        toDateTime64(addDays(toDateTime64(t0, 6, 'UTC'), toInt64(-window_days)), 6, 'UTC') AS tp
      FROM members),
    covering AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id, max(s.z) AS z
      FROM clocks k JOIN (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p3:Int64}) DAY, toDateTime64({p4:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s ON s.customer_id = k.customer_id AND s.a <= k.t0 AND s.z > k.t0
      GROUP BY k.campaign_id, k.customer_id),
    mrr AS (SELECT k.campaign_id AS campaign_id, k.customer_id AS customer_id,
        sum(CASE WHEN s.started_at <= k.tc AND coalesce(s.ended_at, toDateTime64({p5:String}, 6, 'UTC')) > k.tc THEN s.mrr ELSE 0 END) AS retained_mrr,
        sum(CASE WHEN s.started_at <= k.t0 AND coalesce(s.ended_at, toDateTime64({p6:String}, 6, 'UTC')) > k.t0 THEN s.mrr ELSE 0 END) AS pre_mrr
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
      CASE WHEN v.z IS NULL THEN 0 WHEN v.z <= k.tc THEN greatest(((toFloat64(toUnixTimestamp64Micro(toDateTime64(v.z, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(k.t0, 6, 'UTC'))) / 1000000) / 86400), 0) ELSE greatest(((toFloat64(toUnixTimestamp64Micro(toDateTime64(k.tc, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(k.t0, 6, 'UTC'))) / 1000000) / 86400), 0) END AS days,
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
    m AS (SELECT dateDiff('year', toDateTime64(toDateTime64({p7:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(o.t0, 6, 'UTC')) AS k, "sc"."seg__all" AS "seg__all", o.arm AS arm, o.churned AS churned,
        coalesce(cc.per_treated, 0) AS per_treated, o.pre_mrr + o.pre_revenue * 30.0 / o.window_days AS monthly,
        o.window_days AS window_days
      FROM o JOIN sc ON sc.customer_id = o.customer_id LEFT JOIN cc ON cc.campaign_id = o.campaign_id),
    agg AS (SELECT m.k AS k, "m"."seg__all", sum(CASE WHEN m.arm = 'treatment' THEN 1 ELSE 0 END) AS treated, sum(CASE WHEN m.arm = 'treatment' THEN m.churned ELSE 0 END) AS treated_churned,
        sum(CASE WHEN m.arm = 'control' THEN 1 ELSE 0 END) AS control, sum(CASE WHEN m.arm = 'control' THEN m.churned ELSE 0 END) AS control_churned, sum(CASE WHEN m.arm = 'treatment' THEN m.per_treated ELSE 0 END) AS cost,
        sum(m.monthly) AS monthly_revenue, avg(m.window_days) AS window_days
      FROM m GROUP BY m.k, "m"."seg__all"),
    crm AS (SELECT s.k AS k, CAST(sum(s.cents) / 100 AS DOUBLE) AS crm_cost
          FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(least(c.ce, p.pe), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) - floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(greatest(c.cs, p.ps), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC') AS cs, toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC') AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        (((toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC'), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC'), 6, 'UTC'))) / 1000000) / 86400)) AS dd
      FROM costs) c CROSS JOIN (SELECT gs.i AS k, toDateTime64(addYears(toDateTime64(toDateTime64({p8:String}, 6, 'UTC'), 6, 'UTC'), toInt64(gs.i)), 6, 'UTC') AS ps, toDateTime64(addYears(toDateTime64(toDateTime64({p9:String}, 6, 'UTC'), 6, 'UTC'), toInt64(gs.i + 1)), 6, 'UTC') AS pe
    FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p10:Int64}), 0)))) gs) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s WHERE s.category IN ({p11:String}, {p12:String}, {p13:String}, {p14:String}, {p15:String}) GROUP BY s.k),
    ckeys AS (SELECT DISTINCT "x"."seg__all" AS "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) x),
    cgrid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p16:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", CAST(coalesce(a.treated, 0) AS DOUBLE) AS treated,
    CAST(coalesce(a.treated_churned, 0) AS DOUBLE) AS treated_churned, CAST(coalesce(a.control, 0) AS DOUBLE) AS control,
    CAST(coalesce(a.control_churned, 0) AS DOUBLE) AS control_churned, CAST(coalesce(a.cost, 0) AS DOUBLE) AS cost,
    CAST(coalesce(a.monthly_revenue, 0) AS DOUBLE) AS monthly_revenue, CAST(a.window_days AS DOUBLE) AS window_days,
    CAST(coalesce(r.crm_cost, 0) AS DOUBLE) AS crm_cost,
    {p17:Float64} AS margin
  FROM cgrid g CROSS JOIN ckeys y LEFT JOIN agg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all" LEFT JOIN crm r ON r.k = g.k
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
