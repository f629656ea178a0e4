CREATE TABLE IF NOT EXISTS "customers" ("customer_id" String, "name" Nullable(String), "created_at" DateTime64(6, 'UTC'), "region" LowCardinality(Nullable(String)), "product_line" LowCardinality(Nullable(String)), "customer_type" LowCardinality(Nullable(String)), "channel" LowCardinality(Nullable(String)), "acquisition_cost" Nullable(Decimal(18, 4)), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id");

CREATE TABLE IF NOT EXISTS "subscriptions" ("subscription_id" String, "customer_id" String, "plan" LowCardinality(Nullable(String)), "started_at" DateTime64(6, 'UTC'), "ended_at" Nullable(DateTime64(6, 'UTC')), "mrr" Decimal(18, 4), "currency" LowCardinality(Nullable(String)), "billing_period" LowCardinality(Nullable(String)), "cancel_requested_at" Nullable(DateTime64(6, 'UTC')), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "subscription_id");

CREATE TABLE IF NOT EXISTS "orders" ("order_id" String, "customer_id" String, "ordered_at" DateTime64(6, 'UTC'), "amount" Decimal(18, 4), "cost" Nullable(Decimal(18, 4)), "product_line" LowCardinality(Nullable(String)), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "order_id");

CREATE TABLE IF NOT EXISTS "activity" ("customer_id" String, "at" DateTime64(6, 'UTC'), "kind" LowCardinality(String), "quantity" Nullable(Float64), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "at", "kind");

CREATE TABLE IF NOT EXISTS "tickets" ("ticket_id" String, "customer_id" String, "opened_at" DateTime64(6, 'UTC'), "channel" LowCardinality(Nullable(String)), "category" LowCardinality(Nullable(String)), "priority" LowCardinality(Nullable(String)), "first_response_at" Nullable(DateTime64(6, 'UTC')), "resolved_at" Nullable(DateTime64(6, 'UTC')), "status" LowCardinality(Nullable(String)), "csat" Nullable(Float64), "text" Nullable(String), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "ticket_id");

CREATE TABLE IF NOT EXISTS "surveys" ("response_id" String, "respondent_type" LowCardinality(Nullable(String)), "respondent_id" String, "answered_at" DateTime64(6, 'UTC'), "kind" LowCardinality(String), "score" Nullable(Float64), "comment" Nullable(String), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("respondent_id", "response_id");

CREATE TABLE IF NOT EXISTS "churn_events" ("customer_id" String, "churned_at" DateTime64(6, 'UTC'), "kind" LowCardinality(Nullable(String)), "category" LowCardinality(Nullable(String)), "reason" Nullable(String), "competitor" Nullable(String), "note" Nullable(String), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "churned_at");

CREATE TABLE IF NOT EXISTS "costs" ("period_start" Date32, "period_end" Date32, "category" LowCardinality(String), "amount" Decimal(18, 4), "segment" LowCardinality(Nullable(String)), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("period_start", "period_end", "category");

CREATE TABLE IF NOT EXISTS "campaigns" ("campaign_id" String, "name" String, "kind" LowCardinality(Nullable(String)), "started_at" DateTime64(6, 'UTC'), "ended_at" Nullable(DateTime64(6, 'UTC')), "cost" Nullable(Decimal(18, 4)), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("campaign_id");

CREATE TABLE IF NOT EXISTS "campaign_members" ("campaign_id" String, "customer_id" String, "group" LowCardinality(String), "assigned_at" Nullable(DateTime64(6, 'UTC')), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("customer_id", "campaign_id");

CREATE TABLE IF NOT EXISTS "benchmarks" ("source" String, "metric" String, "period_start" Date32, "period_end" Nullable(Date32), "value" Float64, "segment" LowCardinality(Nullable(String)), "note" Nullable(String), "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("source", "metric", "period_start");
