-- case_stage_time (base case_stages) on duckdb
-- $1 = '2024-01-01 00:00:00'
-- $2 = 3
-- $3 = 'received'
-- $4 = 0
-- $5 = 'diagnosed'
-- $6 = 1
-- $7 = 'planned'
-- $8 = 2
-- $9 = 'implementing'
-- $10 = 3
-- $11 = 'following_up'
-- $12 = 4
WITH
    cs AS (SELECT c."case_id" AS "case_id", c."customer_id" AS "customer_id", c."kind" AS "kind", c."stage" AS "stage", c."sla_policy" AS "sla_policy", c."first_response_due" AS "first_response_due", c."first_response_at" AS "first_response_at", c."resolution_due" AS "resolution_due", c."satisfied" AS "satisfied", c."outcome" AS "outcome", c."opened_at" AS "opened_at", c."closed_at" AS "closed_at", c."reopen_count" AS "reopen_count", sc.seg__all AS seg__all
    FROM cases c JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) sc ON sc.customer_id = c.customer_id
    WHERE true),
    visits AS (SELECT e.case_id AS case_id, e.to_stage AS stage, e."at" AS entered,
                 CASE WHEN count(*) OVER (PARTITION BY e.case_id ORDER BY e.version ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) > 0 THEN max(e."at") OVER (PARTITION BY e.case_id ORDER BY e.version ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) END AS left_at
               FROM case_events e WHERE e.to_stage IS NOT NULL),
    v AS (SELECT date_diff('quarter', CAST($1 AS TIMESTAMP), x.left_at) AS k, "c"."seg__all" AS "seg__all", x.stage AS stage,
            (epoch(x.left_at) - epoch(x.entered)) / 86400.0 * 24 AS hours
          FROM visits x JOIN cs c ON c.case_id = x.case_id
          WHERE x.left_at IS NOT NULL AND x.stage NOT IN ('closed', 'cancelled'))
  SELECT k, "seg__all", stage AS key_stage, count(*) AS n, avg(hours) AS mean, quantile_cont(CAST(hours AS DOUBLE), 0.5) AS median,
    quantile_cont(CAST(hours AS DOUBLE), 0.9) AS p90
  FROM v WHERE k >= 0 AND k < $2
  GROUP BY k, "seg__all", stage
  ORDER BY k, "seg__all", CASE stage WHEN $3 THEN $4 WHEN $5 THEN $6 WHEN $7 THEN $8 WHEN $9 THEN $10 WHEN $11 THEN $12 END
