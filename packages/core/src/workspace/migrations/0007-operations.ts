import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Retention operations (issue 12): teams and who belongs to them, a case's SLA (the policy that set its due
 * times, the due times, when it was first answered) and the playbook that opened it, so a customer never gets a
 * second open case from one playbook. Due times are stored when set, not derived on read: a policy edited later
 * must not move the targets of cases already promised.
 */
export default {
  name: 'operations',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE TABLE IF NOT EXISTS teams (
        team VARCHAR PRIMARY KEY, label_en VARCHAR NOT NULL, label_zh VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`,
      sql`CREATE TABLE IF NOT EXISTS team_members (
        team VARCHAR NOT NULL, username VARCHAR NOT NULL, PRIMARY KEY (team, username))`,
      sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS sla_policy VARCHAR`,
      sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS first_response_due TIMESTAMP`,
      sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS resolution_due TIMESTAMP`,
      sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS first_response_at TIMESTAMP`,
      sql`ALTER TABLE cases ADD COLUMN IF NOT EXISTS playbook_id VARCHAR`,
    ],
    clickhouse: [],
  },
} satisfies Migration;
