import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * A reject's third code argument, so its message is rendered in its reader's language (ingest/reject-text.ts);
 * `message` keeps the English text, and is what rows written before this column read as.
 */
export default {
  name: 'reject-expected',
  fields: [],
  steps: { duckdb: [sql`ALTER TABLE rejects ADD COLUMN IF NOT EXISTS expected VARCHAR`], clickhouse: [] },
} satisfies Migration;
