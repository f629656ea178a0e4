-- data_quality (base quality) on clickhouse
-- {p1:Int64} = 0
-- {p2:String} = 'customers'
-- {p3:Int64} = 7
-- {p4:Int64} = 90
-- {p5:Int64} = 90
-- {p6:Int64} = 83
-- {p7:String} = '2024-04-01 00:00:00'
-- {p8:String} = '2024-04-01 00:00:00'
-- {p9:String} = '2024-04-01 00:00:00'
-- {p10:String} = '2024-04-01 00:00:00'
-- {p11:Int64} = 1
-- {p12:String} = 'subscriptions'
-- {p13:Int64} = 7
-- {p14:Int64} = 90
-- {p15:Int64} = 90
-- {p16:Int64} = 83
-- {p17:String} = '2024-04-01 00:00:00'
-- {p18:String} = 'month'
-- {p19:String} = 'quarter'
-- {p20:String} = 'year'
-- {p21:String} = 'week'
-- {p22:String} = '2024-04-01 00:00:00'
-- {p23:String} = '2024-04-01 00:00:00'
-- {p24:String} = 'month'
-- {p25:String} = 'quarter'
-- {p26:String} = 'year'
-- {p27:String} = 'week'
-- {p28:String} = '2024-04-01 00:00:00'
-- {p29:String} = '2024-04-01 00:00:00'
-- {p30:String} = '2024-04-01 00:00:00'
-- {p31:Int64} = 2
-- {p32:String} = 'orders'
-- {p33:Int64} = 7
-- {p34:Int64} = 90
-- {p35:Int64} = 90
-- {p36:Int64} = 83
-- {p37:String} = '2024-04-01 00:00:00'
-- {p38:String} = '2024-04-01 00:00:00'
-- {p39:String} = '2024-04-01 00:00:00'
-- {p40:String} = '2024-04-01 00:00:00'
-- {p41:Int64} = 3
-- {p42:String} = 'activity'
-- {p43:Int64} = 7
-- {p44:Int64} = 90
-- {p45:Int64} = 90
-- {p46:Int64} = 83
-- {p47:String} = '2024-04-01 00:00:00'
-- {p48:String} = '2024-04-01 00:00:00'
-- {p49:String} = '2024-04-01 00:00:00'
-- {p50:String} = '2024-04-01 00:00:00'
-- {p51:Int64} = 4
-- {p52:String} = 'tickets'
-- {p53:Int64} = 7
-- {p54:Int64} = 90
-- {p55:Int64} = 90
-- {p56:Int64} = 83
-- {p57:String} = '2024-04-01 00:00:00'
-- {p58:String} = 'complaint'
-- {p59:String} = 'service_request'
-- {p60:String} = 'inquiry'
-- {p61:String} = 'low'
-- {p62:String} = 'normal'
-- {p63:String} = 'high'
-- {p64:String} = 'urgent'
-- {p65:String} = '2024-04-01 00:00:00'
-- {p66:String} = '2024-04-01 00:00:00'
-- {p67:String} = 'open'
-- {p68:String} = 'pending'
-- {p69:String} = 'resolved'
-- {p70:String} = 'closed'
-- {p71:Int64} = 1
-- {p72:Int64} = 5
-- {p73:String} = '2024-04-01 00:00:00'
-- {p74:String} = 'complaint'
-- {p75:String} = 'service_request'
-- {p76:String} = 'inquiry'
-- {p77:String} = 'low'
-- {p78:String} = 'normal'
-- {p79:String} = 'high'
-- {p80:String} = 'urgent'
-- {p81:String} = '2024-04-01 00:00:00'
-- {p82:String} = '2024-04-01 00:00:00'
-- {p83:String} = 'open'
-- {p84:String} = 'pending'
-- {p85:String} = 'resolved'
-- {p86:String} = 'closed'
-- {p87:Int64} = 1
-- {p88:Int64} = 5
-- {p89:String} = '2024-04-01 00:00:00'
-- {p90:String} = '2024-04-01 00:00:00'
-- {p91:Int64} = 5
-- {p92:String} = 'surveys'
-- {p93:Int64} = 7
-- {p94:Int64} = 90
-- {p95:Int64} = 90
-- {p96:Int64} = 83
-- {p97:String} = 'customer'
-- {p98:String} = 'employee'
-- {p99:String} = '2024-04-01 00:00:00'
-- {p100:String} = 'nps'
-- {p101:String} = 'csat'
-- {p102:String} = 'ces'
-- {p103:String} = 'exit'
-- {p104:String} = 'employee'
-- {p105:Int64} = 0
-- {p106:Int64} = 10
-- {p107:String} = 'customer'
-- {p108:String} = 'employee'
-- {p109:String} = '2024-04-01 00:00:00'
-- {p110:String} = 'nps'
-- {p111:String} = 'csat'
-- {p112:String} = 'ces'
-- {p113:String} = 'exit'
-- {p114:String} = 'employee'
-- {p115:Int64} = 0
-- {p116:Int64} = 10
-- {p117:String} = 'customer'
-- {p118:String} = 'customer'
-- {p119:String} = 'customer'
-- {p120:String} = 'customer'
-- {p121:String} = '2024-04-01 00:00:00'
-- {p122:String} = '2024-04-01 00:00:00'
-- {p123:Int64} = 6
-- {p124:String} = 'churn_events'
-- {p125:Int64} = 7
-- {p126:Int64} = 90
-- {p127:Int64} = 90
-- {p128:Int64} = 83
-- {p129:String} = '2024-04-01 00:00:00'
-- {p130:String} = 'voluntary'
-- {p131:String} = 'involuntary'
-- {p132:String} = 'natural'
-- {p133:String} = 'competitive'
-- {p134:String} = 'fault'
-- {p135:String} = 'non_malicious'
-- {p136:String} = 'retaliatory'
-- {p137:String} = 'malicious'
-- {p138:String} = '2024-04-01 00:00:00'
-- {p139:String} = 'voluntary'
-- {p140:String} = 'involuntary'
-- {p141:String} = 'natural'
-- {p142:String} = 'competitive'
-- {p143:String} = 'fault'
-- {p144:String} = 'non_malicious'
-- {p145:String} = 'retaliatory'
-- {p146:String} = 'malicious'
-- {p147:String} = '2024-04-01 00:00:00'
-- {p148:String} = '2024-04-01 00:00:00'
-- {p149:Int64} = 7
-- {p150:String} = 'costs'
-- {p151:String} = 'acquisition'
-- {p152:String} = 'retention'
-- {p153:String} = 'service'
-- {p154:String} = 'care'
-- {p155:String} = 'product_update'
-- {p156:String} = 'crm'
-- {p157:String} = 'acquisition'
-- {p158:String} = 'retention'
-- {p159:String} = 'service'
-- {p160:String} = 'care'
-- {p161:String} = 'product_update'
-- {p162:String} = 'crm'
-- {p163:Int64} = 8
-- {p164:String} = 'campaigns'
-- {p165:Int64} = 7
-- {p166:Int64} = 90
-- {p167:Int64} = 90
-- {p168:Int64} = 83
-- {p169:String} = '2024-04-01 00:00:00'
-- {p170:String} = '2024-04-01 00:00:00'
-- {p171:Int64} = 9
-- {p172:String} = 'campaign_members'
-- {p173:String} = 'treatment'
-- {p174:String} = 'control'
-- {p175:String} = '2024-04-01 00:00:00'
-- {p176:String} = 'treatment'
-- {p177:String} = 'control'
-- {p178:String} = '2024-04-01 00:00:00'
-- {p179:Int64} = 10
-- {p180:String} = 'benchmarks'
-- {p181:Int64} = 11
-- {p182:String} = 'exchange_rates'
-- {p183:Int64} = 2
-- {p184:Int64} = 12
WITH e AS (SELECT {p1:Int64} AS ord, {p2:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__customer_id") + (CASE WHEN "c__name" > 0 THEN 1 ELSE 0 END) * (n - "c__name") + 4 * (n - "c__created_at") + (CASE WHEN "c__region" > 0 THEN 1 ELSE 0 END) * (n - "c__region") + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * (n - "c__product_line") + (CASE WHEN "c__customer_type" > 0 THEN 1 ELSE 0 END) * (n - "c__customer_type") + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * (n - "c__channel") + (CASE WHEN "c__acquisition_cost" > 0 THEN 1 ELSE 0 END) * (n - "c__acquisition_cost"))) / nullIf(toFloat64((4 * n + (CASE WHEN "c__name" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__region" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__customer_type" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__acquisition_cost" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(0) / nullIf(toFloat64(0), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p3:Int64} THEN 100.0
    WHEN age_days >= {p4:Int64} THEN 0.0 ELSE 100.0 * ({p5:Int64} - age_days) / {p6:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."name") AS "c__name", count("t"."created_at") AS "c__created_at", count("t"."region") AS "c__region", count("t"."product_line") AS "c__product_line", count("t"."customer_type") AS "c__customer_type", count("t"."channel") AS "c__channel", count("t"."acquisition_cost") AS "c__acquisition_cost", count(*) FILTER (WHERE "t"."created_at" > toDateTime64({p7:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE "t"."acquisition_cost" < 0) AS "v__1", count(*) FILTER (WHERE ("t"."created_at" > toDateTime64({p8:String}, 6, 'UTC')) OR ("t"."acquisition_cost" < 0)) AS v__any, max("t"."created_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p9:String}, 6, 'UTC') THEN toDateTime64({p10:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."created_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "customers" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "customers" GROUP BY "customer_id") g) u) r) x) "q_customers" UNION ALL SELECT {p11:Int64} AS ord, {p12:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__subscription_id") + 4 * (n - "c__customer_id") + (CASE WHEN "c__plan" > 0 THEN 1 ELSE 0 END) * (n - "c__plan") + 4 * (n - "c__started_at") + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * (n - "c__ended_at") + 4 * (n - "c__mrr") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__billing_period" > 0 THEN 1 ELSE 0 END) * (n - "c__billing_period") + (CASE WHEN "c__cancel_requested_at" > 0 THEN 1 ELSE 0 END) * (n - "c__cancel_requested_at"))) / nullIf(toFloat64((4 * n + 4 * n + (CASE WHEN "c__plan" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__billing_period" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__cancel_requested_at" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p13:Int64} THEN 100.0
    WHEN age_days >= {p14:Int64} THEN 0.0 ELSE 100.0 * ({p15:Int64} - age_days) / {p16:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."subscription_id") AS "c__subscription_id", count("t"."customer_id") AS "c__customer_id", count("t"."plan") AS "c__plan", count("t"."started_at") AS "c__started_at", count("t"."ended_at") AS "c__ended_at", count("t"."mrr") AS "c__mrr", count("t"."currency") AS "c__currency", count("t"."billing_period") AS "c__billing_period", count("t"."cancel_requested_at") AS "c__cancel_requested_at", count(*) FILTER (WHERE "t"."started_at" > toDateTime64({p17:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE "t"."ended_at" < "t"."started_at") AS "v__1", count(*) FILTER (WHERE "t"."mrr" < 0) AS "v__2", count(*) FILTER (WHERE NOT ("t"."billing_period" IN ({p18:String}, {p19:String}, {p20:String}, {p21:String}))) AS "v__3", count(*) FILTER (WHERE "t"."cancel_requested_at" < "t"."started_at") AS "v__4", count(*) FILTER (WHERE "t"."cancel_requested_at" > toDateTime64({p22:String}, 6, 'UTC')) AS "v__5", count(*) FILTER (WHERE ("t"."started_at" > toDateTime64({p23:String}, 6, 'UTC')) OR ("t"."ended_at" < "t"."started_at") OR ("t"."mrr" < 0) OR (NOT ("t"."billing_period" IN ({p24:String}, {p25:String}, {p26:String}, {p27:String}))) OR ("t"."cancel_requested_at" < "t"."started_at") OR ("t"."cancel_requested_at" > toDateTime64({p28:String}, 6, 'UTC'))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."started_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p29:String}, 6, 'UTC') THEN toDateTime64({p30:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."started_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "subscriptions" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "subscriptions" GROUP BY "subscription_id") g) u) r) x) "q_subscriptions" UNION ALL SELECT {p31:Int64} AS ord, {p32:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__order_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__ordered_at") + 4 * (n - "c__amount") + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * (n - "c__cost") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * (n - "c__product_line"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__product_line" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p33:Int64} THEN 100.0
    WHEN age_days >= {p34:Int64} THEN 0.0 ELSE 100.0 * ({p35:Int64} - age_days) / {p36:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."order_id") AS "c__order_id", count("t"."customer_id") AS "c__customer_id", count("t"."ordered_at") AS "c__ordered_at", count("t"."amount") AS "c__amount", count("t"."cost") AS "c__cost", count("t"."currency") AS "c__currency", count("t"."product_line") AS "c__product_line", count(*) FILTER (WHERE "t"."ordered_at" > toDateTime64({p37:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE "t"."amount" < 0) AS "v__1", count(*) FILTER (WHERE "t"."cost" < 0) AS "v__2", count(*) FILTER (WHERE ("t"."ordered_at" > toDateTime64({p38:String}, 6, 'UTC')) OR ("t"."amount" < 0) OR ("t"."cost" < 0)) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."ordered_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p39:String}, 6, 'UTC') THEN toDateTime64({p40:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."ordered_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "orders" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "orders" GROUP BY "order_id") g) u) r) x) "q_orders" UNION ALL SELECT {p41:Int64} AS ord, {p42:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__customer_id") + 4 * (n - "c__at") + 4 * (n - "c__kind") + (CASE WHEN "c__quantity" > 0 THEN 1 ELSE 0 END) * (n - "c__quantity"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + (CASE WHEN "c__quantity" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p43:Int64} THEN 100.0
    WHEN age_days >= {p44:Int64} THEN 0.0 ELSE 100.0 * ({p45:Int64} - age_days) / {p46:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."at") AS "c__at", count("t"."kind") AS "c__kind", count("t"."quantity") AS "c__quantity", count(*) FILTER (WHERE "t"."at" > toDateTime64({p47:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE ("t"."at" > toDateTime64({p48:String}, 6, 'UTC'))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p49:String}, 6, 'UTC') THEN toDateTime64({p50:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "activity" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "activity" GROUP BY "customer_id", "at", "kind") g) u) r) x) "q_activity" UNION ALL SELECT {p51:Int64} AS ord, {p52:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__ticket_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__opened_at") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * (n - "c__channel") + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * (n - "c__category") + (CASE WHEN "c__priority" > 0 THEN 1 ELSE 0 END) * (n - "c__priority") + (CASE WHEN "c__first_response_at" > 0 THEN 1 ELSE 0 END) * (n - "c__first_response_at") + (CASE WHEN "c__resolved_at" > 0 THEN 1 ELSE 0 END) * (n - "c__resolved_at") + (CASE WHEN "c__status" > 0 THEN 1 ELSE 0 END) * (n - "c__status") + (CASE WHEN "c__csat" > 0 THEN 1 ELSE 0 END) * (n - "c__csat") + (CASE WHEN "c__text" > 0 THEN 1 ELSE 0 END) * (n - "c__text"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__channel" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__priority" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__first_response_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__resolved_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__status" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__csat" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__text" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p53:Int64} THEN 100.0
    WHEN age_days >= {p54:Int64} THEN 0.0 ELSE 100.0 * ({p55:Int64} - age_days) / {p56:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."ticket_id") AS "c__ticket_id", count("t"."customer_id") AS "c__customer_id", count("t"."opened_at") AS "c__opened_at", count("t"."kind") AS "c__kind", count("t"."channel") AS "c__channel", count("t"."category") AS "c__category", count("t"."priority") AS "c__priority", count("t"."first_response_at") AS "c__first_response_at", count("t"."resolved_at") AS "c__resolved_at", count("t"."status") AS "c__status", count("t"."csat") AS "c__csat", count("t"."text") AS "c__text", count(*) FILTER (WHERE "t"."opened_at" > toDateTime64({p57:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE NOT ("t"."kind" IN ({p58:String}, {p59:String}, {p60:String}))) AS "v__1", count(*) FILTER (WHERE NOT ("t"."priority" IN ({p61:String}, {p62:String}, {p63:String}, {p64:String}))) AS "v__2", count(*) FILTER (WHERE "t"."first_response_at" < "t"."opened_at") AS "v__3", count(*) FILTER (WHERE "t"."first_response_at" > toDateTime64({p65:String}, 6, 'UTC')) AS "v__4", count(*) FILTER (WHERE "t"."resolved_at" < "t"."opened_at") AS "v__5", count(*) FILTER (WHERE "t"."resolved_at" > toDateTime64({p66:String}, 6, 'UTC')) AS "v__6", count(*) FILTER (WHERE NOT ("t"."status" IN ({p67:String}, {p68:String}, {p69:String}, {p70:String}))) AS "v__7", count(*) FILTER (WHERE ("t"."csat" < {p71:Int64} OR "t"."csat" > {p72:Int64})) AS "v__8", count(*) FILTER (WHERE ("t"."opened_at" > toDateTime64({p73:String}, 6, 'UTC')) OR (NOT ("t"."kind" IN ({p74:String}, {p75:String}, {p76:String}))) OR (NOT ("t"."priority" IN ({p77:String}, {p78:String}, {p79:String}, {p80:String}))) OR ("t"."first_response_at" < "t"."opened_at") OR ("t"."first_response_at" > toDateTime64({p81:String}, 6, 'UTC')) OR ("t"."resolved_at" < "t"."opened_at") OR ("t"."resolved_at" > toDateTime64({p82:String}, 6, 'UTC')) OR (NOT ("t"."status" IN ({p83:String}, {p84:String}, {p85:String}, {p86:String}))) OR (("t"."csat" < {p87:Int64} OR "t"."csat" > {p88:Int64}))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."opened_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p89:String}, 6, 'UTC') THEN toDateTime64({p90:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."opened_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "tickets" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "tickets" GROUP BY "ticket_id") g) u) r) x) "q_tickets" UNION ALL SELECT {p91:Int64} AS ord, {p92:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__response_id") + (CASE WHEN "c__respondent_type" > 0 THEN 1 ELSE 0 END) * (n - "c__respondent_type") + 4 * (n - "c__respondent_id") + 4 * (n - "c__answered_at") + 4 * (n - "c__kind") + (CASE WHEN "c__score" > 0 THEN 1 ELSE 0 END) * (n - "c__score") + (CASE WHEN "c__comment" > 0 THEN 1 ELSE 0 END) * (n - "c__comment"))) / nullIf(toFloat64((4 * n + (CASE WHEN "c__respondent_type" > 0 THEN 1 ELSE 0 END) * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__score" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__comment" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__respondent_id")) / nullIf(toFloat64(("rc__respondent_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p93:Int64} THEN 100.0
    WHEN age_days >= {p94:Int64} THEN 0.0 ELSE 100.0 * ({p95:Int64} - age_days) / {p96:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."response_id") AS "c__response_id", count("t"."respondent_type") AS "c__respondent_type", count("t"."respondent_id") AS "c__respondent_id", count("t"."answered_at") AS "c__answered_at", count("t"."kind") AS "c__kind", count("t"."score") AS "c__score", count("t"."comment") AS "c__comment", count(*) FILTER (WHERE NOT ("t"."respondent_type" IN ({p97:String}, {p98:String}))) AS "v__0", count(*) FILTER (WHERE "t"."answered_at" > toDateTime64({p99:String}, 6, 'UTC')) AS "v__1", count(*) FILTER (WHERE NOT ("t"."kind" IN ({p100:String}, {p101:String}, {p102:String}, {p103:String}, {p104:String}))) AS "v__2", count(*) FILTER (WHERE ("t"."score" < {p105:Int64} OR "t"."score" > {p106:Int64})) AS "v__3", count(*) FILTER (WHERE (NOT ("t"."respondent_type" IN ({p107:String}, {p108:String}))) OR ("t"."answered_at" > toDateTime64({p109:String}, 6, 'UTC')) OR (NOT ("t"."kind" IN ({p110:String}, {p111:String}, {p112:String}, {p113:String}, {p114:String}))) OR (("t"."score" < {p115:Int64} OR "t"."score" > {p116:Int64}))) AS v__any, count(*) FILTER (WHERE "t"."respondent_id" IS NOT NULL AND coalesce("t"."respondent_type", {p117:String}) = {p118:String}) AS "rc__respondent_id", count(*) FILTER (WHERE "t"."respondent_id" IS NOT NULL AND coalesce("t"."respondent_type", {p119:String}) = {p120:String} AND "r0"."rid" IS NULL) AS "ro__respondent_id", max("t"."answered_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p121:String}, 6, 'UTC') THEN toDateTime64({p122:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."answered_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "surveys" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."respondent_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "surveys" GROUP BY "response_id") g) u) r) x) "q_surveys" UNION ALL SELECT {p123:Int64} AS ord, {p124:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__customer_id") + 4 * (n - "c__churned_at") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * (n - "c__category") + (CASE WHEN "c__reason" > 0 THEN 1 ELSE 0 END) * (n - "c__reason") + (CASE WHEN "c__competitor" > 0 THEN 1 ELSE 0 END) * (n - "c__competitor") + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * (n - "c__note"))) / nullIf(toFloat64((4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__category" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__reason" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__competitor" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p125:Int64} THEN 100.0
    WHEN age_days >= {p126:Int64} THEN 0.0 ELSE 100.0 * ({p127:Int64} - age_days) / {p128:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."customer_id") AS "c__customer_id", count("t"."churned_at") AS "c__churned_at", count("t"."kind") AS "c__kind", count("t"."category") AS "c__category", count("t"."reason") AS "c__reason", count("t"."competitor") AS "c__competitor", count("t"."note") AS "c__note", count(*) FILTER (WHERE "t"."churned_at" > toDateTime64({p129:String}, 6, 'UTC')) AS "v__0", count(*) FILTER (WHERE NOT ("t"."kind" IN ({p130:String}, {p131:String}))) AS "v__1", count(*) FILTER (WHERE NOT ("t"."category" IN ({p132:String}, {p133:String}, {p134:String}, {p135:String}, {p136:String}, {p137:String}))) AS "v__2", count(*) FILTER (WHERE ("t"."churned_at" > toDateTime64({p138:String}, 6, 'UTC')) OR (NOT ("t"."kind" IN ({p139:String}, {p140:String}))) OR (NOT ("t"."category" IN ({p141:String}, {p142:String}, {p143:String}, {p144:String}, {p145:String}, {p146:String})))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id", max("t"."churned_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p147:String}, 6, 'UTC') THEN toDateTime64({p148:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."churned_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "churn_events" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "churn_events" GROUP BY "customer_id", "churned_at") g) u) r) x) "q_churn_events" UNION ALL SELECT {p149:Int64} AS ord, {p150:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__period_start") + 4 * (n - "c__period_end") + 4 * (n - "c__category") + 4 * (n - "c__amount") + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * (n - "c__currency") + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * (n - "c__segment"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + 4 * n + (CASE WHEN "c__currency" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(0) / nullIf(toFloat64(0), 0))) AS integrity, (toFloat64(0) / nullIf(toFloat64(0), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."period_start") AS "c__period_start", count("t"."period_end") AS "c__period_end", count("t"."category") AS "c__category", count("t"."amount") AS "c__amount", count("t"."currency") AS "c__currency", count("t"."segment") AS "c__segment", count(*) FILTER (WHERE "t"."period_end" < "t"."period_start") AS "v__0", count(*) FILTER (WHERE NOT ("t"."category" IN ({p151:String}, {p152:String}, {p153:String}, {p154:String}, {p155:String}, {p156:String}))) AS "v__1", count(*) FILTER (WHERE "t"."amount" < 0) AS "v__2", count(*) FILTER (WHERE ("t"."period_end" < "t"."period_start") OR (NOT ("t"."category" IN ({p157:String}, {p158:String}, {p159:String}, {p160:String}, {p161:String}, {p162:String}))) OR ("t"."amount" < 0)) AS v__any FROM "costs" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "costs" GROUP BY "period_start", "period_end", "category", "segment") g) u) r) x) "q_costs" UNION ALL SELECT {p163:Int64} AS ord, {p164:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__campaign_id") + 4 * (n - "c__name") + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * (n - "c__kind") + 4 * (n - "c__started_at") + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * (n - "c__ended_at") + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * (n - "c__cost"))) / nullIf(toFloat64((4 * n + 4 * n + (CASE WHEN "c__kind" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__ended_at" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__cost" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(0) / nullIf(toFloat64(0), 0))) AS integrity, (CASE WHEN age_days IS NULL THEN NULL WHEN age_days <= {p165:Int64} THEN 100.0
    WHEN age_days >= {p166:Int64} THEN 0.0 ELSE 100.0 * ({p167:Int64} - age_days) / {p168:Int64} END) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."campaign_id") AS "c__campaign_id", count("t"."name") AS "c__name", count("t"."kind") AS "c__kind", count("t"."started_at") AS "c__started_at", count("t"."ended_at") AS "c__ended_at", count("t"."cost") AS "c__cost", count(*) FILTER (WHERE "t"."ended_at" < "t"."started_at") AS "v__0", count(*) FILTER (WHERE "t"."cost" < 0) AS "v__1", count(*) FILTER (WHERE ("t"."ended_at" < "t"."started_at") OR ("t"."cost" < 0)) AS v__any, max("t"."started_at") AS newest, ((toFloat64(toUnixTimestamp64Micro(toDateTime64((SELECT CASE WHEN max(m) IS NULL OR max(m) > toDateTime64({p169:String}, 6, 'UTC') THEN toDateTime64({p170:String}, 6, 'UTC') ELSE max(m) END
    FROM (SELECT max("created_at") AS m FROM "customers" UNION ALL SELECT max("started_at") AS m FROM "subscriptions" UNION ALL SELECT max("ordered_at") AS m FROM "orders" UNION ALL SELECT max("at") AS m FROM "activity" UNION ALL SELECT max("opened_at") AS m FROM "tickets" UNION ALL SELECT max("answered_at") AS m FROM "surveys" UNION ALL SELECT max("churned_at") AS m FROM "churn_events" UNION ALL SELECT max("started_at") AS m FROM "campaigns") ends), 6, 'UTC'))) / 1000000 - toFloat64(toUnixTimestamp64Micro(toDateTime64(max("t"."started_at"), 6, 'UTC'))) / 1000000) / 86400) AS age_days FROM "campaigns" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "campaigns" GROUP BY "campaign_id") g) u) r) x) "q_campaigns" UNION ALL SELECT {p171:Int64} AS ord, {p172:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__campaign_id") + 4 * (n - "c__customer_id") + 4 * (n - "c__group") + (CASE WHEN "c__assigned_at" > 0 THEN 1 ELSE 0 END) * (n - "c__assigned_at"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + (CASE WHEN "c__assigned_at" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(("ro__customer_id")) / nullIf(toFloat64(("rc__customer_id")), 0))) AS integrity, (toFloat64(0) / nullIf(toFloat64(0), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."campaign_id") AS "c__campaign_id", count("t"."customer_id") AS "c__customer_id", count("t"."group") AS "c__group", count("t"."assigned_at") AS "c__assigned_at", count(*) FILTER (WHERE NOT ("t"."group" IN ({p173:String}, {p174:String}))) AS "v__0", count(*) FILTER (WHERE "t"."assigned_at" > toDateTime64({p175:String}, 6, 'UTC')) AS "v__1", count(*) FILTER (WHERE (NOT ("t"."group" IN ({p176:String}, {p177:String}))) OR ("t"."assigned_at" > toDateTime64({p178:String}, 6, 'UTC'))) AS v__any, count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL) AS "rc__customer_id", count(*) FILTER (WHERE "t"."customer_id" IS NOT NULL AND "r0"."rid" IS NULL) AS "ro__customer_id" FROM "campaign_members" t LEFT JOIN (SELECT DISTINCT "customer_id" AS rid FROM "customers") "r0"
      ON "r0"."rid" = "t"."customer_id") s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "campaign_members" GROUP BY "campaign_id", "customer_id") g) u) r) x) "q_campaign_members" UNION ALL SELECT {p179:Int64} AS ord, {p180:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__source") + 4 * (n - "c__metric") + 4 * (n - "c__period_start") + (CASE WHEN "c__period_end" > 0 THEN 1 ELSE 0 END) * (n - "c__period_end") + 4 * (n - "c__value") + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * (n - "c__segment") + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * (n - "c__note"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n + (CASE WHEN "c__period_end" > 0 THEN 1 ELSE 0 END) * n + 4 * n + (CASE WHEN "c__segment" > 0 THEN 1 ELSE 0 END) * n + (CASE WHEN "c__note" > 0 THEN 1 ELSE 0 END) * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(n), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(0) / nullIf(toFloat64(0), 0))) AS integrity, (toFloat64(0) / nullIf(toFloat64(0), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."source") AS "c__source", count("t"."metric") AS "c__metric", count("t"."period_start") AS "c__period_start", count("t"."period_end") AS "c__period_end", count("t"."value") AS "c__value", count("t"."segment") AS "c__segment", count("t"."note") AS "c__note", count(*) FILTER (WHERE "t"."period_end" < "t"."period_start") AS "v__0", count(*) FILTER (WHERE ("t"."period_end" < "t"."period_start")) AS v__any FROM "benchmarks" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "benchmarks" GROUP BY "source", "metric", "period_start", "segment") g) u) r) x) "q_benchmarks" UNION ALL SELECT {p181:Int64} AS ord, {p182:String} AS key_entity, n AS "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score
        FROM (SELECT *, (toFloat64((30 * coalesce("completeness", 0) + 25 * coalesce("validity", 0) + 20 * coalesce("integrity", 0) + 15 * coalesce("uniqueness", 0) + 10 * coalesce("freshness", 0))) / nullIf(toFloat64(((CASE WHEN "completeness" IS NULL THEN 0 ELSE 30 END) + (CASE WHEN "validity" IS NULL THEN 0 ELSE 25 END) + (CASE WHEN "integrity" IS NULL THEN 0 ELSE 20 END) + (CASE WHEN "uniqueness" IS NULL THEN 0 ELSE 15 END) + (CASE WHEN "freshness" IS NULL THEN 0 ELSE 10 END))), 0)) AS score FROM (SELECT *, 100 * (1 - (toFloat64((4 * (n - "c__currency") + 4 * (n - "c__rate_date") + 4 * (n - "c__rate"))) / nullIf(toFloat64((4 * n + 4 * n + 4 * n)), 0))) AS completeness, 100 * (1 - (toFloat64(v__any) / nullIf(toFloat64(0), 0))) AS validity,
      100 * (1 - (toFloat64(n - distinct_keys) / nullIf(toFloat64(n), 0))) AS uniqueness, 100 * (1 - (toFloat64(0) / nullIf(toFloat64(0), 0))) AS integrity, (toFloat64(0) / nullIf(toFloat64(0), 0)) AS freshness
    FROM (SELECT * FROM (SELECT count(*) AS n, count("t"."currency") AS "c__currency", count("t"."rate_date") AS "c__rate_date", count("t"."rate") AS "c__rate", 0 AS v__any FROM "exchange_rates" t) s CROSS JOIN (SELECT count(*) AS distinct_keys, count(*) FILTER (WHERE m > 1) AS dup_groups,
        coalesce(sum(m) FILTER (WHERE m > 1), 0) AS dup_rows
      FROM (SELECT count(*) AS m FROM "exchange_rates" GROUP BY "currency", "rate_date") g) u) r) x) "q_exchange_rates")
    SELECT {p183:Int64} AS k, key_entity, "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score FROM (
      SELECT ord, key_entity, "rows", "completeness", "validity", "integrity", "uniqueness", "freshness", score FROM e
      UNION ALL SELECT {p184:Int64} AS ord, 'overall' AS key_entity, sum("rows") AS "rows", (toFloat64(sum(CAST(round(coalesce("completeness", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("completeness") * 1000000000), 0)) AS "completeness", (toFloat64(sum(CAST(round(coalesce("validity", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("validity") * 1000000000), 0)) AS "validity", (toFloat64(sum(CAST(round(coalesce("integrity", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("integrity") * 1000000000), 0)) AS "integrity", (toFloat64(sum(CAST(round(coalesce("uniqueness", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("uniqueness") * 1000000000), 0)) AS "uniqueness", (toFloat64(sum(CAST(round(coalesce("freshness", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("freshness") * 1000000000), 0)) AS "freshness", (toFloat64(sum(CAST(round(coalesce("score", 0) * 1000000000) AS BIGINT))) / nullIf(toFloat64(count("score") * 1000000000), 0)) AS "score"
        FROM e WHERE score IS NOT NULL) a
    ORDER BY ord
SETTINGS join_use_nulls = 1, aggregate_functions_null_for_empty = 1, cast_keep_nullable = 1, union_default_mode = 'DISTINCT', prefer_column_name_to_alias = 1, joined_subquery_requires_alias = 0, enable_extended_results_for_datetime_functions = 1, session_timezone = 'UTC', max_query_size = '268435456', max_ast_elements = '10000000', max_expanded_ast_elements = '10000000'
