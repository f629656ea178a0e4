/** The retaliatory-candidate rule (retaliatory.ts), as SQL the churn taxonomy (churn-events.ts) joins to. */
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';

/**
 * Churn events that are retaliatory candidates: `customer_id`, `churned_at` (the event's key), the complaint
 * case behind it (the first by id when several qualify) and `hit` = 1, to be left-joined to churn events.
 */
export function retaliatoryCandidates(config: TenureConfig): Sql {
  const days = config.churn.retaliatory_window_days;
  return sql`SELECT e.customer_id AS customer_id, e.churned_at AS churned_at, min(c.case_id) AS case_id, 1 AS hit
    FROM churn_events e JOIN cases c ON c.customer_id = e.customer_id
    WHERE c.kind = 'complaint' AND c.stage = 'closed'
      AND (c.satisfied = false OR c.closed_at > c.resolution_due)
      AND e.churned_at > c.closed_at AND e.churned_at <= c.closed_at + INTERVAL (${days}) DAY
    GROUP BY e.customer_id, e.churned_at`;
}
