-- churn_by_category (base churn_categories) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = 'natural'
-- $3 = 'competitive'
-- $4 = 'fault'
-- $5 = 'non_malicious'
-- $6 = 'retaliatory'
-- $7 = 'malicious'
-- $8 = 'natural'
-- $9 = 'competitive'
-- $10 = 'fault'
-- $11 = 'non_malicious'
-- $12 = 'retaliatory'
-- $13 = 'malicious'
-- $14 = 3
WITH
    ev AS (SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, "c"."seg__all" AS "seg__all",
      date_diff('month', CAST($1 AS TIMESTAMP), e.churned_at) AS k,
      CASE WHEN e.reason IS NULL OR trim(e.reason) = '' THEN 'unknown' ELSE trim(e.reason) END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN ($2, $3, $4) THEN 'voluntary'
        WHEN e.category IN ($5, $6, $7) THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN ($8, $9, $10, $11, $12, $13) THEN e.category ELSE 'unknown' END AS category
    FROM churn_events e JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = e.customer_id WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < $14),
    cs AS (SELECT k, "seg__all", kind, category, count(*) AS n_events FROM ev GROUP BY k, "seg__all", kind, category),
    tot AS (SELECT k, "seg__all", sum(n_events) AS n_total FROM cs GROUP BY k, "seg__all")
  SELECT c.k AS k, "c"."seg__all" AS "seg__all", c.kind AS key_kind, c.category AS key_category, c.n_events AS n, t.n_total AS total
  FROM cs c JOIN tot t ON t.k = c.k AND "c"."seg__all" = "t"."seg__all"
  ORDER BY c.k, "c"."seg__all", c.n_events DESC, c.kind, c.category
