import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Incremental rollups (metrics/rollups/incremental.ts): what each import batch changed, per entity table, as
 * JSON `{"orders": {"from": "2025-03-01 00:00:00", "rows": 1200}}` (the earliest date among the old and new
 * values of the rows it inserted, updated or deleted, and the net rows it added), and the last batch a rollup
 * has seen. Batches recorded before this column hold NULL and rollups built before it a NULL batch, which
 * both mean "unknown": the next refresh rebuilds in full.
 */
export default {
  name: 'batch-changes',
  fields: [],
  steps: {
    duckdb: [
      sql`ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS changes VARCHAR`,
      sql`ALTER TABLE rollups ADD COLUMN IF NOT EXISTS last_batch BIGINT`,
    ],
    clickhouse: [],
  },
} satisfies Migration;
