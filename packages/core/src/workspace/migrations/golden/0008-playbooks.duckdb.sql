CREATE TABLE IF NOT EXISTS playbooks (
        playbook_id VARCHAR PRIMARY KEY, definition VARCHAR NOT NULL, enabled BOOLEAN NOT NULL,
        version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
        updated_by VARCHAR NOT NULL, last_run_at TIMESTAMP);

CREATE SEQUENCE IF NOT EXISTS playbook_run_seq START 1;

CREATE TABLE IF NOT EXISTS playbook_runs (
        run_id BIGINT PRIMARY KEY, playbook_id VARCHAR NOT NULL, playbook_version INTEGER NOT NULL,
        cause VARCHAR NOT NULL, cause_ref VARCHAR, at_risk BOOLEAN NOT NULL, dry_run BOOLEAN NOT NULL,
        actor VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, ms INTEGER NOT NULL,
        matched INTEGER NOT NULL, created INTEGER NOT NULL, skipped_open_case INTEGER NOT NULL,
        skipped_malicious INTEGER NOT NULL, skipped_credit_risk INTEGER NOT NULL, error VARCHAR);
