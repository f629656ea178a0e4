CREATE TABLE IF NOT EXISTS cases (
        case_id String, customer_id String, kind Nullable(String), source Nullable(String), source_ref Nullable(String),
        stage Nullable(String), priority Nullable(String), owner Nullable(String), team Nullable(String),
        subject Nullable(String), description Nullable(String), root_cause Nullable(String), severity Nullable(String),
        company_at_fault Nullable(Bool), action_plan Nullable(String), compensation_kind Nullable(String),
        compensation_amount Nullable(Decimal(18, 4)), approved_by Nullable(String), actions_done Nullable(String),
        compensation_granted Nullable(Decimal(18, 4)), contacted Nullable(Bool), satisfied Nullable(Bool),
        csat Nullable(Int32), outcome Nullable(String), opened_at Nullable(DateTime64(6, 'UTC')),
        stage_at Nullable(DateTime64(6, 'UTC')), closed_at Nullable(DateTime64(6, 'UTC')), reopen_count Nullable(Int32),
        version Nullable(Int32), updated_at Nullable(DateTime64(6, 'UTC')), sla_policy Nullable(String),
        first_response_due Nullable(DateTime64(6, 'UTC')), resolution_due Nullable(DateTime64(6, 'UTC')),
        first_response_at Nullable(DateTime64(6, 'UTC')), playbook_id Nullable(String))
        ENGINE = MergeTree ORDER BY (customer_id, case_id);

CREATE TABLE IF NOT EXISTS case_events (
        case_id String, version Int32, "at" Nullable(DateTime64(6, 'UTC')), actor Nullable(String),
        action Nullable(String), from_stage Nullable(String), to_stage Nullable(String), fields Nullable(String),
        note Nullable(String))
        ENGINE = MergeTree ORDER BY (case_id, version);

CREATE TABLE IF NOT EXISTS teams (
        team String, label_en Nullable(String), label_zh Nullable(String), created_at Nullable(DateTime64(6, 'UTC')))
        ENGINE = MergeTree ORDER BY (team);
