import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Exit reasons mapped to the churn taxonomy (voice/exits/): one row per churn event an analyst confirmed or
 * corrected, with what the rules suggested beside what the analyst chose, who and when — so how often the
 * suggestion is kept is a query. The churn-reason and churn-category figures read the chosen mapping to fill a
 * churn event's missing reason, kind and category (an imported value always wins), on either engine: the
 * ClickHouse copy gets the table too, and each sync copies its rows. Its ClickHouse columns are Nullable but the
 * sort key, as a sync creates them from the workspace's (a copy migrated and a copy synced must not differ).
 */
export default {
  name: 'voice-drivers',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE TABLE IF NOT EXISTS exit_mappings (
        customer_id VARCHAR NOT NULL, churned_at TIMESTAMP NOT NULL,
        suggested_kind VARCHAR, suggested_category VARCHAR, suggested_competitor VARCHAR, suggested_reason VARCHAR,
        matched VARCHAR NOT NULL, kind VARCHAR, category VARCHAR, competitor VARCHAR, reason VARCHAR,
        confirmed_by VARCHAR NOT NULL, confirmed_at TIMESTAMP NOT NULL, PRIMARY KEY (customer_id, churned_at))`,
    ],
    clickhouse: [
      sql`CREATE TABLE IF NOT EXISTS exit_mappings (
        customer_id String, churned_at DateTime64(6, 'UTC'),
        suggested_kind Nullable(String), suggested_category Nullable(String), suggested_competitor Nullable(String),
        suggested_reason Nullable(String), matched Nullable(String), kind Nullable(String), category Nullable(String),
        competitor Nullable(String), reason Nullable(String), confirmed_by Nullable(String),
        confirmed_at Nullable(DateTime64(6, 'UTC')))
        ENGINE = MergeTree ORDER BY (customer_id, churned_at)`,
    ],
  },
} satisfies Migration;
