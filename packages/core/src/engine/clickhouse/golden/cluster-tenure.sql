CREATE TABLE IF NOT EXISTS "customers_local" ON CLUSTER "tenure" ("customer_id" String, "name" Nullable(String), "created_at" DateTime64(6, 'UTC'), "region" LowCardinality(Nullable(String)), "product_line" LowCardinality(Nullable(String)), "customer_type" LowCardinality(Nullable(String)), "channel" LowCardinality(Nullable(String)), "acquisition_cost" Nullable(Decimal(18, 4)), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id");

CREATE TABLE IF NOT EXISTS "customers" ON CLUSTER "tenure" AS "customers_local" ENGINE = Distributed("tenure", currentDatabase(), "customers_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "subscriptions_local" ON CLUSTER "tenure" ("subscription_id" String, "customer_id" String, "plan" LowCardinality(Nullable(String)), "started_at" DateTime64(6, 'UTC'), "ended_at" Nullable(DateTime64(6, 'UTC')), "mrr" Decimal(18, 4), "currency" LowCardinality(Nullable(String)), "billing_period" LowCardinality(Nullable(String)), "cancel_requested_at" Nullable(DateTime64(6, 'UTC')), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "subscription_id");

CREATE TABLE IF NOT EXISTS "subscriptions" ON CLUSTER "tenure" AS "subscriptions_local" ENGINE = Distributed("tenure", currentDatabase(), "subscriptions_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "orders_local" ON CLUSTER "tenure" ("order_id" String, "customer_id" String, "ordered_at" DateTime64(6, 'UTC'), "amount" Decimal(18, 4), "cost" Nullable(Decimal(18, 4)), "product_line" LowCardinality(Nullable(String)), "_batch" Nullable(Int64), "currency" LowCardinality(Nullable(String))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "order_id");

CREATE TABLE IF NOT EXISTS "orders" ON CLUSTER "tenure" AS "orders_local" ENGINE = Distributed("tenure", currentDatabase(), "orders_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "activity_local" ON CLUSTER "tenure" ("customer_id" String, "at" DateTime64(6, 'UTC'), "kind" LowCardinality(String), "quantity" Nullable(Float64), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "at", "kind");

CREATE TABLE IF NOT EXISTS "activity" ON CLUSTER "tenure" AS "activity_local" ENGINE = Distributed("tenure", currentDatabase(), "activity_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "tickets_local" ON CLUSTER "tenure" ("ticket_id" String, "customer_id" String, "opened_at" DateTime64(6, 'UTC'), "channel" LowCardinality(Nullable(String)), "category" LowCardinality(Nullable(String)), "priority" LowCardinality(Nullable(String)), "first_response_at" Nullable(DateTime64(6, 'UTC')), "resolved_at" Nullable(DateTime64(6, 'UTC')), "status" LowCardinality(Nullable(String)), "csat" Nullable(Float64), "text" Nullable(String), "_batch" Nullable(Int64), "kind" LowCardinality(Nullable(String))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "ticket_id");

CREATE TABLE IF NOT EXISTS "tickets" ON CLUSTER "tenure" AS "tickets_local" ENGINE = Distributed("tenure", currentDatabase(), "tickets_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "surveys_local" ON CLUSTER "tenure" ("response_id" String, "respondent_type" LowCardinality(Nullable(String)), "respondent_id" String, "answered_at" DateTime64(6, 'UTC'), "kind" LowCardinality(String), "score" Nullable(Float64), "comment" Nullable(String), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("respondent_id", "response_id");

CREATE TABLE IF NOT EXISTS "surveys" ON CLUSTER "tenure" AS "surveys_local" ENGINE = Distributed("tenure", currentDatabase(), "surveys_local", cityHash64("respondent_id"));

CREATE TABLE IF NOT EXISTS "churn_events_local" ON CLUSTER "tenure" ("customer_id" String, "churned_at" DateTime64(6, 'UTC'), "kind" LowCardinality(Nullable(String)), "category" LowCardinality(Nullable(String)), "reason" Nullable(String), "competitor" Nullable(String), "note" Nullable(String), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "churned_at");

CREATE TABLE IF NOT EXISTS "churn_events" ON CLUSTER "tenure" AS "churn_events_local" ENGINE = Distributed("tenure", currentDatabase(), "churn_events_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "costs" ON CLUSTER "tenure" ("period_start" Date32, "period_end" Date32, "category" LowCardinality(String), "amount" Decimal(18, 4), "segment" LowCardinality(Nullable(String)), "_batch" Nullable(Int64), "currency" LowCardinality(Nullable(String))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("period_start", "period_end", "category");

CREATE TABLE IF NOT EXISTS "campaigns" ON CLUSTER "tenure" ("campaign_id" String, "name" String, "kind" LowCardinality(Nullable(String)), "started_at" DateTime64(6, 'UTC'), "ended_at" Nullable(DateTime64(6, 'UTC')), "cost" Nullable(Decimal(18, 4)), "_batch" Nullable(Int64), "target" Nullable(String), "holdout_share" Nullable(Float64), "seed" Nullable(Int64), "strata" Nullable(String), "cost_per_contact" Nullable(Decimal(18, 4)), "fixed_cost" Nullable(Decimal(18, 4)), "currency" Nullable(String), "outcome_window_days" Nullable(Int32), "primary_metric" Nullable(String), "status" Nullable(String), "launched_at" Nullable(DateTime64(6, 'UTC')), "created_at" Nullable(DateTime64(6, 'UTC')), "created_by" Nullable(String)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("campaign_id");

CREATE TABLE IF NOT EXISTS "campaign_members_local" ON CLUSTER "tenure" ("campaign_id" String, "customer_id" String, "group" LowCardinality(String), "assigned_at" Nullable(DateTime64(6, 'UTC')), "_batch" Nullable(Int64), "stratum" Nullable(String), "delivered_at" Nullable(DateTime64(6, 'UTC')), "assigned_by" Nullable(String)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "campaign_id");

CREATE TABLE IF NOT EXISTS "campaign_members" ON CLUSTER "tenure" AS "campaign_members_local" ENGINE = Distributed("tenure", currentDatabase(), "campaign_members_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "benchmarks" ON CLUSTER "tenure" ("source" String, "metric" String, "period_start" Date32, "period_end" Nullable(Date32), "value" Float64, "segment" LowCardinality(Nullable(String)), "note" Nullable(String), "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("source", "metric", "period_start");

CREATE TABLE IF NOT EXISTS "exchange_rates" ON CLUSTER "tenure" ("currency" LowCardinality(String), "rate_date" Date32, "rate" Float64, "_batch" Nullable(Int64)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("currency", "rate_date");

CREATE TABLE IF NOT EXISTS "cases_local" ON CLUSTER "tenure" ("case_id" String, "customer_id" String, "kind" Nullable(String), "source" Nullable(String), "source_ref" Nullable(String), "stage" Nullable(String), "priority" Nullable(String), "owner" Nullable(String), "team" Nullable(String), "subject" Nullable(String), "description" Nullable(String), "root_cause" Nullable(String), "severity" Nullable(String), "company_at_fault" Nullable(Bool), "action_plan" Nullable(String), "compensation_kind" Nullable(String), "compensation_amount" Nullable(Decimal(18, 4)), "approved_by" Nullable(String), "actions_done" Nullable(String), "compensation_granted" Nullable(Decimal(18, 4)), "contacted" Nullable(Bool), "satisfied" Nullable(Bool), "csat" Nullable(Int32), "outcome" Nullable(String), "opened_at" Nullable(DateTime64(6, 'UTC')), "stage_at" Nullable(DateTime64(6, 'UTC')), "closed_at" Nullable(DateTime64(6, 'UTC')), "reopen_count" Nullable(Int32), "version" Nullable(Int32), "updated_at" Nullable(DateTime64(6, 'UTC')), "sla_policy" Nullable(String), "first_response_due" Nullable(DateTime64(6, 'UTC')), "resolution_due" Nullable(DateTime64(6, 'UTC')), "first_response_at" Nullable(DateTime64(6, 'UTC')), "playbook_id" Nullable(String)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "case_id");

CREATE TABLE IF NOT EXISTS "cases" ON CLUSTER "tenure" AS "cases_local" ENGINE = Distributed("tenure", currentDatabase(), "cases_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "case_events" ON CLUSTER "tenure" ("case_id" String, "version" Int32, "at" Nullable(DateTime64(6, 'UTC')), "actor" Nullable(String), "action" Nullable(String), "from_stage" Nullable(String), "to_stage" Nullable(String), "fields" Nullable(String), "note" Nullable(String)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("case_id", "version");

CREATE TABLE IF NOT EXISTS "teams" ON CLUSTER "tenure" ("team" String, "label_en" Nullable(String), "label_zh" Nullable(String), "created_at" Nullable(DateTime64(6, 'UTC'))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("team");

CREATE TABLE IF NOT EXISTS "survey_answers" ON CLUSTER "tenure" ("response_id" String, "survey_id" Nullable(String), "version" Nullable(Int32), "question_id" String, "dimension" Nullable(String), "value_num" Nullable(Float64), "value_text" Nullable(String)) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("response_id", "question_id");

CREATE TABLE IF NOT EXISTS "exit_mappings_local" ON CLUSTER "tenure" ("customer_id" String, "churned_at" DateTime64(6, 'UTC'), "suggested_kind" Nullable(String), "suggested_category" Nullable(String), "suggested_competitor" Nullable(String), "suggested_reason" Nullable(String), "matched" Nullable(String), "kind" Nullable(String), "category" Nullable(String), "competitor" Nullable(String), "reason" Nullable(String), "confirmed_by" Nullable(String), "confirmed_at" Nullable(DateTime64(6, 'UTC'))) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/{shard}', '{replica}') ORDER BY ("customer_id", "churned_at");

CREATE TABLE IF NOT EXISTS "exit_mappings" ON CLUSTER "tenure" AS "exit_mappings_local" ENGINE = Distributed("tenure", currentDatabase(), "exit_mappings_local", cityHash64("customer_id"));

CREATE TABLE IF NOT EXISTS "tenure_copy" ON CLUSTER "tenure" ("version" UInt64, "state" LowCardinality(String), "at" DateTime64(6, 'UTC'), "cluster" String, "tenure_version" String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{uuid}/all', '{replica}') ORDER BY ("version", "at");
