import type { Connection } from '../../engine/engine.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { customerMonthsSql } from '../purchases.ts';
import type { NormalQuery } from '../query.ts';
import { dropKept } from './record.ts';

/**
 * Which customer placed orders in which month of the purchases cube (customer_id, k), kept beside it so that an
 * update after new orders (orders-delta.ts) tells a month's new buyers from its old ones by looking up the new
 * orders' (customer, month) pairs instead of reading those months' orders again (1M new orders at 100M: ~11M
 * orders re-read, most of a refresh). It is the key set of the base's own per-customer months (`customerMonthsSql`),
 * taken from the very relation the cube is computed from, so it costs a build no second pass over the orders;
 * stored sorted by month, so a lookup of recent months skips the row groups of older ones. Like the first orders
 * (first-orders.ts) it is exact for the cube version its meta entry names: a full build writes it, an update by
 * months replaces the months it recomputes (the months before k0 did not change, incremental.ts), an update from
 * new orders adds their pairs, each in the cube's transaction.
 */
const TABLE = 'rollup_buyer_months';
const MONTHS = 'rollup_customer_months';

/**
 * The base's per-customer months for `q` computed once into a temp table; the relation purchasesSql reads them
 * from. The caller keeps them (keepBuyerMonths) inside its transaction and drops the temp table after.
 */
export async function prepareCustomerMonths(db: Connection, q: NormalQuery): Promise<Sql> {
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(MONTHS)} AS ${customerMonthsSql(q, db.dialect)}`);
  return sql`SELECT * FROM ${sql.id(MONTHS)}`;
}

/**
 * Keep the prepared months as the buyer months of cube version `version`: all of them (a build, `k0` 0), or, when
 * the kept table is that of the cube version `was`, only months k0… (an update by months: the prepared ones
 * count from k0). A table of another version is rebuilt from all orders, so an update by months also heals a cube
 * built before the table existed.
 */
export async function keepBuyerMonths(
  db: Connection,
  q: NormalQuery,
  version: string,
  k0 = 0,
  was: string | null = null,
): Promise<void> {
  const months = sql.id(MONTHS);
  if (k0 > 0 && (await buyerMonthsOf(db)) === was) {
    await db.run(sql`DELETE FROM ${sql.id(TABLE)} WHERE k >= ${k0}`);
    await db.run(sql`INSERT INTO ${sql.id(TABLE)} SELECT customer_id, k + ${k0} AS k FROM ${months} ORDER BY k`);
  } else {
    const from = k0 > 0 ? sql`(${customerMonthsSql(q, db.dialect)}) m` : months;
    await db.run(sql`CREATE OR REPLACE TABLE ${sql.id(TABLE)} AS SELECT customer_id, k FROM ${from} ORDER BY k`);
  }
  await markBuyerMonths(db, version);
}

/** The cube version the kept buyer months are exact for, if any. */
export async function buyerMonthsOf(db: Connection): Promise<string | null> {
  const [kept] = await db.all<{ v: string }>(sql`SELECT value AS v FROM meta WHERE key = ${TABLE}`);
  return kept?.v ?? null;
}

/**
 * Add `pairs` (customer_id, k), none of which the table holds (the caller looked them up), and tag it as cube
 * version `version`, inside an update from new orders.
 */
export async function addBuyerMonths(db: Connection, pairs: Sql, version: string): Promise<void> {
  await db.run(sql`INSERT INTO ${sql.id(TABLE)} SELECT customer_id, k FROM (${pairs}) n ORDER BY k`);
  await markBuyerMonths(db, version);
}

/** The relation of the kept pairs, to look new ones up in. */
export const buyerMonths: Sql = sql`${sql.id(TABLE)}`;

/** Tag the kept table as that of cube version `version` (inside the cube's transaction). */
async function markBuyerMonths(db: Connection, version: string): Promise<void> {
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${TABLE}, ${version})`);
}

/** Drop the temp table of prepared months (after a build or update, whether written or not). */
export async function dropCustomerMonths(db: Connection): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS ${sql.id(MONTHS)}`);
}

/** Drop the kept buyer months with their cube (whose orders are gone). */
export const dropBuyerMonths = (db: Connection): Promise<void> => dropKept(db, TABLE);
