import type { Connection } from '../../engine/engine.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { firstOrdersSql } from '../purchases.ts';
import { dropKept } from './record.ts';

/**
 * Each customer's first order, kept beside the purchases cube so that updating some of its months does not
 * aggregate every order again (the purchases base reads it for "returning" buyers: 100M orders, most of a
 * refresh). The table is what `firstOrdersSql` gives for the data the cube was last updated from, and it says
 * so: its meta entry holds that cube version. An update then derives the next one into a temp table: after
 * batches that only inserted orders, each customer's first order is the earlier of the kept one and the first
 * among the new orders (every inserted row carries its batch, so they are `_batch > the cube's last batch`; no
 * row the kept table read has changed, since no batch updated or deleted one, and the batches explain the
 * table's row count, incremental.ts); otherwise, or when the table is not the cube's, from all orders. Folding an
 * inserted order in twice changes nothing, so a batch committed during a refresh that the table already holds is
 * harmless when the next update folds it in again.
 */
const TABLE = 'rollup_first_orders';
const NEXT = 'rollup_first_orders_next';

/** Derive the first orders as of now into a temp table; the relation purchasesSql reads them from. */
export async function prepareFirstOrders(
  db: Connection,
  cubeVersion: string,
  lastBatch: number,
  insertsOnly: boolean,
): Promise<Sql> {
  const merge = insertsOnly && (await firstOrdersOf(db)) === cubeVersion;
  await db.run(
    merge
      ? sql`CREATE OR REPLACE TEMP TABLE ${sql.id(NEXT)} AS SELECT customer_id, min(first_at) AS first_at FROM (
          SELECT customer_id, first_at FROM ${sql.id(TABLE)}
          UNION ALL SELECT customer_id, ordered_at FROM orders WHERE _batch > ${lastBatch} AND ordered_at IS NOT NULL) x
        GROUP BY customer_id`
      : sql`CREATE OR REPLACE TEMP TABLE ${sql.id(NEXT)} AS ${firstOrdersSql}`,
  );
  return sql`SELECT customer_id, first_at FROM ${sql.id(NEXT)}`;
}

/**
 * A full build's first orders, from all orders, kept as those of cube version `version` (inside the build's
 * transaction, so they are what the cube read); the relation purchasesSql reads them from. The build aggregates
 * them anyway, and the first update after it then merges rather than aggregates every order.
 */
export async function keepFirstOrders(db: Connection, version: string): Promise<Sql> {
  await db.run(sql`CREATE OR REPLACE TABLE ${sql.id(TABLE)} AS ${firstOrdersSql}`);
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${TABLE}, ${version})`);
  return sql`SELECT customer_id, first_at FROM ${sql.id(TABLE)}`;
}

/** Keep the derived first orders as those of cube version `version` (inside the update's transaction). */
export async function saveFirstOrders(db: Connection, version: string): Promise<void> {
  await db.run(sql`CREATE OR REPLACE TABLE ${sql.id(TABLE)} AS SELECT * FROM ${sql.id(NEXT)}`);
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${TABLE}, ${version})`);
}

/** The cube version the kept first orders are exact for, if any. */
export async function firstOrdersOf(db: Connection): Promise<string | null> {
  const [kept] = await db.all<{ v: string }>(sql`SELECT value AS v FROM meta WHERE key = ${TABLE}`);
  return kept?.v ?? null;
}

/** The kept first orders (customer_id, first_at). */
export const keptFirstOrders: Sql = sql`${sql.id(TABLE)}`;

/**
 * Fold the first orders of new rows into the kept table in place and tag it as cube version `version`, inside an
 * update from new orders (orders-delta.ts). `firsts` (customer_id, first_at, old_at) gives each customer's first
 * new order and the kept one (NULL: none): only the customers whose first order moved earlier, or who had none,
 * are written, rather than the table again (a probe of the whole table per customer would cost as much).
 */
export async function foldFirstOrders(db: Connection, firsts: Sql, version: string): Promise<void> {
  const table = sql.id(TABLE);
  await db.run(sql`UPDATE ${table} f SET first_at = n.first_at
    FROM (SELECT * FROM (${firsts}) x WHERE old_at IS NOT NULL AND first_at < old_at) n WHERE n.customer_id = f.customer_id`);
  await db.run(sql`INSERT INTO ${table} SELECT customer_id, first_at FROM (${firsts}) n WHERE old_at IS NULL`);
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${TABLE}, ${version})`);
}

/** Drop the temp table (after the update, whether it was written or not). */
export async function dropNextFirstOrders(db: Connection): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS ${sql.id(NEXT)}`);
}

/** Drop the kept first orders with their cube (whose orders are gone). */
export const dropFirstOrders = (db: Connection): Promise<void> => dropKept(db, TABLE);
