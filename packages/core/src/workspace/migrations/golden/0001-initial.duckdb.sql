CREATE TABLE IF NOT EXISTS "customers" ("customer_id" VARCHAR USING COMPRESSION uncompressed, "name" VARCHAR, "created_at" TIMESTAMP, "region" VARCHAR, "product_line" VARCHAR, "customer_type" VARCHAR, "channel" VARCHAR, "acquisition_cost" DECIMAL(18,4), "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "subscriptions" ("subscription_id" VARCHAR USING COMPRESSION uncompressed, "customer_id" VARCHAR USING COMPRESSION uncompressed, "plan" VARCHAR, "started_at" TIMESTAMP, "ended_at" TIMESTAMP, "mrr" DECIMAL(18,4), "currency" VARCHAR, "billing_period" VARCHAR, "cancel_requested_at" TIMESTAMP, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "orders" ("order_id" VARCHAR USING COMPRESSION uncompressed, "customer_id" VARCHAR USING COMPRESSION uncompressed, "ordered_at" TIMESTAMP, "amount" DECIMAL(18,4), "cost" DECIMAL(18,4), "product_line" VARCHAR, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "activity" ("customer_id" VARCHAR USING COMPRESSION uncompressed, "at" TIMESTAMP, "kind" VARCHAR, "quantity" DOUBLE, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "tickets" ("ticket_id" VARCHAR USING COMPRESSION uncompressed, "customer_id" VARCHAR USING COMPRESSION uncompressed, "opened_at" TIMESTAMP, "channel" VARCHAR, "category" VARCHAR, "priority" VARCHAR, "first_response_at" TIMESTAMP, "resolved_at" TIMESTAMP, "status" VARCHAR, "csat" DOUBLE, "text" VARCHAR, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "surveys" ("response_id" VARCHAR USING COMPRESSION uncompressed, "respondent_type" VARCHAR, "respondent_id" VARCHAR USING COMPRESSION uncompressed, "answered_at" TIMESTAMP, "kind" VARCHAR, "score" DOUBLE, "comment" VARCHAR, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "churn_events" ("customer_id" VARCHAR USING COMPRESSION uncompressed, "churned_at" TIMESTAMP, "kind" VARCHAR, "category" VARCHAR, "reason" VARCHAR, "competitor" VARCHAR, "note" VARCHAR, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "costs" ("period_start" DATE, "period_end" DATE, "category" VARCHAR, "amount" DECIMAL(18,4), "segment" VARCHAR, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "campaigns" ("campaign_id" VARCHAR USING COMPRESSION uncompressed, "name" VARCHAR, "kind" VARCHAR, "started_at" TIMESTAMP, "ended_at" TIMESTAMP, "cost" DECIMAL(18,4), "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "campaign_members" ("campaign_id" VARCHAR USING COMPRESSION uncompressed, "customer_id" VARCHAR USING COMPRESSION uncompressed, "group" VARCHAR, "assigned_at" TIMESTAMP, "_batch" BIGINT);

CREATE TABLE IF NOT EXISTS "benchmarks" ("source" VARCHAR, "metric" VARCHAR, "period_start" DATE, "period_end" DATE, "value" DOUBLE, "segment" VARCHAR, "note" VARCHAR, "_batch" BIGINT);

CREATE SEQUENCE IF NOT EXISTS import_batch_seq START 1;

CREATE TABLE IF NOT EXISTS import_batches (
    batch_id BIGINT PRIMARY KEY, entity VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    format VARCHAR, encoding VARCHAR, status VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL, rows_loaded BIGINT NOT NULL, rows_rejected BIGINT NOT NULL,
    rows_new BIGINT NOT NULL, rows_updated BIGINT NOT NULL, rows_unchanged BIGINT NOT NULL, rows_blank BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL);

CREATE TABLE IF NOT EXISTS rejects (
    batch_id BIGINT NOT NULL, line BIGINT, "column" VARCHAR, value VARCHAR, code VARCHAR NOT NULL, message VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS attributes (
    entity VARCHAR NOT NULL, column_name VARCHAR NOT NULL, source_header VARCHAR NOT NULL, type VARCHAR NOT NULL,
    added_batch BIGINT, PRIMARY KEY (entity, column_name));

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS rollups (
    name VARCHAR PRIMARY KEY, version VARCHAR NOT NULL, basis VARCHAR NOT NULL, dims VARCHAR NOT NULL,
    origin VARCHAR NOT NULL, periods INTEGER NOT NULL, built_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL, rows BIGINT NOT NULL);

CREATE SEQUENCE IF NOT EXISTS model_run_seq START 1;

CREATE TABLE IF NOT EXISTS model_runs (
    run_id BIGINT PRIMARY KEY, model VARCHAR NOT NULL, parameters VARCHAR NOT NULL,
    data_from TIMESTAMP, data_to TIMESTAMP, created_at TIMESTAMP NOT NULL, result VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS users (
    username VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL);

CREATE TABLE IF NOT EXISTS sessions (
    token_hash VARCHAR PRIMARY KEY, username VARCHAR NOT NULL, csrf_token VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL);

CREATE TABLE IF NOT EXISTS api_keys (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR NOT NULL, secret_hash VARCHAR NOT NULL,
    created_by VARCHAR, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP);

CREATE SEQUENCE IF NOT EXISTS audit_seq START 1;

CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT PRIMARY KEY, "at" TIMESTAMP NOT NULL, actor VARCHAR NOT NULL, role VARCHAR, method VARCHAR NOT NULL,
    route VARCHAR NOT NULL, target VARCHAR, status INTEGER NOT NULL, ip VARCHAR);

CREATE TABLE IF NOT EXISTS scores (
    run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, as_of DATE NOT NULL,
    probability DOUBLE NOT NULL, margin DOUBLE NOT NULL, tier VARCHAR NOT NULL,
    clv DOUBLE, clv_source VARCHAR, expected_loss DOUBLE,
    retain BOOLEAN NOT NULL, flag VARCHAR, reasons VARCHAR);

ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_subscription DOUBLE;

ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_purchases DOUBLE;

CREATE SEQUENCE IF NOT EXISTS alert_seq START 1;

CREATE TABLE IF NOT EXISTS alerts (
    alert_id BIGINT PRIMARY KEY, run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
    message_en VARCHAR NOT NULL, message_zh VARCHAR NOT NULL, detail VARCHAR NOT NULL, acknowledged_at TIMESTAMP);

CREATE SEQUENCE IF NOT EXISTS webhook_delivery_seq START 1;

CREATE TABLE IF NOT EXISTS webhook_outbox (
    delivery_id BIGINT PRIMARY KEY, alert_id BIGINT NOT NULL, url VARCHAR NOT NULL, secret_env VARCHAR NOT NULL,
    payload VARCHAR NOT NULL, status VARCHAR NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TIMESTAMP NOT NULL,
    last_error VARCHAR, delivered_at TIMESTAMP, created_at TIMESTAMP NOT NULL);
