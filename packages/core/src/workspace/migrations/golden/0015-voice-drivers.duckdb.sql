CREATE TABLE IF NOT EXISTS exit_mappings (
        customer_id VARCHAR NOT NULL, churned_at TIMESTAMP NOT NULL,
        suggested_kind VARCHAR, suggested_category VARCHAR, suggested_competitor VARCHAR, suggested_reason VARCHAR,
        matched VARCHAR NOT NULL, kind VARCHAR, category VARCHAR, competitor VARCHAR, reason VARCHAR,
        confirmed_by VARCHAR NOT NULL, confirmed_at TIMESTAMP NOT NULL, PRIMARY KEY (customer_id, churned_at));
