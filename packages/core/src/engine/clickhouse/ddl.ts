/**
 * The canonical entity tables in ClickHouse (bookkeeping tables — import_batches, rejects, attributes,
 * meta — stay in the DuckDB workspace: ClickHouse only serves metric queries over copies of the data; of our own
 * tables only those metrics read are copied, the cases: sync.ts `copiedTables`).
 * The workspace's migrations (`workspace/migrations/`) create and extend these tables in a copy too, so a copy
 * synced by an older Tenure has every column the metric SQL names; `tenure sync` then replaces it whole.
 *
 * Single node (chdb, or one server): one MergeTree table per entity, ORDER BY its key with the customer
 * column first where there is one, so a customer's rows are contiguous and per-customer scans and joins
 * read few granules. On a cluster the same columns and sort keys are laid out twice per customer-keyed table,
 * ReplicatedMergeTree `<t>_local` on every shard and Distributed `<t>` sharded by cityHash64 of the customer
 * column: cluster.ts generates that layout, layout.ts says how a sync replaces either.
 */
import type { Entity, Field, FieldType } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';

/** ClickHouse type of each canonical field type (before Nullable/LowCardinality). Same values as DuckDB's. */
export const clickhouseType: Record<FieldType, Sql> = {
  id: sql`String`,
  text: sql`String`,
  enum: sql`String`,
  // Naive timestamps, as DuckDB's TIMESTAMP: microseconds, always UTC.
  timestamp: sql`DateTime64(6, 'UTC')`,
  // Date32 spans 1900–2299; Date would clamp anything before 1970.
  date: sql`Date32`,
  number: sql`Float64`,
  money: sql`Decimal(18, 4)`,
  integer: sql`Int64`,
};

/** DuckDB column types that attribute columns and `_batch` can have, in ClickHouse. */
const fromDuckdb: Record<string, Sql> = {
  VARCHAR: sql`String`,
  BIGINT: sql`Int64`,
  INTEGER: sql`Int32`,
  DOUBLE: sql`Float64`,
  BOOLEAN: sql`Bool`,
  DATE: sql`Date32`,
  TIMESTAMP: sql`DateTime64(6, 'UTC')`,
  'DECIMAL(18,4)': sql`Decimal(18, 4)`,
};

/** Segment-like text with few distinct values: dictionary-encoded (LowCardinality) storage. */
const LOW_CARDINALITY = new Set([
  'region',
  'product_line',
  'customer_type',
  'channel',
  'plan',
  'currency',
  'kind',
  'category',
  'segment',
]);

/** The column that names the customer: the ORDER BY prefix here and the sharding key on a cluster. */
export function customerColumn(e: Entity): string | undefined {
  if (e.fields.some((f) => f.name === 'customer_id')) return 'customer_id';
  if (e.fields.some((f) => f.name === 'respondent_id')) return 'respondent_id';
  return undefined;
}

function fieldType(f: Field): Sql {
  const base = clickhouseType[f.type];
  const lowCard = f.type === 'enum' || (f.type === 'text' && LOW_CARDINALITY.has(f.name));
  const t = f.required ? base : sql`Nullable(${base})`;
  return lowCard ? sql`LowCardinality(${t})` : t;
}

/**
 * ClickHouse type for a DuckDB column type (attributes and `_batch`): Nullable, as they are optional, unless
 * `nullable` is false (a sort key column of a copied table of our own).
 */
export function typeFromDuckdb(duckdbType: string, nullable = true): Sql | undefined {
  const t = fromDuckdb[duckdbType.replaceAll(' ', '').toUpperCase()];
  return t && (nullable ? sql`Nullable(${t})` : t);
}

export interface ColumnDef {
  name: string;
  type: Sql;
}

/** The column of one canonical field. */
export const columnOf = (f: Field): ColumnDef => ({ name: f.name, type: fieldType(f) });

/** Canonical columns of an entity (without `_batch` and attributes). */
export function entityColumns(e: Entity): ColumnDef[] {
  return e.fields.map(columnOf);
}

/** `_batch`: which import last wrote the row (optional here: fixtures may leave it empty). */
export const batchColumn: ColumnDef = { name: '_batch', type: sql`Nullable(Int64)` };

/**
 * The sort key: the customer column, then the entity key. Only required (non-Nullable) columns: a Nullable
 * sort key needs allow_nullable_key, and ClickHouse sorts faster without it (costs.segment is optional).
 */
export function orderBy(e: Entity): string[] {
  const required = new Set(e.fields.filter((f) => f.required).map((f) => f.name));
  const cust = customerColumn(e);
  const cols = [...(cust ? [cust] : []), ...e.key.filter((k) => k !== cust)];
  return cols.filter((c) => required.has(c));
}

/**
 * CREATE TABLE for an entity with exactly these columns (canonical fields, `_batch`, attributes, in the DuckDB
 * table's order). Names go through sql.id, so an attribute column with an unsafe name is refused.
 */
export function createTable(e: Entity, columns: readonly ColumnDef[] = [...entityColumns(e), batchColumn]): Sql {
  return createTableOf({ name: e.name, columns, engine: sql`MergeTree`, orderBy: orderBy(e) });
}

/** What a CREATE TABLE of a copy says: the table, its columns, engine and sort key, and the cluster's clause. */
export interface TableDdl {
  name: string;
  columns: readonly ColumnDef[];
  engine: Sql;
  orderBy: readonly string[];
  /** ` ON CLUSTER "name"` on a cluster (cluster.ts), nothing on one node. */
  onCluster?: Sql;
  /** ` SETTINGS …` of the table (record.ts: a sort key with an optional column). */
  settings?: Sql;
}

/**
 * CREATE TABLE IF NOT EXISTS, the one spelling every copy table is created with (migrations, sync, the
 * cluster layout).
 * @example createTableOf({ name: 'orders', columns, engine: sql`MergeTree`, orderBy: ['customer_id', 'order_id'] })
 */
export function createTableOf(t: TableDdl): Sql {
  const cols = sql.join(t.columns.map((c) => sql`${sql.id(c.name)} ${c.type}`));
  return sql`CREATE TABLE IF NOT EXISTS ${sql.id(t.name)}${t.onCluster ?? sql``} (${cols}) ENGINE = ${t.engine} ORDER BY (${sql.ids(t.orderBy)})${t.settings ?? sql``}`;
}

/**
 * A field declared after its entity's table was created. IF NOT EXISTS: ClickHouse has no transactional DDL,
 * so a migration that failed half-way runs again whole on the next open.
 */
export function addColumn(e: Entity, field: Field): Sql {
  return sql`ALTER TABLE ${sql.id(e.name)} ADD COLUMN IF NOT EXISTS ${sql.id(field.name)} ${fieldType(field)}`;
}
