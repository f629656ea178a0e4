import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * A case's history by its key: the case page and every write read one case's events, and the primary key
 * (case_id, version) serves only lookups of both, so each read scanned every event (2M events: 100 ms on a
 * loaded machine). The log is append-only, so the index costs inserts only, never the update a DuckDB index
 * turns into a delete and an insert.
 */
export default {
  name: 'case-event-index',
  fields: [],
  steps: {
    duckdb: [sql`CREATE INDEX IF NOT EXISTS case_events_by_case ON case_events (case_id)`],
    clickhouse: [],
  },
} satisfies Migration;
