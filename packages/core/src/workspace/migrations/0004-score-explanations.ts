import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/** The explanation computed at scoring (predict/explain.ts reads it back instead of computing the features again). */
export default {
  name: 'score-explanations',
  fields: [],
  steps: { duckdb: [sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS explained VARCHAR`], clickhouse: [] },
} satisfies Migration;
