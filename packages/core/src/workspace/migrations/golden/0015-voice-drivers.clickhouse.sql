CREATE TABLE IF NOT EXISTS exit_mappings (
        customer_id String, churned_at DateTime64(6, 'UTC'),
        suggested_kind Nullable(String), suggested_category Nullable(String), suggested_competitor Nullable(String),
        suggested_reason Nullable(String), matched Nullable(String), kind Nullable(String), category Nullable(String),
        competitor Nullable(String), reason Nullable(String), confirmed_by Nullable(String),
        confirmed_at Nullable(DateTime64(6, 'UTC')))
        ENGINE = MergeTree ORDER BY (customer_id, churned_at);
