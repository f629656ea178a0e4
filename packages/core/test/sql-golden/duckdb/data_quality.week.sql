-- data_quality (base quality) on duckdb
-- $1 = 0
-- $2 = 'customers'
-- $3 = 7
-- $4 = 90
-- $5 = 90
-- $6 = 83
-- $7 = '2024-04-01 00:00:00'
-- $8 = '2024-04-01 00:00:00'
-- $9 = '2024-04-01 00:00:00'
-- $10 = '2024-04-01 00:00:00'
-- $11 = 1
-- $12 = 'subscriptions'
-- $13 = 7
-- $14 = 90
-- $15 = 90
-- $16 = 83
-- $17 = '2024-04-01 00:00:00'
-- $18 = 'month'
-- $19 = 'quarter'
-- $20 = 'year'
-- $21 = 'week'
-- $22 = '2024-04-01 00:00:00'
-- $23 = '2024-04-01 00:00:00'
-- $24 = 'month'
-- $25 = 'quarter'
-- $26 = 'year'
-- $27 = 'week'
-- $28 = '2024-04-01 00:00:00'
-- $29 = '2024-04-01 00:00:00'
-- $30 = '2024-04-01 00:00:00'
-- $31 = 2
-- $32 = 'orders'
-- $33 = 7
-- $34 = 90
-- $35 = 90
-- $36 = 83
-- $37 = '2024-04-01 00:00:00'
-- $38 = '2024-04-01 00:00:00'
-- $39 = '2024-04-01 00:00:00'
-- $40 = '2024-04-01 00:00:00'
-- $41 = 3
-- $42 = 'activity'
-- $43 = 7
-- $44 = 90
-- $45 = 90
-- $46 = 83
-- $47 = '2024-04-01 00:00:00'
-- $48 = '2024-04-01 00:00:00'
-- $49 = '2024-04-01 00:00:00'
-- $50 = '2024-04-01 00:00:00'
-- $51 = 4
-- $52 = 'tickets'
-- $53 = 7
-- $54 = 90
-- $55 = 90
-- $56 = 83
-- $57 = '2024-04-01 00:00:00'
-- $58 = 'complaint'
-- $59 = 'service_request'
-- $60 = 'inquiry'
-- $61 = 'low'
-- $62 = 'normal'
-- $63 = 'high'
-- $64 = 'urgent'
-- $65 = '2024-04-01 00:00:00'
-- $66 = '2024-04-01 00:00:00'
-- $67 = 'open'
-- $68 = 'pending'
-- $69 = 'resolved'
-- $70 = 'closed'
-- $71 = 1
-- $72 = 5
-- $73 = '2024-04-01 00:00:00'
-- $74 = 'complaint'
-- $75 = 'service_request'
-- $76 = 'inquiry'
-- $77 = 'low'
-- $78 = 'normal'
-- $79 = 'high'
-- $80 = 'urgent'
-- $81 = '2024-04-01 00:00:00'
-- $82 = '2024-04-01 00:00:00'
-- $83 = 'open'
-- $84 = 'pending'
-- $85 = 'resolved'
-- $86 = 'closed'
-- $87 = 1
-- $88 = 5
-- $89 = '2024-04-01 00:00:00'
-- $90 = '2024-04-01 00:00:00'
-- $91 = 5
-- $92 = 'surveys'
-- $93 = 7
-- $94 = 90
-- $95 = 90
-- $96 = 83
-- $97 = 'customer'
-- $98 = 'employee'
-- $99 = '2024-04-01 00:00:00'
-- $100 = 'nps'
-- $101 = 'csat'
-- $102 = 'ces'
-- $103 = 'exit'
-- $104 = 'employee'
-- $105 = 0
-- $106 = 10
-- $107 = 'customer'
-- $108 = 'employee'
-- $109 = '2024-04-01 00:00:00'
-- $110 = 'nps'
-- $111 = 'csat'
-- $112 = 'ces'
-- $113 = 'exit'
-- $114 = 'employee'
-- $115 = 0
-- $116 = 10
-- $117 = 'customer'
-- $118 = 'customer'
-- $119 = 'customer'
-- $120 = 'customer'
-- $121 = '2024-04-01 00:00:00'
-- $122 = '2024-04-01 00:00:00'
-- $123 = 6
-- $124 = 'churn_events'
-- $125 = 7
-- $126 = 90
-- $127 = 90
-- $128 = 83
-- $129 = '2024-04-01 00:00:00'
-- $130 = 'voluntary'
-- $131 = 'involuntary'
-- $132 = 'natural'
-- $133 = 'competitive'
-- $134 = 'fault'
-- $135 = 'non_malicious'
-- $136 = 'retaliatory'
-- $137 = 'malicious'
-- $138 = '2024-04-01 00:00:00'
-- $139 = 'voluntary'
-- $140 = 'involuntary'
-- $141 = 'natural'
-- $142 = 'competitive'
-- $143 = 'fault'
-- $144 = 'non_malicious'
-- $145 = 'retaliatory'
-- $146 = 'malicious'
-- $147 = '2024-04-01 00:00:00'
-- $148 = '2024-04-01 00:00:00'
-- $149 = 7
-- $150 = 'costs'
-- $151 = 'acquisition'
-- $152 = 'retention'
-- $153 = 'service'
-- $154 = 'care'
-- $155 = 'product_update'
-- $156 = 'crm'
-- $157 = 'acquisition'
-- $158 = 'retention'
-- $159 = 'service'
-- $160 = 'care'
-- $161 = 'product_update'
-- $162 = 'crm'
-- $163 = 8
-- $164 = 'campaigns'
-- $165 = 7
-- $166 = 90
-- $167 = 90
-- $168 = 83
-- $169 = '2024-04-01 00:00:00'
-- $170 = '2024-04-01 00:00:00'
-- $171 = 9
-- $172 = 'campaign_members'
-- $173 = 'treatment'
-- $174 = 'control'
-- $175 = '2024-04-01 00:00:00'
-- $176 = 'treatment'
-- $177 = 'control'
-- $178 = '2024-04-01 00:00:00'
-- $179 = 10
-- $180 = 'benchmarks'
-- $181 = 11
-- $182 = 'exchange_rates'
-- $183 = 2
-- $184 = 12
WITH e AS (SELECT $1 AS ord, $2 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__customer_id") + (CASE WHEN "c__name" > 0 THEN 1 ELSE 0 END) * (n - "c__name") + 4 * (n - "c__created_at") + (CASE WHEN "c__region" > 0 THEN 1 ELSE 0 END) * (n - "c__region") + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * (n - "c__product_line") + (CASE WHEN "c__customer_type" > 0 THEN 1 ELSE 0 END) * (n - "c__customer_type") + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * (n - "c__channel") + (CASE WHEN "c__acquisition_cost" > 0 THEN 1 ELSE 0 END) * (n - "c__acquisition_cost")) AS DOUBLE) / NULLIF(CAST((4 * n + (CASE WHEN "c__name" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__region" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__customer_type" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__acquisition_cost" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $3 THEN 100.0
    WHEN age_days >= $4 THEN 0.0 ELSE 100.0 * ($5 - age_days) / $6 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."name") AS "c__name", count("t"."created_at") AS "c__created_at", count("t"."region") AS "c__region", count("t"."product_line") AS "c__product_line", count("t"."customer_type") AS "c__customer_type", count("t"."channel") AS "c__channel", count("t"."acquisition_cost") AS "c__acquisition_cost", count(*) FILTER (WHERE "t"."created_at" > CAST($7 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE "t"."acquisition_cost" < 0) AS "v__1", count(*) FILTER (WHERE ("t"."created_at" > CAST($8 AS TIMESTAMP)) OR ("t"."acquisition_cost" < 0)) AS v__any, max("t"."created_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($9 AS TIMESTAMP) THEN CAST($10 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."created_at"))) / 86400.0 AS age_days FROM "customers" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "customers" GROUP BY "customer_id") g) u) r) x) "q_customers" UNION ALL SELECT $11 AS ord, $12 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__subscription_id") + 4 * (n - "c__customer_id") + (CASE WHEN "c__plan" > 0 THEN 1 ELSE 0 END) * (n - "c__plan") + 4 * (n - "c__started_at") + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * (n - "c__ended_at") + 4 * (n - "c__mrr") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__billing_period" > 0 THEN 1 ELSE 0 END) * (n - "c__billing_period") + (CASE WHEN "c__cancel_requested_at" > 0 THEN 1 ELSE 0 END) * (n - "c__cancel_requested_at")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + (CASE WHEN "c__plan" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__billing_period" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__cancel_requested_at" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $13 THEN 100.0
    WHEN age_days >= $14 THEN 0.0 ELSE 100.0 * ($15 - age_days) / $16 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."subscription_id") AS "c__subscription_id", count("t"."customer_id") AS "c__customer_id", count("t"."plan") AS "c__plan", count("t"."started_at") AS "c__started_at", count("t"."ended_at") AS "c__ended_at", count("t"."mrr") AS "c__mrr", count("t"."currency") AS "c__currency", count("t"."billing_period") AS "c__billing_period", count("t"."cancel_requested_at") AS "c__cancel_requested_at", count(*) FILTER (WHERE "t"."started_at" > CAST($17 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE "t"."ended_at" < "t"."started_at") AS "v__1", count(*) FILTER (WHERE "t"."mrr" < 0) AS "v__2", count(*) FILTER (WHERE NOT ("t"."billing_period" IN ($18, $19, $20, $21))) AS "v__3", count(*) FILTER (WHERE "t"."cancel_requested_at" < "t"."started_at") AS "v__4", count(*) FILTER (WHERE "t"."cancel_requested_at" > CAST($22 AS TIMESTAMP)) AS "v__5", count(*) FILTER (WHERE ("t"."started_at" > CAST($23 AS TIMESTAMP)) OR ("t"."ended_at" < "t"."started_at") OR ("t"."mrr" < 0) OR (NOT ("t"."billing_period" IN ($24, $25, $26, $27))) OR ("t"."cancel_requested_at" < "t"."started_at") OR ("t"."cancel_requested_at" > CAST($28 AS TIMESTAMP))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."started_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($29 AS TIMESTAMP) THEN CAST($30 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."started_at"))) / 86400.0 AS age_days FROM "subscriptions" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "subscriptions" GROUP BY "subscription_id") g) u) r) x) "q_subscriptions" UNION ALL SELECT $31 AS ord, $32 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__order_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__ordered_at") + 4 * (n - "c__amount") + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * (n - "c__cost") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * (n - "c__product_line")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $33 THEN 100.0
    WHEN age_days >= $34 THEN 0.0 ELSE 100.0 * ($35 - age_days) / $36 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."order_id") AS "c__order_id", count("t"."customer_id") AS "c__customer_id", count("t"."ordered_at") AS "c__ordered_at", count("t"."amount") AS "c__amount", count("t"."cost") AS "c__cost", count("t"."currency") AS "c__currency", count("t"."product_line") AS "c__product_line", count(*) FILTER (WHERE "t"."ordered_at" > CAST($37 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE "t"."amount" < 0) AS "v__1", count(*) FILTER (WHERE "t"."cost" < 0) AS "v__2", count(*) FILTER (WHERE ("t"."ordered_at" > CAST($38 AS TIMESTAMP)) OR ("t"."amount" < 0) OR ("t"."cost" < 0)) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."ordered_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($39 AS TIMESTAMP) THEN CAST($40 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."ordered_at"))) / 86400.0 AS age_days FROM "orders" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "orders" GROUP BY "order_id") g) u) r) x) "q_orders" UNION ALL SELECT $41 AS ord, $42 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__customer_id") + 4 * (n - "c__at") + 4 * (n - "c__kind") + (CASE WHEN "c__quantity" > 0 THEN 1 ELSE 0 END) * (n - "c__quantity")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + (CASE WHEN "c__quantity" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $43 THEN 100.0
    WHEN age_days >= $44 THEN 0.0 ELSE 100.0 * ($45 - age_days) / $46 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."at") AS "c__at", count("t"."kind") AS "c__kind", count("t"."quantity") AS "c__quantity", count(*) FILTER (WHERE "t"."at" > CAST($47 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE ("t"."at" > CAST($48 AS TIMESTAMP))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($49 AS TIMESTAMP) THEN CAST($50 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."at"))) / 86400.0 AS age_days FROM "activity" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "activity" GROUP BY "customer_id", "at", "kind") g) u) r) x) "q_activity" UNION ALL SELECT $51 AS ord, $52 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__ticket_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__opened_at") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * (n - "c__channel") + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * (n - "c__category") + (CASE WHEN "c__priority" > 0 THEN 1 ELSE 0 END) * (n - "c__priority") + (CASE WHEN "c__first_response_at" > 0 THEN 1 ELSE 0 END) * (n - "c__first_response_at") + (CASE WHEN "c__resolved_at" > 0 THEN 1 ELSE 0 END) * (n - "c__resolved_at") + (CASE WHEN "c__status" > 0 THEN 1 ELSE 0 END) * (n - "c__status") + (CASE WHEN "c__csat" > 0 THEN 1 ELSE 0 END) * (n - "c__csat") + (CASE WHEN "c__text" > 0 THEN 1 ELSE 0 END) * (n - "c__text")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__priority" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__first_response_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__resolved_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__status" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__csat" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__text" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $53 THEN 100.0
    WHEN age_days >= $54 THEN 0.0 ELSE 100.0 * ($55 - age_days) / $56 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."ticket_id") AS "c__ticket_id", count("t"."customer_id") AS "c__customer_id", count("t"."opened_at") AS "c__opened_at", count("t"."kind") AS "c__kind", count("t"."channel") AS "c__channel", count("t"."category") AS "c__category", count("t"."priority") AS "c__priority", count("t"."first_response_at") AS "c__first_response_at", count("t"."resolved_at") AS "c__resolved_at", count("t"."status") AS "c__status", count("t"."csat") AS "c__csat", count("t"."text") AS "c__text", count(*) FILTER (WHERE "t"."opened_at" > CAST($57 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE NOT ("t"."kind" IN ($58, $59, $60))) AS "v__1", count(*) FILTER (WHERE NOT ("t"."priority" IN ($61, $62, $63, $64))) AS "v__2", count(*) FILTER (WHERE "t"."first_response_at" < "t"."opened_at") AS "v__3", count(*) FILTER (WHERE "t"."first_response_at" > CAST($65 AS TIMESTAMP)) AS "v__4", count(*) FILTER (WHERE "t"."resolved_at" < "t"."opened_at") AS "v__5", count(*) FILTER (WHERE "t"."resolved_at" > CAST($66 AS TIMESTAMP)) AS "v__6", count(*) FILTER (WHERE NOT ("t"."status" IN ($67, $68, $69, $70))) AS "v__7", count(*) FILTER (WHERE ("t"."csat" < $71 OR "t"."csat" > $72)) AS "v__8", count(*) FILTER (WHERE ("t"."opened_at" > CAST($73 AS TIMESTAMP)) OR (NOT ("t"."kind" IN ($74, $75, $76))) OR (NOT ("t"."priority" IN ($77, $78, $79, $80))) OR ("t"."first_response_at" < "t"."opened_at") OR ("t"."first_response_at" > CAST($81 AS TIMESTAMP)) OR ("t"."resolved_at" < "t"."opened_at") OR ("t"."resolved_at" > CAST($82 AS TIMESTAMP)) OR (NOT ("t"."status" IN ($83, $84, $85, $86))) OR (("t"."csat" < $87 OR "t"."csat" > $88))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."opened_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($89 AS TIMESTAMP) THEN CAST($90 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."opened_at"))) / 86400.0 AS age_days FROM "tickets" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "tickets" GROUP BY "ticket_id") g) u) r) x) "q_tickets" UNION ALL SELECT $91 AS ord, $92 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__response_id") + (CASE WHEN "c__respondent_type" > 0 THEN 1 ELSE 0 END) * (n - "c__respondent_type") + 4 * (n - "c__respondent_id") + 4 * (n - "c__answered_at") + 4 * (n - "c__kind") + (CASE WHEN "c__score" > 0 THEN 1 ELSE 0 END) * (n - "c__score") + (CASE WHEN "c__comment" > 0 THEN 1 ELSE 0 END) * (n - "c__comment")) AS DOUBLE) / NULLIF(CAST((4 * n + (CASE WHEN "c__respondent_type" > 0 THEN 1 ELSE 0 END) * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__score" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__comment" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__respondent_id") AS DOUBLE) / NULLIF(CAST(("rc__respondent_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $93 THEN 100.0
    WHEN age_days >= $94 THEN 0.0 ELSE 100.0 * ($95 - age_days) / $96 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."response_id") AS "c__response_id", count("t"."respondent_type") AS "c__respondent_type", count("t"."respondent_id") AS "c__respondent_id", count("t"."answered_at") AS "c__answered_at", count("t"."kind") AS "c__kind", count("t"."score") AS "c__score", count("t"."comment") AS "c__comment", count(*) FILTER (WHERE NOT ("t"."respondent_type" IN ($97, $98))) AS "v__0", count(*) FILTER (WHERE "t"."answered_at" > CAST($99 AS TIMESTAMP)) AS "v__1", count(*) FILTER (WHERE NOT ("t"."kind" IN ($100, $101, $102, $103, $104))) AS "v__2", count(*) FILTER (WHERE ("t"."score" < $105 OR "t"."score" > $106)) AS "v__3", count(*) FILTER (WHERE (NOT ("t"."respondent_type" IN ($107, $108))) OR ("t"."answered_at" > CAST($109 AS TIMESTAMP)) OR (NOT ("t"."kind" IN ($110, $111, $112, $113, $114))) OR (("t"."score" < $115 OR "t"."score" > $116))) AS v__any, count(*) FILTER (WHERE "t"."respondent_id" IS NOT NULL AND coalesce("t"."respondent_type", $117) = $118) AS "rc__respondent_id", count(*) FILTER (WHERE "t"."respondent_id" IS NOT NULL AND coalesce("t"."respondent_type", $119) = $120 AND "r0"."rid" IS NULL) AS "ro__respondent_id", max("t"."answered_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($121 AS TIMESTAMP) THEN CAST($122 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."answered_at"))) / 86400.0 AS age_days FROM "surveys" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."respondent_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "surveys" GROUP BY "response_id") g) u) r) x) "q_surveys" UNION ALL SELECT $123 AS ord, $124 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__customer_id") + 4 * (n - "c__churned_at") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * (n - "c__category") + (CASE WHEN "c__reason" > 0 THEN 1 ELSE 0 END) * (n - "c__reason") + (CASE WHEN "c__competitor" > 0 THEN 1 ELSE 0 END) * (n - "c__competitor") + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * (n - "c__note")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__reason" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__competitor" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $125 THEN 100.0
    WHEN age_days >= $126 THEN 0.0 ELSE 100.0 * ($127 - age_days) / $128 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."churned_at") AS "c__churned_at", count("t"."kind") AS "c__kind", count("t"."category") AS "c__category", count("t"."reason") AS "c__reason", count("t"."competitor") AS "c__competitor", count("t"."note") AS "c__note", count(*) FILTER (WHERE "t"."churned_at" > CAST($129 AS TIMESTAMP)) AS "v__0", count(*) FILTER (WHERE NOT ("t"."kind" IN ($130, $131))) AS "v__1", count(*) FILTER (WHERE NOT ("t"."category" IN ($132, $133, $134, $135, $136, $137))) AS "v__2", count(*) FILTER (WHERE ("t"."churned_at" > CAST($138 AS TIMESTAMP)) OR (NOT ("t"."kind" IN ($139, $140))) OR (NOT ("t"."category" IN ($141, $142, $143, $144, $145, $146)))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."churned_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($147 AS TIMESTAMP) THEN CAST($148 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."churned_at"))) / 86400.0 AS age_days FROM "churn_events" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "churn_events" GROUP BY "customer_id", "churned_at") g) u) r) x) "q_churn_events" UNION ALL SELECT $149 AS ord, $150 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__period_start") + 4 * (n - "c__period_end") + 4 * (n - "c__category") + 4 * (n - "c__amount") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * (n - "c__segment")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS integrity, (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."period_start") AS "c__period_start", count("t"."period_end") AS "c__period_end", count("t"."category") AS "c__category", count("t"."amount") AS "c__amount", count("t"."currency") AS "c__currency", count("t"."segment") AS "c__segment", count(*) FILTER (WHERE "t"."period_end" < "t"."period_start") AS "v__0", count(*) FILTER (WHERE NOT ("t"."category" IN ($151, $152, $153, $154, $155, $156))) AS "v__1", count(*) FILTER (WHERE "t"."amount" < 0) AS "v__2", count(*) FILTER (WHERE ("t"."period_end" < "t"."period_start") OR (NOT ("t"."category" IN ($157, $158, $159, $160, $161, $162))) OR ("t"."amount" < 0)) AS v__any FROM "costs" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "costs" GROUP BY "period_start", "period_end", "category", "segment") g) u) r) x) "q_costs" UNION ALL SELECT $163 AS ord, $164 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__campaign_id") + 4 * (n - "c__name") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + 4 * (n - "c__started_at") + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * (n - "c__ended_at") + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * (n - "c__cost")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= $165 THEN 100.0
    WHEN age_days >= $166 THEN 0.0 ELSE 100.0 * ($167 - age_days) / $168 END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."campaign_id") AS "c__campaign_id", count("t"."name") AS "c__name", count("t"."kind") AS "c__kind", count("t"."started_at") AS "c__started_at", count("t"."ended_at") AS "c__ended_at", count("t"."cost") AS "c__cost", count(*) FILTER (WHERE "t"."ended_at" < "t"."started_at") AS "v__0", count(*) FILTER (WHERE "t"."cost" < 0) AS "v__1", count(*) FILTER (WHERE ("t"."ended_at" < "t"."started_at") OR ("t"."cost" < 0)) AS v__any, max("t"."started_at") AS newest, (epoch((SELECT CASE WHEN max(m) IS NULL OR max(m) > CAST($169 AS TIMESTAMP) THEN CAST($170 AS TIMESTAMP) ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends)) - epoch(max("t"."started_at"))) / 86400.0 AS age_days FROM "campaigns" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "campaigns" GROUP BY "campaign_id") g) u) r) x) "q_campaigns" UNION ALL SELECT $171 AS ord, $172 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__campaign_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__group") + (CASE WHEN "c__assigned_at" > 0 THEN 1 ELSE 0 END) * (n - "c__assigned_at")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + (CASE WHEN "c__assigned_at" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(("ro__customer_id") AS DOUBLE) / NULLIF(CAST(("rc__customer_id") AS DOUBLE), 0))) AS integrity, (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."campaign_id") AS "c__campaign_id", count("t"."customer_id") AS "c__customer_id", count("t"."group") AS "c__group", count("t"."assigned_at") AS "c__assigned_at", count(*) FILTER (WHERE NOT ("t"."group" IN ($173, $174))) AS "v__0", count(*) FILTER (WHERE "t"."assigned_at" > CAST($175 AS TIMESTAMP)) AS "v__1", count(*) FILTER (WHERE (NOT ("t"."group" IN ($176, $177))) OR ("t"."assigned_at" > CAST($178 AS TIMESTAMP))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id" FROM "campaign_members" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "campaign_members" GROUP BY "campaign_id", "customer_id") g) u) r) x) "q_campaign_members" UNION ALL SELECT $179 AS ord, $180 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__source") + 4 * (n - "c__metric") + 4 * (n - "c__period_start") + (CASE WHEN "c__period_end" > 0 THEN 1 ELSE 0 END) * (n - "c__period_end") + 4 * (n - "c__value") + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * (n - "c__segment") + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * (n - "c__note")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n + (CASE WHEN "c__period_end" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS integrity, (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."source") AS "c__source", count("t"."metric") AS "c__metric", count("t"."period_start") AS "c__period_start", count("t"."period_end") AS "c__period_end", count("t"."value") AS "c__value", count("t"."segment") AS "c__segment", count("t"."note") AS "c__note", count(*) FILTER (WHERE "t"."period_end" < "t"."period_start") AS "v__0", count(*) FILTER (WHERE ("t"."period_end" < "t"."period_start")) AS v__any FROM "benchmarks" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "benchmarks" GROUP BY "source", "metric", "period_start", "segment") g) u) r) x) "q_benchmarks" UNION ALL SELECT $181 AS ord, $182 AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (CAST((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0)) AS DOUBLE) / NULLIF(CAST(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END)) AS DOUBLE), 0)) AS score FROM (SELECT *, 100 * (1 - (CAST((4 * (n - "c__currency") + 4 * (n - "c__rate_date") + 4 * (n - "c__rate")) AS DOUBLE) / NULLIF(CAST((4 * n + 4 * n + 4 * n) AS DOUBLE), 0))) AS completeness, 100 * (1 - (CAST(v__any AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS validity,
      100 * (1 - (CAST(n - distinct_keys AS DOUBLE) / NULLIF(CAST(n AS DOUBLE), 0))) AS uniqueness, 100 * (1 - (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))) AS integrity, (CAST(0 AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."currency") AS "c__currency", count("t"."rate_date") AS "c__rate_date", count("t"."rate") AS "c__rate", 0 AS v__any FROM "exchange_rates" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "exchange_rates" GROUP BY "currency", "rate_date") g) u) r) x) "q_exchange_rates")
    SELECT $183 AS k, key_entity, "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score FROM (
      SELECT ord, key_entity, "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score FROM e
      UNION ALL SELECT $184 AS ord, 'overall' AS key_entity, sum("rows") AS "rows", (CAST(sum(CAST(round(coalesce("completeness", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("completeness") * 1000000000 AS DOUBLE), 0)) AS "completeness", (CAST(sum(CAST(round(coalesce("validity", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("validity") * 1000000000 AS DOUBLE), 0)) AS "validity", (CAST(sum(CAST(round(coalesce("integrity", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("integrity") * 1000000000 AS DOUBLE), 0)) AS "integrity", (CAST(sum(CAST(round(coalesce("uniqueness", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("uniqueness") * 1000000000 AS DOUBLE), 0)) AS "uniqueness", (CAST(sum(CAST(round(coalesce("freshness", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("freshness") * 1000000000 AS DOUBLE), 0)) AS "freshness", (CAST(sum(CAST(round(coalesce("score", 0) * 1000000000) AS BIGINT)) AS DOUBLE) / NULLIF(CAST(count("score") * 1000000000 AS DOUBLE), 0)) AS "score"
        FROM e WHERE score IS NOT NULL) a
    ORDER BY ord
