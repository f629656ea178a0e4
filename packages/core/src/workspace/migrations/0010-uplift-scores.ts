import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Uplift scores (predict/uplift/score.ts), kept per scoring run like `scores`: each scored customer's predicted
 * churn prevented by contact, CLV, cost per contact, expected saved value and sleeping-dog flag. The at-risk
 * list's persuadable view orders by expected_saved_value. Like `scores`, it lives in the workspace only: the
 * ClickHouse copy holds the business's data, not derived scores.
 */
export default {
  name: 'uplift-scores',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE TABLE IF NOT EXISTS uplift_scores (
        run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, as_of DATE NOT NULL, uplift DOUBLE NOT NULL,
        clv DOUBLE, cost_per_contact DOUBLE NOT NULL, expected_saved_value DOUBLE, sleeping_dog BOOLEAN NOT NULL)`,
    ],
    clickhouse: [],
  },
} satisfies Migration;
