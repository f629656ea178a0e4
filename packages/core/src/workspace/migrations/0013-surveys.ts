import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Surveys sent and answered in Tenure (surveys/): every version of a definition (an edit adds a row, so an
 * answer always reads the questions it answered); one invitation per link, keyed by the SHA-256 of its token
 * (the token itself is shown once and never stored, so a copy of the database opens no survey); and one row
 * per answered question, beside the one row an answer writes to `surveys`, which every satisfaction metric
 * reads. The invitations' (survey, source, ref) index makes a trigger's "not invited yet" a lookup: a
 * trigger runs after every import and scoring. A ClickHouse copy gets `survey_answers` (driver analysis
 * reads it on either engine); definitions and invitations are bookkeeping and stay in the workspace.
 */
export default {
  name: 'surveys',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE TABLE IF NOT EXISTS survey_definitions (
        survey_id VARCHAR NOT NULL, version INTEGER NOT NULL, kind VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
        title_zh VARCHAR NOT NULL, questions VARCHAR NOT NULL, definition VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL, created_by VARCHAR NOT NULL, PRIMARY KEY (survey_id, version))`,
      sql`CREATE TABLE IF NOT EXISTS survey_invitations (
        token_digest VARCHAR PRIMARY KEY, survey_id VARCHAR NOT NULL, version INTEGER NOT NULL,
        respondent_type VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, lang VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL, answered_at TIMESTAMP, response_id VARCHAR,
        source VARCHAR NOT NULL, source_ref VARCHAR)`,
      sql`CREATE INDEX IF NOT EXISTS survey_invitations_by_source ON survey_invitations (survey_id, source, source_ref)`,
      sql`CREATE TABLE IF NOT EXISTS survey_answers (
        response_id VARCHAR NOT NULL, survey_id VARCHAR NOT NULL, version INTEGER NOT NULL,
        question_id VARCHAR NOT NULL, dimension VARCHAR, value_num DOUBLE, value_text VARCHAR,
        PRIMARY KEY (response_id, question_id))`,
    ],
    clickhouse: [
      sql`CREATE TABLE IF NOT EXISTS survey_answers (
        response_id String, survey_id Nullable(String), version Nullable(Int32), question_id String,
        dimension Nullable(String), value_num Nullable(Float64), value_text Nullable(String))
        ENGINE = MergeTree ORDER BY (response_id, question_id)`,
    ],
  },
} satisfies Migration;
