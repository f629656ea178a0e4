import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/** The language a user last chose in the dashboard ('en', 'zh-CN'): errors and texts of their requests use it. */
export default {
  name: 'user-language',
  fields: [],
  steps: { duckdb: [sql`ALTER TABLE users ADD COLUMN IF NOT EXISTS lang VARCHAR`], clickhouse: [] },
} satisfies Migration;
