-- cohort_retention (base cohorts) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = '2024-01-01 00:00:00'
-- $3 = '2024-01-01 00:00:00'
-- $4 = 0
-- $5 = '9999-12-31 00:00:00'
-- $6 = 3
-- $7 = 3
-- $8 = 2
-- $9 = 3
-- $10 = '2024-01-01 00:00:00'
-- $11 = '2024-01-01 00:00:00'
-- $12 = 1000000000
-- $13 = '2024-01-01 00:00:00'
-- $14 = '2024-01-01 00:00:00'
-- $15 = '9999-12-31 00:00:00'
-- $16 = 3
-- $17 = 3
-- $18 = '2024-01-01'
-- $19 = '2025-01-01'
-- $20 = '2026-01-01'
WITH
    sc AS (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true),
    sp AS (SELECT s.customer_id AS customer_id, date_diff('year', CAST($1 AS TIMESTAMP), s.a) AS ka, CASE WHEN (CAST(date_trunc('year', s.z) AS TIMESTAMP) = s.z) THEN date_diff('year', CAST($2 AS TIMESTAMP), s.z) - 1 ELSE date_diff('year', CAST($3 AS TIMESTAMP), s.z) END AS k2 FROM (SELECT customer_id, min(a) AS a, max(z) AS z FROM (
      SELECT customer_id, a, z, sum(brk) OVER (PARTITION BY customer_id ORDER BY a, z ROWS UNBOUNDED PRECEDING) AS g FROM (
        SELECT customer_id, a, z, CASE WHEN prev_z IS NULL OR a > prev_z THEN 1 ELSE 0 END AS brk FROM (
          SELECT customer_id, a, z, max(z) OVER (PARTITION BY customer_id ORDER BY a, z ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_z
          FROM (SELECT customer_id, started_at AS a, coalesce(ended_at + INTERVAL ($4) DAY, CAST($5 AS TIMESTAMP)) AS z FROM subscriptions WHERE started_at IS NOT NULL) i WHERE customer_id IN (SELECT customer_id FROM (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) f)) o) m) g
    GROUP BY customer_id, g) s),
    coh AS (SELECT f.customer_id AS customer_id, f.c AS c, "sc"."seg__all" AS "seg__all"
            FROM (SELECT customer_id, min(ka) AS c FROM sp GROUP BY customer_id) f JOIN sc ON sc.customer_id = f.customer_id
            WHERE f.c >= 0 AND f.c < $6),
    iv AS (SELECT h.c AS c, "h"."seg__all" AS "seg__all", p.ka - h.c AS lo, least(p.k2, $7) - h.c - 1 AS hi, 1 AS da, 0 AS dr, 0 AS dm
           FROM sp "p" JOIN coh h ON h.customer_id = "p"."customer_id" UNION ALL SELECT h.c AS c, "h"."seg__all" AS "seg__all", p.ka - h.c AS lo, least(p.k2, $8) - h.c AS hi, 0 AS da, 1 AS dr, 0 AS dm
        FROM sp "p" JOIN coh h ON h.customer_id = "p"."customer_id"
      UNION ALL SELECT h.c AS c, "h"."seg__all" AS "seg__all", greatest(m.lo, h.c + 1) - h.c - 1 AS lo, least(m.hi, $9) - h.c - 1 AS hi,
        0 AS da, 0 AS dr, m.mrr AS dm FROM (SELECT customer_id, mrr,
      CASE WHEN prev_end >= started_at AND (CAST(date_trunc('year', started_at) AS TIMESTAMP) = started_at) THEN date_diff('year', CAST($10 AS TIMESTAMP), started_at) ELSE date_diff('year', CAST($11 AS TIMESTAMP), started_at) + 1 END AS lo,
      CASE WHEN ended_at IS NULL THEN $12 WHEN (CAST(date_trunc('year', ended_at) AS TIMESTAMP) = ended_at) THEN date_diff('year', CAST($13 AS TIMESTAMP), ended_at) - 1 ELSE date_diff('year', CAST($14 AS TIMESTAMP), ended_at) END AS hi
    FROM (SELECT customer_id, mrr, started_at, ended_at,
        max(coalesce(ended_at, CAST($15 AS TIMESTAMP))) OVER (PARTITION BY customer_id ORDER BY started_at, subscription_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM subscriptions WHERE started_at IS NOT NULL AND mrr IS NOT NULL) p) "m" JOIN coh h ON h.customer_id = "m"."customer_id"),
    dl AS (SELECT c, "seg__all", age, sum(da) AS da, sum(dr) AS dr, sum(dm) AS dm FROM (
             SELECT v.c AS c, "v"."seg__all" AS "seg__all", CASE WHEN e.i = 0 THEN v.lo ELSE v.hi + 1 END AS age, CASE WHEN e.i = 0 THEN "v"."da" ELSE -"v"."da" END AS "da", CASE WHEN e.i = 0 THEN "v"."dr" ELSE -"v"."dr" END AS "dr", CASE WHEN e.i = 0 THEN "v"."dm" ELSE -"v"."dm" END AS "dm"
             FROM iv v CROSS JOIN (SELECT range AS i FROM range(2)) e WHERE v.lo <= v.hi) x GROUP BY c, "seg__all", age),
    sz AS (SELECT c, "seg__all", count(*) AS size FROM coh GROUP BY c, "seg__all"),
    cells AS (SELECT z.c AS c, "z"."seg__all" AS "seg__all", a.i AS age, z.size AS size FROM sz z CROSS JOIN (SELECT range AS i FROM range($16)) a
              WHERE z.c + a.i < $17),
    run AS (SELECT x.c AS c, "x"."seg__all" AS "seg__all", x.age AS age, x.size AS size,
              sum(coalesce(t.da, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS active, sum(coalesce(t.dr, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS returned,
              sum(coalesce(t.dm, 0)) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS money,
              sum(CASE WHEN x.age = 0 THEN coalesce(t.dm, 0) ELSE 0 END) OVER (PARTITION BY "x"."c", "x"."seg__all" ORDER BY "x"."age" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS money0
            FROM cells x LEFT JOIN dl t ON t.c = x.c AND t.age = x.age AND "t"."seg__all" = "x"."seg__all")
  SELECT r.c + r.age AS k, "r"."seg__all" AS "seg__all", CASE r.c WHEN 0 THEN $18 WHEN 1 THEN $19 WHEN 2 THEN $20 END AS key_cohort, r.age AS key_age, r.size AS cohort_size,
    r.active AS active, r.returned AS returned, r.money AS money, r.money0 AS money0
  FROM run r ORDER BY r.c, "r"."seg__all", r.age
