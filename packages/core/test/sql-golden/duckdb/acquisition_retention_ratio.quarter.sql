-- acquisition_retention_ratio (base profit) on duckdb
-- $1 = 3
-- $2 = '2024-01-01 00:00:00'
-- $3 = '2024-01-01 00:00:00'
-- $4 = 9
-- $5 = 0
-- $6 = '9999-12-31 00:00:00'
-- $7 = 'new_customers'
-- $8 = '2024-01-01 00:00:00'
-- $9 = '2024-01-01 00:00:00'
-- $10 = '2024-01-01 00:00:00'
-- $11 = 9
-- $12 = 'service_contacts'
-- $13 = '2024-01-01 00:00:00'
-- $14 = '2024-01-01 00:00:00'
-- $15 = '2024-01-01 00:00:00'
-- $16 = 9
-- $17 = '2024-01-01 00:00:00'
-- $18 = '2024-01-01 00:00:00'
-- $19 = '2024-01-01 00:00:00'
-- $20 = 9
-- $21 = 'retention_contacts'
-- $22 = '2024-01-01 00:00:00'
-- $23 = '2024-01-01 00:00:00'
-- $24 = '2024-01-01 00:00:00'
-- $25 = 9
-- $26 = '2024-01-01 00:00:00'
-- $27 = '2024-01-01 00:00:00'
-- $28 = '2024-01-01 00:00:00'
-- $29 = 9
-- $30 = '2024-01-01 00:00:00'
-- $31 = '2024-01-01 00:00:00'
-- $32 = '2024-01-01 00:00:00'
-- $33 = 9
-- $34 = 'acquisition'
-- $35 = 'new_customers'
-- $36 = 'retention'
-- $37 = 'retention_contacts'
-- $38 = 'service'
-- $39 = 'service_contacts'
-- $40 = 'care'
-- $41 = 'service_contacts'
-- $42 = 'product_update'
-- $43 = 'active_customers'
-- $44 = 'crm'
-- $45 = 'active_customers'
-- $46 = 'region='
-- $47 = 'product_line='
-- $48 = 'customer_type='
-- $49 = 'channel='
-- $50 = '9999-12-31 00:00:00'
-- $51 = '9999-12-31 00:00:00'
-- $52 = '2024-01-01 00:00:00'
-- $53 = 0.30000000000000004
-- $54 = '2024-01-01 00:00:00'
-- $55 = '2024-01-01 00:00:00'
-- $56 = 9
-- $57 = 0.30000000000000004
-- $58 = '2024-01-01 00:00:00'
-- $59 = '2024-01-01 00:00:00'
-- $60 = '2024-01-01 00:00:00'
-- $61 = 9
-- $62 = 'subscription_revenue'
-- $63 = 'order_revenue'
-- $64 = 'cost_of_revenue'
-- $65 = 'acquisition'
-- $66 = 'retention'
-- $67 = 'service'
-- $68 = 'care'
-- $69 = 'product_update'
-- $70 = 'crm'
-- $71 = 'retention'
-- $72 = 'service'
-- $73 = 'care'
-- $74 = 'product_update'
-- $75 = 'acquisition'
-- $76 = 'crm'
-- $77 = 'retention'
-- $78 = 'service'
-- $79 = 'care'
-- $80 = 'product_update'
-- $81 = 'acquisition'
-- $82 = 0
-- $83 = '9999-12-31 00:00:00'
-- $84 = '2024-01-01 00:00:00'
-- $85 = '2024-01-01 00:00:00'
-- $86 = '2024-01-01 00:00:00'
-- $87 = '2024-01-01 00:00:00'
-- $88 = 3
-- $89 = 3
-- $90 = 3
-- $91 = 4
-- $92 = 3
-- $93 = 3
-- $94 = 0
-- $95 = 3
-- $96 = 3
-- $97 = 3
WITH
    x AS (SELECT CAST(floor(l.m / $1) AS BIGINT) AS k, 'all' AS seg__all,
        l.customer_id AS customer_id, l.line AS line, l.amount AS amount
      FROM (WITH
    mo AS (SELECT gs.i AS k, CAST(CAST($2 AS TIMESTAMP) + to_months(CAST(gs.i AS INTEGER)) AS TIMESTAMP) AS ps, CAST(CAST($3 AS TIMESTAMP) + to_months(CAST(gs.i + 1 AS INTEGER)) AS TIMESTAMP) AS pe
    FROM (SELECT range AS i FROM range($4)) gs),
    act AS (SELECT DISTINCT s.customer_id AS customer_id, mo.k AS m FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($5) DAY, CAST($6 AS TIMESTAMP)) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s CROSS JOIN mo
      WHERE s.a < mo.pe AND s.z > mo.ps),
    wt AS (SELECT customer_id, m, 'active_customers' AS r, CAST(1 AS DOUBLE) AS w FROM act
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, $7 AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT customer_id, date_diff('month', CAST($8 AS TIMESTAMP), created_at) AS m FROM customers
        WHERE acquisition_cost IS NULL AND created_at >= CAST($9 AS TIMESTAMP) AND created_at < CAST(CAST($10 AS TIMESTAMP) + to_months(CAST($11 AS INTEGER)) AS TIMESTAMP)) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, $12 AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT customer_id, date_diff('month', CAST($13 AS TIMESTAMP), opened_at) AS m FROM tickets WHERE opened_at >= CAST($14 AS TIMESTAMP) AND opened_at < CAST(CAST($15 AS TIMESTAMP) + to_months(CAST($16 AS INTEGER)) AS TIMESTAMP)
        UNION ALL SELECT customer_id, date_diff('month', CAST($17 AS TIMESTAMP), opened_at) AS m FROM cases
          WHERE kind <> 'retention' AND source <> 'ticket' AND opened_at >= CAST($18 AS TIMESTAMP) AND opened_at < CAST(CAST($19 AS TIMESTAMP) + to_months(CAST($20 AS INTEGER)) AS TIMESTAMP)) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m
      UNION ALL SELECT x.customer_id AS customer_id, x.m AS m, $21 AS r, CAST(count(*) AS DOUBLE) AS w FROM (SELECT t.customer_id AS customer_id, date_diff('month', CAST($22 AS TIMESTAMP), t.at) AS m FROM (
          SELECT mb.customer_id AS customer_id, coalesce(mb.assigned_at, cp.started_at) AS at FROM campaign_members mb
            LEFT JOIN campaigns cp ON cp.campaign_id = mb.campaign_id WHERE mb."group" = 'treatment') t
          WHERE t.at >= CAST($23 AS TIMESTAMP) AND t.at < CAST(CAST($24 AS TIMESTAMP) + to_months(CAST($25 AS INTEGER)) AS TIMESTAMP)
        UNION ALL SELECT customer_id, date_diff('month', CAST($26 AS TIMESTAMP), opened_at) AS m FROM cases WHERE kind = 'retention' AND opened_at >= CAST($27 AS TIMESTAMP) AND opened_at < CAST(CAST($28 AS TIMESTAMP) + to_months(CAST($29 AS INTEGER)) AS TIMESTAMP)) x
      WHERE x.customer_id IN (SELECT customer_id FROM customers) GROUP BY x.customer_id, x.m),
    owned AS (SELECT n.m AS m FROM (SELECT date_diff('month', CAST($30 AS TIMESTAMP), created_at) AS m, CASE WHEN acquisition_cost IS NULL THEN 1 ELSE 0 END AS bare
        FROM customers WHERE created_at >= CAST($31 AS TIMESTAMP) AND created_at < CAST(CAST($32 AS TIMESTAMP) + to_months(CAST($33 AS INTEGER)) AS TIMESTAMP)) n GROUP BY n.m HAVING max(n.bare) = 0),
    sl AS (SELECT y.cid AS cid, y.m AS m, y.category AS category, y.segment AS segment, y.cents AS cents, y.r AS r FROM (
        SELECT s.cid AS cid, s.k AS m, s.category AS category, s.segment AS segment, s.cents AS cents, CASE s.category WHEN $34 THEN $35 WHEN $36 THEN $37 WHEN $38 THEN $39 WHEN $40 THEN $41 WHEN $42 THEN $43 WHEN $44 THEN $45 ELSE 'active_customers' END AS r
        FROM (SELECT c.cid AS cid, p.k AS k, c.category AS category, c.segment AS segment,
      floor(c.t * ((epoch(least(c.ce, p.pe)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) - floor(c.t * ((epoch(greatest(c.cs, p.ps)) - epoch(c.cs)) / 86400.0) / c.dd + 0.5) AS cents
    FROM (SELECT row_number() OVER (ORDER BY period_start, period_end, category, segment, amount) AS cid,
        CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP) AS cs, CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP) AS ce, category,
        coalesce(nullif(segment, ''), 'all') AS segment, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS t,
        ((epoch(CAST(period_end + to_days(CAST(1 AS INTEGER)) AS TIMESTAMP)) - epoch(CAST(period_start + to_days(CAST(0 AS INTEGER)) AS TIMESTAMP))) / 86400.0) AS dd
      FROM costs) c CROSS JOIN (SELECT k, ps, pe FROM mo) p
    WHERE c.cs < p.pe AND c.ce > p.ps) s) y
      WHERE NOT (y.r = 'new_customers' AND y.m IN (SELECT m FROM owned))),
    lab AS (SELECT customer_id, 'all' AS label FROM customers WHERE false UNION ALL SELECT customer_id, concat($46, CAST("region" AS VARCHAR)) AS label
      FROM customers WHERE "region" IS NOT NULL UNION ALL SELECT customer_id, concat($47, CAST("product_line" AS VARCHAR)) AS label
      FROM customers WHERE "product_line" IS NOT NULL UNION ALL SELECT customer_id, concat($48, CAST("customer_type" AS VARCHAR)) AS label
      FROM customers WHERE "customer_type" IS NOT NULL UNION ALL SELECT customer_id, concat($49, CAST("channel" AS VARCHAR)) AS label
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
        * ((epoch(least(coalesce(x.ended_at, CAST($50 AS TIMESTAMP)), mo.pe)) - epoch(greatest(x.started_at, mo.ps))) / 86400.0)
        / ((epoch(mo.pe) - epoch(mo.ps)) / 86400.0)) AS v
      FROM subscriptions x CROSS JOIN mo WHERE x.started_at < mo.pe AND coalesce(x.ended_at, CAST($51 AS TIMESTAMP)) > mo.ps
      GROUP BY x.customer_id, mo.k),
    ord AS (SELECT o.customer_id AS customer_id, o.m AS m, sum(o.amount) AS rev, sum(o.cogs) AS cogs FROM (
        SELECT customer_id, date_diff('month', CAST($52 AS TIMESTAMP), ordered_at) AS m, CAST(amount AS DOUBLE) AS amount,
          coalesce(CAST(cost AS DOUBLE), CAST(amount AS DOUBLE) * $53) AS cogs
        FROM orders WHERE ordered_at >= CAST($54 AS TIMESTAMP) AND ordered_at < CAST(CAST($55 AS TIMESTAMP) + to_months(CAST($56 AS INTEGER)) AS TIMESTAMP)) o GROUP BY o.customer_id, o.m)
  SELECT customer_id, m, line, amount FROM (
    SELECT customer_id, m, 'subscription_revenue' AS line, v AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, v * $57 AS amount FROM sub
    UNION ALL SELECT customer_id, m, 'order_revenue' AS line, rev AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'cost_of_revenue' AS line, cogs AS amount FROM ord
    UNION ALL SELECT customer_id, m, 'active' AS line, CAST(0 AS DOUBLE) AS amount FROM act
    UNION ALL SELECT a.customer_id AS customer_id, a.m AS m, a.category AS line,
      (floor(a.cents * a.cw / a.tw + 0.5) - floor(a.cents * (a.cw - a.w) / a.tw + 0.5)) / 100 AS amount FROM a
    UNION ALL SELECT customer_id, date_diff('month', CAST($58 AS TIMESTAMP), created_at) AS m, 'acquisition' AS line,
      floor(CAST(acquisition_cost AS DOUBLE) * 100 + 0.5) / 100 AS amount
      FROM customers WHERE acquisition_cost IS NOT NULL AND created_at >= CAST($59 AS TIMESTAMP) AND created_at < CAST(CAST($60 AS TIMESTAMP) + to_months(CAST($61 AS INTEGER)) AS TIMESTAMP)
    UNION ALL SELECT CAST(NULL AS VARCHAR) AS customer_id, sl.m AS m, sl.category AS line, sl.cents / 100 AS amount
      FROM sl LEFT JOIN carried ON carried.cid = sl.cid AND carried.m = sl.m WHERE carried.h IS NULL
  ) p) l LEFT JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = l.customer_id
      WHERE sc.customer_id IS NOT NULL OR l.customer_id IS NULL),
    agg AS (SELECT x.k AS k, "x"."seg__all",
        count(DISTINCT CASE WHEN x.line = 'active' THEN x.customer_id END) AS active,
        sum(CASE WHEN x.line = $62 THEN x.amount ELSE 0 END) AS subscription_revenue, sum(CASE WHEN x.line = $63 THEN x.amount ELSE 0 END) AS order_revenue,
        sum(CASE WHEN x.line = $64 THEN x.amount ELSE 0 END) AS cost_of_revenue, sum(CASE WHEN x.line = $65 THEN x.amount ELSE 0 END) AS "acquisition", sum(CASE WHEN x.line = $66 THEN x.amount ELSE 0 END) AS "retention", sum(CASE WHEN x.line = $67 THEN x.amount ELSE 0 END) AS "service", sum(CASE WHEN x.line = $68 THEN x.amount ELSE 0 END) AS "care", sum(CASE WHEN x.line = $69 THEN x.amount ELSE 0 END) AS "product_update", sum(CASE WHEN x.line = $70 THEN x.amount ELSE 0 END) AS "crm",
        sum(CASE WHEN x.customer_id IS NULL THEN x.amount ELSE 0 END) AS unallocated,
        sum(CASE WHEN x.line IN ($71, $72, $73, $74) THEN x.amount ELSE 0 END) AS retention_costs, sum(CASE WHEN x.line IN ($75) THEN x.amount ELSE 0 END) AS acquisition_costs,
        sum(CASE WHEN x.line IN ($76) THEN x.amount ELSE 0 END) AS crm_costs
      FROM x GROUP BY x.k, "x"."seg__all"),
    known AS (SELECT x.k AS k, max(CASE WHEN x.line IN ($77, $78, $79, $80) THEN 1 ELSE 0 END) AS rk,
        max(CASE WHEN x.line IN ($81) THEN 1 ELSE 0 END) AS ak FROM x GROUP BY x.k),
    f AS (WITH
    customer_spans AS (SELECT s.customer_id, s.a, s.z, "c"."seg__all" AS "seg__all" FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($82) DAY, CAST($83 AS TIMESTAMP)) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s
           JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = s.customer_id),
    span_boundaries AS (SELECT customer_id, "seg__all", date_diff('quarter', CAST($84 AS TIMESTAMP), a) AS ka, date_diff('quarter', CAST($85 AS TIMESTAMP), a) + 1 AS k1, CASE WHEN (CAST(date_trunc('quarter', z) AS TIMESTAMP) = z) THEN date_diff('quarter', CAST($86 AS TIMESTAMP), z) - 1 ELSE date_diff('quarter', CAST($87 AS TIMESTAMP), z) END AS k2,
             row_number() OVER (PARTITION BY customer_id ORDER BY a) AS rn FROM customer_spans),
    covered_ranges AS (SELECT "seg__all", greatest(k1, 0) AS lo, least(k2, $88) AS hi FROM span_boundaries
           WHERE greatest(k1, 0) <= least(k2, $89)),
    coverage_steps AS (SELECT "seg__all", lo AS k, 1 AS dv FROM covered_ranges
           UNION ALL SELECT "seg__all", hi + 1 AS k, -1 AS dv FROM covered_ranges WHERE hi < $90),
    steps_at_boundary AS (SELECT "seg__all", k, sum(dv) AS dv FROM coverage_steps GROUP BY "seg__all", k),
    segment_keys AS (SELECT DISTINCT "seg__all" FROM customer_spans),
    boundaries AS (SELECT i AS k FROM (SELECT range AS i FROM range($91)) gs),
    active_at_boundary AS (SELECT g.k AS k, "y"."seg__all" AS "seg__all", sum(coalesce(ds.dv, 0)) OVER (PARTITION BY "y"."seg__all" ORDER BY g.k ROWS UNBOUNDED PRECEDING) AS active
               FROM boundaries g CROSS JOIN segment_keys y LEFT JOIN steps_at_boundary ds ON ds.k = g.k AND "ds"."seg__all" = "y"."seg__all"),
    customer_starts AS (SELECT customer_id, "seg__all", ka AS k, max(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS first, max(k2) AS gk2
           FROM span_boundaries GROUP BY customer_id, "seg__all", ka),
    starts_with_history AS (SELECT *, max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_k2,
               max(gk2) OVER (PARTITION BY customer_id ORDER BY k ROWS UNBOUNDED PRECEDING) AS cum_k2 FROM customer_starts),
    entries_per_period AS (SELECT k, "seg__all", count(*) FILTER (WHERE first = 1) AS new_c, count(*) FILTER (WHERE first = 0) AS react_c,
              count(*) FILTER (WHERE cum_k2 < k + 1) AS lost_c
            FROM starts_with_history WHERE (first = 1 OR coalesce(prev_k2, -1) < k) AND k >= 0 AND k < $92 GROUP BY k, "seg__all"),
    covering_spans AS (SELECT "seg__all", k2, lead(k1) OVER (PARTITION BY customer_id ORDER BY k1) AS nk1 FROM span_boundaries WHERE k1 <= k2),
    churned_per_period AS (SELECT k2 AS k, "seg__all", count(*) AS churned FROM covering_spans
           WHERE (nk1 IS NULL OR nk1 <> k2 + 1) AND k2 >= 0 AND k2 < $93 GROUP BY k2, "seg__all")
  SELECT a.k AS k, "a"."seg__all" AS "seg__all", a.active AS active_start, b.active AS active_end,
    coalesce(e.new_c, 0) AS new_customers, coalesce(e.react_c, 0) AS reactivated, coalesce(c.churned, 0) AS churned,
    coalesce(e.lost_c, 0) AS lost_same_period, $94 AS count_same_period
  FROM active_at_boundary a JOIN active_at_boundary b ON b.k = a.k + 1 AND "a"."seg__all" = "b"."seg__all"
    LEFT JOIN entries_per_period e ON e.k = a.k AND "a"."seg__all" = "e"."seg__all"
    LEFT JOIN churned_per_period c ON c.k = a.k AND "a"."seg__all" = "c"."seg__all"
  WHERE a.k < $95 ORDER BY a.k, "a"."seg__all"),
    keys AS (SELECT DISTINCT "y"."seg__all" AS "seg__all" FROM (SELECT "seg__all" FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) s
      UNION ALL SELECT "seg__all" FROM x) y),
    grid AS (SELECT i AS k FROM (SELECT range AS i FROM range($96)) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all",
    CAST(coalesce(f.new_customers, 0) AS DOUBLE) AS new_customers, CAST(coalesce(f.active_start, 0) AS DOUBLE) AS active_start,
    CAST(coalesce(f.churned, 0) AS DOUBLE) AS churned, CAST(coalesce(a.active, 0) AS DOUBLE) AS active,
    CAST(coalesce(a."subscription_revenue", 0) AS DOUBLE) AS "subscription_revenue", CAST(coalesce(a."order_revenue", 0) AS DOUBLE) AS "order_revenue", CAST(coalesce(a."cost_of_revenue", 0) AS DOUBLE) AS "cost_of_revenue", CAST(coalesce(a."acquisition", 0) AS DOUBLE) AS "acquisition", CAST(coalesce(a."retention", 0) AS DOUBLE) AS "retention", CAST(coalesce(a."service", 0) AS DOUBLE) AS "service", CAST(coalesce(a."care", 0) AS DOUBLE) AS "care", CAST(coalesce(a."product_update", 0) AS DOUBLE) AS "product_update", CAST(coalesce(a."crm", 0) AS DOUBLE) AS "crm", CAST(coalesce(a."unallocated", 0) AS DOUBLE) AS "unallocated", CAST(coalesce(a."retention_costs", 0) AS DOUBLE) AS "retention_costs", CAST(coalesce(a."acquisition_costs", 0) AS DOUBLE) AS "acquisition_costs", CAST(coalesce(a."crm_costs", 0) AS DOUBLE) AS "crm_costs",
    CAST(coalesce(kn.rk, 0) AS DOUBLE) AS retention_known, CAST(coalesce(kn.ak, 0) AS DOUBLE) AS acquisition_known,
    $97 AS months
  FROM grid g CROSS JOIN keys y LEFT JOIN f ON f.k = g.k AND "f"."seg__all" = "y"."seg__all"
    LEFT JOIN agg a ON a.k = g.k AND "a"."seg__all" = "y"."seg__all" LEFT JOIN known kn ON kn.k = g.k
  ORDER BY g.k, "y"."seg__all"
