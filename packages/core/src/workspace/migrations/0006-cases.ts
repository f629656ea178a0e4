import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Cases (cases/): `cases` holds each case as it is now, `case_events` every change to it, append-only. A case's
 * row is a fold of its events (cases/replay.ts), so the log alone rebuilds it. The primary keys are the
 * concurrency guard: writes are small and few next to an import, so their ART indexes cost nothing that
 * matters, and two writers of one event version cannot both commit. DuckDB only: metrics over cases read the
 * workspace, as the access and prediction tables are.
 */
export default {
  name: 'cases',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE SEQUENCE IF NOT EXISTS case_seq START 1`,
      sql`CREATE TABLE IF NOT EXISTS cases (
        case_id VARCHAR PRIMARY KEY, customer_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL,
        source_ref VARCHAR, stage VARCHAR NOT NULL, priority VARCHAR NOT NULL, owner VARCHAR, team VARCHAR,
        subject VARCHAR NOT NULL, description VARCHAR,
        root_cause VARCHAR, severity VARCHAR, company_at_fault BOOLEAN,
        action_plan VARCHAR, compensation_kind VARCHAR, compensation_amount DECIMAL(18,4), approved_by VARCHAR,
        actions_done VARCHAR, compensation_granted DECIMAL(18,4),
        contacted BOOLEAN, satisfied BOOLEAN, csat INTEGER, outcome VARCHAR,
        opened_at TIMESTAMP NOT NULL, stage_at TIMESTAMP NOT NULL, closed_at TIMESTAMP,
        reopen_count INTEGER NOT NULL, version INTEGER NOT NULL, updated_at TIMESTAMP NOT NULL)`,
      sql`CREATE TABLE IF NOT EXISTS case_events (
        case_id VARCHAR NOT NULL, version INTEGER NOT NULL, "at" TIMESTAMP NOT NULL, actor VARCHAR NOT NULL,
        action VARCHAR NOT NULL, from_stage VARCHAR, to_stage VARCHAR, fields VARCHAR NOT NULL, note VARCHAR,
        PRIMARY KEY (case_id, version))`,
    ],
    clickhouse: [],
  },
} satisfies Migration;
