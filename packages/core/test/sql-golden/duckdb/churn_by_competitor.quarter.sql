-- churn_by_competitor (base churn_competitors) on duckdb
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
-- $14 = 'natural'
-- $15 = 'competitive'
-- $16 = 'fault'
-- $17 = 'non_malicious'
-- $18 = 'retaliatory'
-- $19 = 'malicious'
-- $20 = 'natural'
-- $21 = 'competitive'
-- $22 = 'fault'
-- $23 = 'non_malicious'
-- $24 = 'retaliatory'
-- $25 = 'malicious'
-- $26 = 'natural'
-- $27 = 'competitive'
-- $28 = 'fault'
-- $29 = 'non_malicious'
-- $30 = 'retaliatory'
-- $31 = 'malicious'
-- $32 = 'natural'
-- $33 = 'competitive'
-- $34 = 'fault'
-- $35 = 'non_malicious'
-- $36 = 'retaliatory'
-- $37 = 'malicious'
-- $38 = 'natural'
-- $39 = 'competitive'
-- $40 = 'fault'
-- $41 = 'non_malicious'
-- $42 = 'retaliatory'
-- $43 = 'malicious'
-- $44 = 'natural'
-- $45 = 'competitive'
-- $46 = 'fault'
-- $47 = 'non_malicious'
-- $48 = 'retaliatory'
-- $49 = 'malicious'
-- $50 = 'natural'
-- $51 = 'competitive'
-- $52 = 'fault'
-- $53 = 'non_malicious'
-- $54 = 'retaliatory'
-- $55 = 'malicious'
-- $56 = 30
-- $57 = 3
WITH
    ev AS (SELECT * FROM (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, "c"."seg__all" AS "seg__all",
      date_diff('quarter', CAST($1 AS TIMESTAMP), e.churned_at) AS k,
      CASE WHEN NOT (e.reason IS NULL OR trim(e.reason) = '') THEN trim(e.reason) WHEN NOT (x.reason IS NULL OR trim(x.reason) = '') THEN trim(x.reason)
        ELSE 'unknown' END AS reason,
      CASE WHEN e.kind IN ('voluntary', 'involuntary') THEN e.kind WHEN e.category IN ($2, $3, $4) THEN 'voluntary'
        WHEN e.category IN ($5, $6, $7) THEN 'involuntary' WHEN coalesce(x.kind, '') IN ('voluntary', 'involuntary') THEN x.kind
        WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ($8, $9, $10, $11, $12, $13)) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ($14, $15, $16, $17, $18, $19) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 'involuntary' ELSE 'unknown' END AS kind,
      CASE WHEN e.category IN ($20, $21, $22, $23, $24, $25) THEN e.category WHEN coalesce(x.category, '') IN ($26, $27, $28, $29, $30, $31) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, '')) THEN x.category
        WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ($32, $33, $34, $35, $36, $37)) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ($38, $39, $40, $41, $42, $43) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 'retaliatory' ELSE 'unknown' END AS category,
      CASE WHEN NOT (e.competitor IS NULL OR trim(e.competitor) = '') THEN trim(e.competitor) WHEN NOT (x.competitor IS NULL OR trim(x.competitor) = '') THEN trim(x.competitor)
        ELSE NULL END AS competitor,
      CASE WHEN r.hit = 1 THEN 1 ELSE 0 END AS candidate, CASE WHEN r.hit = 1 AND NOT (coalesce("e"."category", '') IN ($44, $45, $46, $47, $48, $49)) AND coalesce("e"."kind", '') <> 'voluntary' AND NOT (coalesce(x.category, '') IN ($50, $51, $52, $53, $54, $55) AND (coalesce(e.kind, '') NOT IN ('voluntary', 'involuntary') OR e.kind = coalesce(x.kind, ''))) THEN 1 ELSE 0 END AS marked
    FROM churn_events e JOIN (SELECT customer_id, 'all' AS seg__all FROM customers WHERE true) c ON c.customer_id = e.customer_id
      LEFT JOIN (SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, min(c.case_id) AS case_id, 1 AS hit
    FROM churn_events e JOIN cases c ON c.customer_id = e.customer_id
    WHERE c.kind = 'complaint' AND c.stage = 'closed'
      AND (c.satisfied = false OR c.closed_at > c.resolution_due)
      AND e.churned_at > c.closed_at AND e.churned_at <= c.closed_at + INTERVAL ($56) DAY
    GROUP BY e.customer_id, e.churned_at) r ON r.customer_id = e.customer_id AND r.churned_at = e.churned_at
      LEFT JOIN exit_mappings x ON x.customer_id = e.customer_id AND x.churned_at = e.churned_at
    WHERE e.churned_at IS NOT NULL) ev
    WHERE k >= 0 AND k < $57),
    tot AS (SELECT k, "seg__all", count(*) AS n_total FROM ev GROUP BY k, "seg__all"),
    lastly AS (SELECT customer_id, max(t) AS t FROM (
        SELECT customer_id, started_at AS t FROM subscriptions WHERE started_at IS NOT NULL
        UNION ALL SELECT customer_id, ordered_at AS t FROM orders WHERE ordered_at IS NOT NULL) a GROUP BY customer_id),
    pe AS (SELECT v.k AS k, "v"."seg__all" AS "seg__all", v.competitor AS competitor, v.reason AS reason, v.customer_id AS customer_id,
             v.churned_at AS churned_at,
             sum(CASE WHEN s.started_at < v.churned_at AND (s.ended_at IS NULL OR s.ended_at >= v.churned_at) THEN s.mrr ELSE 0 END) AS lost
           FROM ev v LEFT JOIN subscriptions s ON s.customer_id = v.customer_id
           WHERE v.competitor IS NOT NULL
           GROUP BY v.k, "v"."seg__all", v.competitor, v.reason, v.customer_id, v.churned_at),
    cr AS (SELECT p.k AS k, "p"."seg__all" AS "seg__all", p.competitor AS competitor, p.reason AS reason, count(*) AS n_events,
             sum(p.lost) AS lost, sum(CASE WHEN l.t > p.churned_at THEN 1 ELSE 0 END) AS back
           FROM pe p LEFT JOIN lastly l ON l.customer_id = p.customer_id
           GROUP BY p.k, "p"."seg__all", p.competitor, p.reason)
  SELECT c.k AS k, "c"."seg__all" AS "seg__all", c.competitor AS key_competitor, c.reason AS key_reason, c.n_events AS n,
    t.n_total AS total, coalesce(c.lost, 0) AS mrr_lost, c.back AS won_back
  FROM cr c JOIN tot t ON t.k = c.k AND "c"."seg__all" = "t"."seg__all"
  ORDER BY c.k, "c"."seg__all", c.competitor, c.n_events DESC, c.reason
