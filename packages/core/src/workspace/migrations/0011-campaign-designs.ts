import { type Sql, sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Campaigns as experiments (issue 13): a campaign designed in Tenure keeps its design beside the imported
 * columns — whom it targets (the target as the JSON it was checked as), the holdout share, the seed and the
 * strata dimension of its randomisation, what a contact and the campaign cost, the outcome window and the primary
 * metric, its status and launch time — and each member keeps the stratum it was drawn in, when the treatment
 * reached it (per-protocol) and who assigned it ('tenure' or 'import'). Imported campaigns leave the design empty
 * and measure with the defaults of `campaigns` in tenure.config.json. Not entity fields: an import never writes
 * them, so re-importing members cannot change a design. The ClickHouse copy gets the same columns (a sync copies
 * the workspace's columns as they are), so the campaign metrics run on a copy made by an older Tenure.
 */
const campaignColumns = [
  ['target', sql`VARCHAR`, sql`Nullable(String)`],
  ['holdout_share', sql`DOUBLE`, sql`Nullable(Float64)`],
  ['seed', sql`BIGINT`, sql`Nullable(Int64)`],
  ['strata', sql`VARCHAR`, sql`Nullable(String)`],
  ['cost_per_contact', sql`DECIMAL(18, 4)`, sql`Nullable(Decimal(18, 4))`],
  ['fixed_cost', sql`DECIMAL(18, 4)`, sql`Nullable(Decimal(18, 4))`],
  ['currency', sql`VARCHAR`, sql`Nullable(String)`],
  ['outcome_window_days', sql`INTEGER`, sql`Nullable(Int32)`],
  ['primary_metric', sql`VARCHAR`, sql`Nullable(String)`],
  ['status', sql`VARCHAR`, sql`Nullable(String)`],
  ['launched_at', sql`TIMESTAMP`, sql`Nullable(DateTime64(6, 'UTC'))`],
  ['created_at', sql`TIMESTAMP`, sql`Nullable(DateTime64(6, 'UTC'))`],
  ['created_by', sql`VARCHAR`, sql`Nullable(String)`],
] as const;
const memberColumns = [
  ['stratum', sql`VARCHAR`, sql`Nullable(String)`],
  ['delivered_at', sql`TIMESTAMP`, sql`Nullable(DateTime64(6, 'UTC'))`],
  ['assigned_by', sql`VARCHAR`, sql`Nullable(String)`],
] as const;

const add = (table: string, columns: readonly (readonly [string, Sql, Sql])[], engine: 1 | 2) =>
  columns.map((c) => sql`ALTER TABLE ${sql.id(table)} ADD COLUMN IF NOT EXISTS ${sql.id(c[0])} ${c[engine]}`);

export default {
  name: 'campaign-designs',
  fields: [],
  steps: {
    duckdb: [...add('campaigns', campaignColumns, 1), ...add('campaign_members', memberColumns, 1)],
    clickhouse: [...add('campaigns', campaignColumns, 2), ...add('campaign_members', memberColumns, 2)],
  },
} satisfies Migration;
