-- profit_contribution (base profit) on clickhouse
-- {p1:Int64} = 1
-- {p2:String} = '2024-01-01 00:00:00'
-- {p3:String} = '2024-01-01 00:00:00'
-- {p4:Int64} = 3
-- {p5:Int64} = 0
-- {p6:String} = '9999-12-31 00:00:00'
-- {p7:String} = 'new_customers'
-- {p8:String} = '2024-01-01 00:00:00'
-- {p9:String} = '2024-01-01 00:00:00'
-- {p10:String} = '2024-01-01 00:00:00'
-- {p11:Int64} = 3
-- {p12:String} = 'service_contacts'
-- {p13:String} = '2024-01-01 00:00:00'
-- {p14:String} = '2024-01-01 00:00:00'
-- {p15:String} = '2024-01-01 00:00:00'
-- {p16:Int64} = 3
-- {p17:String} = '2024-01-01 00:00:00'
-- {p18:String} = '2024-01-01 00:00:00'
-- {p19:String} = '2024-01-01 00:00:00'
-- {p20:Int64} = 3
-- {p21:String} = 'retention_contacts'
-- {p22:String} = '2024-01-01 00:00:00'
-- {p23:String} = '2024-01-01 00:00:00'
-- {p24:String} = '2024-01-01 00:00:00'
-- {p25:Int64} = 3
-- {p26:String} = '2024-01-01 00:00:00'
-- {p27:String} = '2024-01-01 00:00:00'
-- {p28:String} = '2024-01-01 00:00:00'
-- {p29:Int64} = 3
-- {p30:String} = '2024-01-01 00:00:00'
-- {p31:String} = '2024-01-01 00:00:00'
-- {p32:String} = '2024-01-01 00:00:00'
-- {p33:Int64} = 3
-- {p34:String} = 'acquisition'
-- {p35:String} = 'new_customers'
-- {p36:String} = 'retention'
-- {p37:String} = 'retention_contacts'
-- {p38:String} = 'service'
-- {p39:String} = 'service_contacts'
-- {p40:String} = 'care'
-- {p41:String} = 'service_contacts'
-- {p42:String} = 'product_update'
-- {p43:String} = 'active_customers'
-- {p44:String} = 'crm'
-- {p45:String} = 'active_customers'
-- {p46:String} = 'region='
-- {p47:String} = 'product_line='
-- {p48:String} = 'customer_type='
-- {p49:String} = 'channel='
-- {p50:String} = '9999-12-31 00:00:00'
-- {p51:String} = '9999-12-31 00:00:00'
-- {p52:String} = '2024-01-01 00:00:00'
-- {p53:Float64} = 0.30000000000000004
-- {p54:String} = '2024-01-01 00:00:00'
-- {p55:String} = '2024-01-01 00:00:00'
-- {p56:Int64} = 3
-- {p57:Float64} = 0.30000000000000004
-- {p58:String} = '2024-01-01 00:00:00'
-- {p59:String} = '2024-01-01 00:00:00'
-- {p60:String} = '2024-01-01 00:00:00'
-- {p61:Int64} = 3
-- {p62:String} = 'subscription_revenue'
-- {p63:String} = 'order_revenue'
-- {p64:String} = 'cost_of_revenue'
-- {p65:String} = 'acquisition'
-- {p66:String} = 'retention'
-- {p67:String} = 'service'
-- {p68:String} = 'care'
-- {p69:String} = 'product_update'
-- {p70:String} = 'crm'
-- {p71:String} = 'retention'
-- {p72:String} = 'service'
-- {p73:String} = 'care'
-- {p74:String} = 'product_update'
-- {p75:String} = 'acquisition'
-- {p76:String} = 'crm'
-- {p77:String} = 'retention'
-- {p78:String} = 'service'
-- {p79:String} = 'care'
-- {p80:String} = 'product_update'
-- {p81:String} = 'acquisition'
-- {p82:Int64} = 0
-- {p83:String} = '9999-12-31 00:00:00'
-- {p84:String} = '2024-01-01 00:00:00'
-- {p85:String} = '2024-01-01 00:00:00'
-- {p86:String} = '2024-01-01 00:00:00'
-- {p87:String} = '2024-01-01 00:00:00'
-- {p88:Int64} = 3
-- {p89:Int64} = 3
-- {p90:Int64} = 3
-- {p91:Int64} = 4
-- {p92:Int64} = 3
-- {p93:Int64} = 3
-- {p94:Int64} = 0
-- {p95:Int64} = 3
-- {p96:Int64} = 3
-- {p97:Int64} = 1
WITH
    x AS (SELECT CAST(floor(l.m / {p1:Int64}) AS BIGINT) AS k, 'all' AS seg__all,
        l.customer_id AS customer_id, l.line AS line, l.amount AS amount
      FROM (WITH
    mo AS (SELECT gs.i AS k, toDateTime64(addMonths(toDateTime64(toDateTime64({p2:String}, 6, 'UTC'), 6, 'UTC'), toInt64(gs.i)), 6, 'UTC') AS ps, toDateTime64(addMonths(toDateTime64(toDateTime64({p3:String}, 6, 'UTC'), 6, 'UTC'), toInt64(gs.i + 1)), 6, 'UTC') AS pe
    FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p4:Int64}), 0)))) gs),
    act AS (SELECT DISTINCT s.customer_id AS customer_id, mo.k AS m FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p5:Int64}) DAY, toDateTime64({p6:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s CROSS JOIN mo
      WHERE s.a < mo.pe AND s.z > mo.ps),
    wt AS (SELECT customer_id, m, 'active_customers' AS r, CAST(1 AS DOUBLE) AS w FROM act
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, {p7:String} AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p8:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(created_at, 6, 'UTC')) AS m FROM customers
        WHERE acquisition_cost IS NULL AND created_at >= toDateTime64({p9:String}, 6, 'UTC') AND created_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p10:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p11:Int64})), 6, 'UTC')) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, {p12:String} AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p13:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(opened_at, 6, 'UTC')) AS m FROM tickets WHERE opened_at >= toDateTime64({p14:String}, 6, 'UTC') AND opened_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p15:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p16:Int64})), 6, 'UTC')
        UNION ALL SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p17:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(opened_at, 6, 'UTC')) AS m FROM cases
          WHERE kind <> 'retention' AND source <> 'ticket' AND opened_at >= toDateTime64({p18:String}, 6, 'UTC') AND opened_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p19:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p20:Int64})), 6, 'UTC')) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, {p21:String} AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT t.customer_id AS customer_id, dateDiff('month', toDateTime64(toDateTime64({p22:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(t.at, 6, 'UTC')) AS m FROM (
          SELECT mb.customer_id AS customer_id, coalesce(mb.assigned_at, cp.started_at) AS at FROM campaign_members mb
            LEFT JOIN campaigns cp ON cp.campaign_id = mb.campaign_id WHERE mb."group" = 'treatment') t
          WHERE t.at >= toDateTime64({p23:String}, 6, 'UTC') AND t.at < toDateTime64(addMonths(toDateTime64(toDateTime64({p24:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p25:Int64})), 6, 'UTC')
        UNION ALL SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p26:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(opened_at, 6, 'UTC')) AS m FROM cases WHERE kind = 'retention' AND opened_at >= toDateTime64({p27:String}, 6, 'UTC') AND opened_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p28:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p29:Int64})), 6, 'UTC')) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m),
    owned AS (SELECT n.m AS m FROM (SELECT dateDiff('month', toDateTime64(toDateTime64({p30:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(created_at, 6, 'UTC')) AS m, CASE WHEN acquisition_cost IS NULL THEN 1 ELSE 0 END AS bare
        FROM customers WHERE created_at >= toDateTime64({p31:String}, 6, 'UTC') AND created_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p32:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p33:Int64})), 6, 'UTC')) n GROUP BY n.m HAVING max(n.bare) = 0),
    sl AS (SELECT y.cid AS cid, y.m AS m, y.category AS category, y.segment AS segment, y.cents AS cents, y.r AS r FROM (
        SELECT s.cid AS cid, s.k AS m, s.category AS category, s.segment AS segment, s.cents AS cents, CASE s.category WHEN {p34:String} THEN {p35:String} WHEN {p36:String} THEN {p37:String} WHEN {p38:String} THEN {p39:String} WHEN {p40:String} THEN {p41:String} WHEN {p42:String} THEN {p43:String} WHEN {p44:String} THEN {p45:String} ELSE 'active_customers' END AS r
        FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(least(c.ce, p.pe), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) - floor(c.t * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(greatest(c.cs, p.ps), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(c.cs, 6, 'UTC'))) / 1000000) / 86400)) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC') AS cs, toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC') AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        (((toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_end, 6, 'UTC'), toInt64(1)), 6, 'UTC'), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(toDateTime64(addDays(toDateTime64(period_start, 6, 'UTC'), toInt64(0)), 6, 'UTC'), 6, 'UTC'))) / 1000000) / 86400)) AS dd
      FROM costs) c CROSS JOIN (SELECT k, ps, pe FROM mo) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s) y
      WHERE NOT (y.r = 'new_customers' AND y.m IN (SELECT m FROM owned))),
    lab AS (SELECT customer_id, 'all' AS label FROM customers WHERE false UNION ALL SELECT customer_id, concat({p46:String}, CAST("region" AS VARCHAR)) AS label
      FROM customers WHERE "region" IS NOT NULL UNION ALL SELECT customer_id, concat({p47:String}, CAST("product_line" AS VARCHAR)) AS label
      FROM customers WHERE "product_line" IS NOT NULL UNION ALL SELECT customer_id, concat({p48:String}, CAST("customer_type" AS VARCHAR)) AS label
      FROM customers WHERE "customer_type" IS NOT NULL UNION ALL SELECT customer_id, concat({p49:String}, CAST("channel" AS VARCHAR)) AS label
      FROM customers WHERE "channel" IS NOT NULL),
    own AS (SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl  JOIN wt ON wt.m = sl.m AND wt.r = sl.r WHERE sl.segment = 'all' AND true
    UNION ALL SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl  JOIN lab ON lab.label = sl.segment JOIN wt ON wt.customer_id = lab.customer_id AND wt.m = sl.m AND wt.r = sl.r
      WHERE sl.segment <> 'all' AND true),
    hit AS (SELECT DISTINCT cid, m, 1 AS h FROM own),
    fb AS (SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl LEFT JOIN hit ON hit.cid = sl.cid AND hit.m = sl.m JOIN wt ON wt.m = sl.m WHERE sl.segment = 'all' AND hit.h IS NULL AND wt.r = 'active_customers'
    UNION ALL SELECT sl.cid AS cid, sl.m AS m, wt.customer_id AS customer_id, wt.w AS w
      FROM sl LEFT JOIN hit ON hit.cid = sl.cid AND hit.m = sl.m JOIN lab ON lab.label = sl.segment JOIN wt ON wt.customer_id = lab.customer_id AND wt.m = sl.m
      WHERE sl.segment <> 'all' AND hit.h IS NULL AND wt.r = 'active_customers'),
    car AS (SELECT cid, m, customer_id, w FROM own UNION ALL SELECT cid, m, customer_id, w FROM fb),
    a AS (SELECT car.customer_id AS customer_id, car.m AS m, sl.category AS category, sl.cents AS cents, car.w AS w,
        sum(car.w) OVER (PARTITION BY car.cid, car.m ORDER BY car.customer_id ROWS UNBOUNDED PRECEDING) AS cw,
        sum(car.w) OVER (PARTITION BY car.cid, car.m) AS tw
      FROM car JOIN sl ON sl.cid = car.cid AND sl.m = car.m),
    carried AS (SELECT DISTINCT cid, m, 1 AS h FROM car),
    sub AS (SELECT x.customer_id AS customer_id, mo.k AS m, sum(CAST(x.mrr AS DOUBLE)
        * (((toFloat64(toUnixTimestamp64Micro(toDateTime64(least(coalesce(x.ended_at, toDateTime64({p50:String}, 6, 'UTC')), mo.pe), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(greatest(x.started_at, mo.ps), 6, 'UTC'))) / 1000000) / 86400))
        / (((toFloat64(toUnixTimestamp64Micro(toDateTime64(mo.pe, 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(mo.ps, 6, 'UTC'))) / 1000000) / 86400))) AS v
      FROM subscriptions x CROSS JOIN mo WHERE x.started_at < mo.pe AND coalesce(x.ended_at, toDateTime64({p51:String}, 6, 'UTC')) > mo.ps
      GROUP BY x.customer_id, mo.k),
    ord AS (SELECT o.customer_id AS customer_id, o.m AS m, sum(o.amount) AS rev, sum(o.cogs) AS cogs FROM (
        SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p52:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(ordered_at, 6, 'UTC')) AS m, CAST(amount AS DOUBLE) AS amount,
          coalesce(CAST(cost AS DOUBLE), CAST(amount AS DOUBLE) * {p53:Float64}) AS cogs
        FROM orders WHERE ordered_at >= toDateTime64({p54:String}, 6, 'UTC') AND ordered_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p55:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p56:Int64})), 6, 'UTC')) o GROUP BY o.customer_id, o.m)
  SELECT customer_id, m, line, amount FROM (
    SELECT customer_id, m, 'subscription_revenue' AS line, v AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, v * {p57:Float64} AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'order_revenue' AS line, rev AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, cogs AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'active' AS line, CAST(0 AS DOUBLE) AS amount FROM act
    UNION ALL SELECT a.customer_id AS customer_id, a.m AS m, a.category AS line,
      (floor(a.cents * a.cw / a.tw + 0.5) - floor(a.cents * (a.cw - a.w) / a.tw + 0.5)) / 100 AS amount FROM a
    UNION ALL SELECT customer_id, dateDiff('month', toDateTime64(toDateTime64({p58:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(created_at, 6, 'UTC')) AS m, 'acquisition' AS line,
      floor(CAST(acquisition_cost AS DOUBLE) * 100 + 0.5) / 100 AS amount
      FROM customers WHERE acquisition_cost IS NOT NULL AND created_at >= toDateTime64({p59:String}, 6, 'UTC') AND created_at < toDateTime64(addMonths(toDateTime64(toDateTime64({p60:String}, 6, 'UTC'), 6, 'UTC'), toInt64({p61:Int64})), 6, 'UTC')
    UNION ALL SELECT CAST(NULL AS VARCHAR) AS customer_id, sl.m AS m, sl.category AS line, sl.cents / 100 AS amount
      FROM sl LEFT JOIN carried ON carried.cid = sl.cid AND carried.m = sl.m WHERE carried.h IS NULL
  ) p) l LEFT JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = l.customer_id
      WHERE sc.customer_id IS NOT NULL OR l.customer_id IS NULL),
    agg AS (SELECT x.k AS k, "x"."seg__all",
        count(DISTINCT CASE WHEN x.line = 'active' THEN x.customer_id END) AS active,
        sum(CASE WHEN x.line = {p62:String} THEN x.amount ELSE 0 END) AS subscription_revenue, sum(CASE WHEN x.line = {p63:String} THEN x.amount ELSE 0 END) AS order_revenue,
        sum(CASE WHEN x.line = {p64:String} THEN x.amount ELSE 0 END) AS cost_of_revenue, sum(CASE WHEN x.line = {p65:String} THEN x.amount ELSE 0 END) AS "acquisition", sum(CASE WHEN x.line = {p66:String} THEN x.amount ELSE 0 END) AS "retention", sum(CASE WHEN x.line = {p67:String} THEN x.amount ELSE 0 END) AS "service", sum(CASE WHEN x.line = {p68:String} THEN x.amount ELSE 0 END) AS "care", sum(CASE WHEN x.line = {p69:String} THEN x.amount ELSE 0 END) AS "product_update", sum(CASE WHEN x.line = {p70:String} THEN x.amount ELSE 0 END) AS "crm",
        sum(CASE WHEN x.customer_id IS NULL THEN x.amount ELSE 0 END) AS unallocated,
        sum(CASE WHEN x.line IN ({p71:String}, {p72:String}, {p73:String}, {p74:String}) THEN x.amount ELSE 0 END) AS retention_costs, sum(CASE WHEN x.line IN ({p75:String}) THEN x.amount ELSE 0 END) AS acquisition_costs,
        sum(CASE WHEN x.line IN ({p76:String}) THEN x.amount ELSE 0 END) AS crm_costs
      FROM x GROUP BY x.k, "x"."seg__all"),
    known AS (SELECT x.k AS k, max(CASE WHEN x.line IN ({p77:String}, {p78:String}, {p79:String}, {p80:String}) THEN 1 ELSE 0 END) AS rk,
        max(CASE WHEN x.line IN ({p81:String}) THEN 1 ELSE 0 END) AS ak FROM x GROUP BY x.k),
    f AS (WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ({p82:Int64}) DAY, toDateTime64({p83:String}, 6, 'UTC')) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", dateDiff('month', toDateTime64(toDateTime64({p84:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) AS ka, dateDiff('month', toDateTime64(toDateTime64({p85:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(a, 6, 'UTC')) + 1 AS k1, CASE WHEN (toDateTime64(toStartOfMonth(toDateTime64(z, 6, 'UTC')), 6, 'UTC') = z) THEN dateDiff('month', toDateTime64(toDateTime64({p86:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) - 1 ELSE dateDiff('month', toDateTime64(toDateTime64({p87:String}, 6, 'UTC'), 6, 'UTC'), toDateTime64(z, 6, 'UTC')) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, {p88:Int64}) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, {p89:Int64})),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < {p90:Int64}),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p91:Int64}), 0)))) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < {p92:Int64} GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < {p93:Int64} GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, {p94:Int64} AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < {p95:Int64} ORDER BY a.k, "a"."seg__all"),
    keys AS (SELECT DISTINCT "y"."seg__all" AS "seg__all" FROM (SELECT "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) s
      UNION ALL SELECT "seg__all" FROM x) y),
    grid AS (SELECT i AS k FROM (SELECT toInt64(number) AS i FROM numbers(toUInt64(greatest(toInt64({p96:Int64}), 0)))) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all",
    CAST(coalesce(f.new_customers, 0) AS DOUBLE) AS new_customers, CAST(coalesce(f.active_start, 0) AS DOUBLE) AS active_start,
    CAST(coalesce(f.churned, 0) AS DOUBLE) AS churned, CAST(coalesce(a.active, 0) AS DOUBLE) AS active,
    CAST(coalesce(a."subscription_revenue", 0) AS DOUBLE) AS "subscription_revenue", CAST(coalesce(a."order_revenue", 0) AS DOUBLE) AS "order_revenue", CAST(coalesce(a."cost_of_revenue", 0) AS DOUBLE) AS "cost_of_revenue", CAST(coalesce(a."acquisition", 0) AS DOUBLE) AS "acquisition", CAST(coalesce(a."retention", 0) AS DOUBLE) AS "retention", CAST(coalesce(a."service", 0) AS DOUBLE) AS "service", CAST(coalesce(a."care", 0) AS DOUBLE) AS "care", CAST(coalesce(a."product_update", 0) AS DOUBLE) AS "product_update", CAST(coalesce(a."crm", 0) AS DOUBLE) AS "crm", CAST(coalesce(a."unallocated", 0) AS DOUBLE) AS "unallocated", CAST(coalesce(a."retention_costs", 0) AS DOUBLE) AS "retention_costs", CAST(coalesce(a."acquisition_costs", 0) AS DOUBLE) AS "acquisition_costs", CAST(coalesce(a."crm_costs", 0) AS DOUBLE) AS "crm_costs",
    CAST(coalesce(kn.rk, 0) AS DOUBLE) AS retention_known, CAST(coalesce(kn.ak, 0) AS DOUBLE) AS acquisition_known,
    {p97:Int64} AS months
  FROM grid g CROSS JOIN keys y LEFT JOIN f ON f.k = g.k AND "f"."seg__all" = "y"."seg__all"
    LEFT JOIN agg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all" LEFT JOIN known kn ON kn.k = g.k
  ORDER BY g.k, "y"."seg__all"
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
