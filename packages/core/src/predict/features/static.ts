/**
 * Features of a static customer table (a snapshot export such as IBM's Telco file, imported with --as-of):
 * one row per customer, every customer column as a feature and "has a churn event" as the label. Numbers
 * stay numbers, text becomes categories, dates become days before the as-of date, and created_at becomes
 * tenure in days. The as-of date is the snapshot's: the latest churn or acquisition date in the workspace.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { FeatureSpec } from '../frame.ts';

/** Columns that identify or describe a customer rather than predict churn. */
const SKIP = new Set(['customer_id', 'name', 'created_at', '_batch']);

export interface FeatureQuery {
  features: FeatureSpec[];
  query: Sql;
}

/**
 * The static feature query of the workspace's customers table.
 *
 * @example
 * const { features, query } = await staticFeatures(ws.db); const frame = await readFrame(ws.db, query, features);
 */
export async function staticFeatures(db: DuckDbConnection): Promise<FeatureQuery & { asOf: string }> {
  const described = await db.all<{ column_name: string; column_type: string }>(sql`DESCRIBE customers`);
  const [row] = await db.all<{ as_of: string | null }>(sql`SELECT CAST(CAST(greatest(
      (SELECT max(churned_at) FROM churn_events), (SELECT max(created_at) FROM customers)) AS DATE) AS VARCHAR) AS as_of`);
  const asOf = row?.as_of ?? '1970-01-01';
  const present = await db.all<Record<string, number>>(
    sql`SELECT ${sql.join(described.map((d) => sql`count(${sql.id(d.column_name)}) AS ${sql.id(d.column_name)}`))} FROM customers`,
  );
  const features: FeatureSpec[] = [{ name: 'tenure_days', kind: 'numeric' }];
  const columns: Sql[] = [
    sql`CAST(date_diff('day', c.created_at, CAST(${asOf} AS TIMESTAMP)) AS DOUBLE) AS tenure_days`,
  ];
  for (const d of described) {
    // A column nobody filled in (say region in a file without one) cannot tell customers apart.
    if (SKIP.has(d.column_name) || !present[0]?.[d.column_name]) continue;
    const col = sql`c.${sql.id(d.column_name)}`;
    const type = d.column_type;
    if (/^(VARCHAR|BOOLEAN)/.test(type)) {
      features.push({ name: d.column_name, kind: 'categorical' });
      columns.push(sql`CAST(${col} AS VARCHAR) AS ${sql.id(d.column_name)}`);
    } else if (/^(TIMESTAMP|DATE)/.test(type)) {
      features.push({ name: d.column_name, kind: 'numeric' });
      columns.push(
        sql`CAST(date_diff('day', CAST(${col} AS TIMESTAMP), CAST(${asOf} AS TIMESTAMP)) AS DOUBLE) AS ${sql.id(d.column_name)}`,
      );
    } else {
      features.push({ name: d.column_name, kind: 'numeric' });
      columns.push(sql`CAST(${col} AS DOUBLE) AS ${sql.id(d.column_name)}`);
    }
  }
  const query = sql`SELECT c.customer_id, ${asOf} AS as_of,
      CAST(EXISTS (SELECT 1 FROM churn_events e WHERE e.customer_id = c.customer_id) AS DOUBLE) AS label,
      ${sql.join(columns)}
    FROM customers c ORDER BY c.customer_id`;
  return { features, query, asOf };
}
