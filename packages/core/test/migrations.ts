/**
 * What the migration tests compare: a store's tables and columns with their types, and the rows a few tables
 * hold, on DuckDB (information_schema) and ClickHouse (system.columns).
 */
import type { ClickHouseConnection } from '../src/engine/clickhouse/connection.ts';
import type { DuckDbConnection } from '../src/engine/duckdb/connection.ts';
import { f } from '../src/schema/field.ts';
import { sql } from '../src/sql/sql.ts';

/** A field as a later release might add it to customers; schema/ does not declare it. */
export const laterField = f.text('test_later_field', 'Test only: a field a later release adds to customers.');

/** Every column of every table, in order, with its type, nullability and default. */
export const schemaOf = (db: DuckDbConnection) =>
  db.all(sql`SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);

/** Every column of every table of the current ClickHouse database, in order, with its type. */
export const chSchemaOf = (ch: ClickHouseConnection) =>
  ch.all(sql`SELECT table, name, position, type FROM system.columns WHERE database = currentDatabase()
    ORDER BY table, position`);

/** A few rows in the entity, access and bookkeeping tables. */
export async function seed(db: DuckDbConnection): Promise<void> {
  await db.run(sql`INSERT INTO customers (customer_id, created_at, region, _batch) VALUES
    ('C1', TIMESTAMP '2024-01-05 10:00:00', 'north', 1), ('C2', TIMESTAMP '2024-02-01 00:00:00', NULL, 1)`);
  await db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount) VALUES
    ('O1', 'C1', TIMESTAMP '2024-03-01 12:00:00', 12.3456), ('O2', 'C2', TIMESTAMP '2024-03-02 12:00:00', 7)`);
  await db.run(sql`INSERT INTO users (username, role, password_hash, created_at, updated_at)
    VALUES ('ana', 'admin', 'scrypt$x', now()::TIMESTAMP, now()::TIMESTAMP)`);
}

/** Row counts of the seeded tables and the exact money total, to show the data survived. */
export const seededCounts = (db: DuckDbConnection) =>
  db.all(sql`SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders,
    (SELECT CAST(sum(amount) AS VARCHAR) FROM orders) AS amount, (SELECT count(*) FROM users) AS users`);
