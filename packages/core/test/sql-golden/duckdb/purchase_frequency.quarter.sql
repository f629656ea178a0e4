-- purchase_frequency (base purchases) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = '2024-01-01 00:00:00'
-- $3 = '2024-10-01 00:00:00'
-- $4 = '2024-01-01 00:00:00'
-- $5 = 3
WITH
    -- Two passes over the (large) orders table, each cheaper than one grouping of all history by customer and
    -- period (100M orders: 17 s → 9.5 s): each customer's first order ever, and customer-periods inside the range.
    fo AS (SELECT customer_id, min(ordered_at) AS first_at FROM orders WHERE ordered_at IS NOT NULL GROUP BY customer_id),
    cp AS (SELECT customer_id, date_diff('quarter', CAST($1 AS TIMESTAMP), ordered_at) AS k, count(*) AS n_orders, sum(amount) AS n_revenue
           FROM orders WHERE ordered_at >= CAST($2 AS TIMESTAMP) AND ordered_at < CAST($3 AS TIMESTAMP) GROUP BY customer_id, k),
    -- Buyers ever, with their segment and the period of their first order (before the range: negative).
    b AS (SELECT fo.customer_id AS customer_id, "c"."seg__all" AS "seg__all", date_diff('quarter', CAST($4 AS TIMESTAMP), fo.first_at) AS k0
          FROM fo JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = fo.customer_id),
    per AS (SELECT cp.k AS k, "b"."seg__all" AS "seg__all", count(*) AS n_buyers, count(*) FILTER (WHERE b.k0 < cp.k) AS n_returning,
              sum(cp.n_orders) AS n_orders, sum(cp.n_revenue) AS n_revenue
            FROM cp JOIN b ON b.customer_id = cp.customer_id GROUP BY cp.k, "b"."seg__all"),
    keys AS (SELECT DISTINCT "seg__all" FROM b),
    grid AS (SELECT i AS k FROM (SELECT range AS i FROM range($5)) gs)
  SELECT g.k AS k, "y"."seg__all" AS "seg__all", coalesce(p.n_orders, 0) AS orders, coalesce(p.n_revenue, 0) AS revenue,
    coalesce(p.n_buyers, 0) AS buyers, coalesce(p.n_returning, 0) AS returning_buyers
  FROM grid g CROSS JOIN keys y LEFT JOIN per p ON p.k = g.k AND "p"."seg__all" = "y"."seg__all"
  ORDER BY g.k, "y"."seg__all"
