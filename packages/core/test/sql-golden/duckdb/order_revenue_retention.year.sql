-- order_revenue_retention (base order_cohorts) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = 3
-- $3 = 3
-- $4 = 3
-- $5 = 3
-- $6 = '2024-01-01'
-- $7 = '2025-01-01'
-- $8 = '2026-01-01'
WITH
    op AS (SELECT customer_id, ko, sum(amount) AS amount
    FROM (SELECT customer_id, date_diff('year', CAST($1 AS TIMESTAMP), ordered_at) AS ko, amount FROM orders WHERE ordered_at IS NOT NULL) x GROUP BY customer_id, ko),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, "sc"."seg__all" AS "seg__all"
            FROM (SELECT customer_id, min(ko) AS c FROM op GROUP BY customer_id) f
              JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < $2),
    m AS (SELECT h.c AS c, "h"."seg__all" AS "seg__all", o.ko - h.c AS age, o.amount AS amount, z.amount AS amount0
          FROM coh h JOIN op o ON o.customer_id = h.customer_id JOIN op z ON z.customer_id = h.customer_id AND z.ko = h.c
          WHERE o.ko < $3),
    agg AS (SELECT c, "seg__all", age, sum(amount) AS revenue, sum(least(amount, amount0)) AS capped, count(*) AS buyers
            FROM m GROUP BY c, "seg__all", age),
    sz AS (SELECT c, "seg__all", count(*) AS size FROM coh GROUP BY c, "seg__all"),
    cells AS (SELECT z.c AS c, "z"."seg__all" AS "seg__all", a.i AS age, z.size AS size FROM sz z CROSS JOIN (SELECT range AS i FROM range($4)) a
              WHERE z.c + a.i < $5)
  SELECT x.c + x.age AS k, "x"."seg__all" AS "seg__all", CASE x.c WHEN 0 THEN $6 WHEN 1 THEN $7 WHEN 2 THEN $8 END AS key_cohort, x.age AS key_age,
    x.size AS cohort_size, coalesce(g.revenue, 0) AS revenue, g0.revenue AS revenue0, coalesce(g.capped, 0) AS capped,
    coalesce(g.buyers, 0) AS buyers
  FROM cells x JOIN agg g0 ON g0.c = x.c AND g0.age = 0 AND "g0"."seg__all" = "x"."seg__all"
    LEFT JOIN agg g ON g.c = x.c AND g.age = x.age AND "g"."seg__all" = "x"."seg__all"
  ORDER BY x.c, "x"."seg__all", x.age
