/**
 * The workspace's entity tables in DuckDB, from the schema's field declarations. Only migrations
 * (`migrations/`) run these: a table is created by the migration that introduced its entity, and a field
 * declared later reaches existing workspaces through its own `addField` migration.
 */
import type { Entity, Field, FieldType } from '../schema/index.ts';
import { type Sql, sql } from '../sql/sql.ts';

/** Storage type of each field type. Money is exact decimal so movements reconcile to the cent. */
export const storageType: Record<FieldType, string> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  enum: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  number: 'DOUBLE',
  money: 'DECIMAL(18,4)',
  integer: 'BIGINT',
};

/**
 * Identifiers are nearly unique strings: FSST/dictionary compression gains little on them but its analysis
 * made bulk inserts 3–4× slower (measured: 10M orders, 7.6 s → 2 s), and uncompressed keys join faster.
 */
const ID_STORAGE = sql` USING COMPRESSION uncompressed`;

/** A field's column: name, storage type, and for identifiers the storage above. */
const column = (fl: Field): Sql =>
  sql`${sql.id(fl.name)} ${sql.raw(storageType[fl.type])}${fl.type === 'id' ? ID_STORAGE : sql``}`;

/**
 * Keys are enforced by the loader (deduplication and upsert by key), not by DuckDB indexes: an ART index
 * makes bulk loads several times slower and DuckDB's own guidance is to avoid them for analytical tables.
 * `_batch` records which import last wrote each row. IF NOT EXISTS: workspaces made before migrations were
 * recorded already hold the tables of migration 1 (see `migrations/0001-initial.ts`).
 */
export function createEntityTable(e: Entity, fields: readonly Field[]): Sql {
  return sql`CREATE TABLE IF NOT EXISTS ${sql.id(e.name)} (${sql.join(fields.map(column))}, "_batch" BIGINT)`;
}

/**
 * A field declared after its entity's table was created. Existing rows read NULL. No IF NOT EXISTS: the
 * migration runs once, in a transaction, after an attribute column of the same name was set aside
 * (migrations/attribute-clash.ts), so a column already there is a bug that fails the migration and leaves the
 * workspace as it was, rather than keeping a wrongly typed column.
 */
export function addEntityColumn(e: Entity, field: Field): Sql {
  return sql`ALTER TABLE ${sql.id(e.name)} ADD COLUMN ${column(field)}`;
}
