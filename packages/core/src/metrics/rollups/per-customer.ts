import type { Connection } from '../../engine/engine.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { BaseName } from '../define.ts';
import type { NormalQuery } from '../query.ts';
import { segColumns } from '../segments.ts';
import type { Cube } from './cubes.ts';
import { dropKept, type RollupRecord, tableOf } from './record.ts';

/**
 * Per-customer refresh of the cubes that read subscriptions (revenue always; flow and cohorts on the subscriptions
 * basis, cohorts' money on the customers basis) after batches that changed only subscriptions: a batch touching
 * 10k customers recomputes those customers, not the 1M others and every month.
 * Why it is exact: every measure of these cubes is a sum over customers of what each customer's own rows give
 * (each customer sits in one combination of segment values; flow and revenue count or sum per customer and
 * boundary, cohorts per member and age, and a member's cohort is their own), so with T the customers whose rows
 * changed, cube(new) = cube(old) − base over T's old rows + base over T's new rows, cell by cell. The old rows are
 * not in the workspace any more: each such cube keeps a copy of the subscriptions it was built from beside it,
 * written in the same transaction as the cube (so the cube is exactly its base over that copy, whatever committed
 * meanwhile), and replaced for T in the update's transaction. Running "the base over T's rows" is the base's own
 * SQL, unchanged, under two CTEs named `subscriptions` and `customers` that shadow the tables for T only (a name
 * in WITH hides a table of that name in every subquery it encloses): no second definition of any measure.
 * T: the customers of rows stamped by a batch after the cube's last one (imports stamp `_batch` on every row they
 * insert or update), and those rows' owners in the copy (an owner can change). A deleted row would leave no stamp:
 * when the copy's rows plus the stamped rows it lacks do not make the table's count, this path declines.
 * Which rows exist: a cohort cell exists while its size is > 0, so cells that reach 0 are deleted and new cells
 * come whole from T's new rows (the base emits every age of a cell). Flow and revenue emit every month of every
 * segment key that has a customer: a key only T had before and has no longer is not detectable from the sums, so
 * T's old keys must all be among its new ones (else this path declines); a new key comes whole from T's new rows.
 * Segments themselves come from the customers table, which did not change (incremental.ts: else no update).
 */

/** The copy of the subscriptions a cube was built from. */
const keptOf = (name: BaseName) => `rollup_${name}_subscriptions`;
const TOUCHED = 'rollup_touched';
const [SHARED, NEXT, PEOPLE] = ['rollup_touched_shared', 'rollup_touched_next', 'rollup_touched_customers'];
const PAST = 'rollup_touched_past';
const DELTA = 'rollup_delta';

/**
 * The touched customers' current subscriptions and customer rows, read once per refresh and shared by the cubes
 * it updates per customer (flow, revenue, cohorts: one read of each table, not three). A cube whose T lies within
 * the shared T, for the same last batch, uses the shared T whole: a customer in it but not in the cube's own T has
 * the same rows in the cube's copy as in the table (no stamp, and no stamped row it owned), so its old and new
 * rows cancel. Rows read for an earlier cube may predate a batch committed since: the cube's copy then holds
 * them, and the next refresh reads that batch again (its stamps are after the recorded last batch).
 */
export class TouchedRows {
  private since: number | null = null;

  /** Make the shared T cover this cube's T (`TOUCHED`), reading T's rows again only when it does not. */
  async cover(db: Connection, since: number): Promise<void> {
    if (this.since === since) {
      const [out] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(TOUCHED)} t
        WHERE t.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${sql.id(SHARED)} s WHERE s.customer_id = t.customer_id)`);
      if (Number(out?.n ?? 0) === 0) return;
    }
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(SHARED)} AS
      SELECT customer_id FROM ${sql.id(TOUCHED)} WHERE customer_id IS NOT NULL`);
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(NEXT)} AS ${ofShared(sql`subscriptions`)}`);
    await db.run(
      sql`CREATE OR REPLACE TEMP TABLE ${sql.id(PEOPLE)} AS ${ofShared(sql`${sql.id('main', 'customers')}`)}`,
    );
    this.since = since;
  }

  /** Drop the shared rows (at the end of the refresh). */
  async dispose(db: Connection): Promise<void> {
    for (const t of [SHARED, NEXT, PEOPLE]) await db.run(sql`DROP TABLE IF EXISTS ${sql.id(t)}`);
    this.since = null;
  }
}

/** The rows of `from` of the shared T's customers. */
const ofShared = (from: Sql) =>
  sql`SELECT * FROM ${from} WHERE customer_id IN (SELECT customer_id FROM ${sql.id(SHARED)})`;

/** Whether the cube's figures come from subscriptions, and so whether it keeps their copy. */
export const keepsSubscriptions = (cube: Cube, q: NormalQuery): boolean =>
  cube.sources(q.basis).includes('subscriptions');

/**
 * Keep `from` (the subscriptions as the cube's build read them, or an update's copy of them) as the cube's copy,
 * tagged with its version, inside the build's or update's transaction.
 */
export async function keepSubscriptions(
  db: Connection,
  name: BaseName,
  version: string,
  from: Sql = sql`subscriptions`,
): Promise<void> {
  await db.run(sql`CREATE OR REPLACE TABLE ${sql.id(keptOf(name))} AS SELECT * FROM ${from}`);
  await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${keptOf(name)}, ${version})`);
}

/** Drop a cube's copy (a cube rebuilt without one, or dropped). */
export const dropKeptSubscriptions = (db: Connection, name: BaseName): Promise<void> => dropKept(db, keptOf(name));

const ALL_NEXT = 'rollup_subscriptions_next';

/** For an update of some months (incremental.ts): `base` over a copy of the subscriptions as they are now. */
export async function overNextSubscriptions(db: Connection, base: Sql): Promise<Sql> {
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(ALL_NEXT)} AS SELECT * FROM subscriptions`);
  return sql`WITH subscriptions AS (SELECT * FROM ${sql.id(ALL_NEXT)}) SELECT * FROM (${base}) b`;
}

/** Keep that copy as the cube's (inside the update's transaction). */
export const saveNextSubscriptions = (db: Connection, name: BaseName, version: string): Promise<void> =>
  keepSubscriptions(db, name, version, sql`${sql.id(ALL_NEXT)}`);

/** Drop that copy (after the update, whether it was written or not). */
export async function dropNextSubscriptions(db: Connection): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS ${sql.id(ALL_NEXT)}`);
}

/**
 * The cube's base over T's customers only, `subscriptions` being the table `rows` (module comment). Both shadows
 * are small tables made beforehand: the base reads each more than once, and a filter of 1M customers per read
 * would cost more than the rest.
 */
function overTouched(cube: Cube, q: NormalQuery, db: Connection, rows: string): Sql {
  return sql`WITH customers AS (SELECT * FROM ${sql.id(PEOPLE)}), subscriptions AS (SELECT * FROM ${sql.id(rows)})
    SELECT * FROM (${cube.sql(q, db.dialect)}) b`;
}

/**
 * Recompute the cube for the customers whose subscriptions changed since `old` was built, and apply the
 * difference with its new record in one transaction; the rows it now has and the customers recomputed, or null
 * when this path cannot be exact (no copy of this version, a row deleted, a segment key gone): the caller then
 * updates by months or rebuilds.
 */
export async function updateCustomers(
  ws: Workspace,
  name: BaseName,
  cube: Cube,
  q: NormalQuery,
  old: RollupRecord,
  version: string,
  record: (rows: number) => Promise<void>,
  touched: TouchedRows,
): Promise<{ rows: number; customers: number } | null> {
  const db = ws.db;
  const kept = sql.id(keptOf(name));
  const [tag] = await db.all<{ v: string }>(sql`SELECT value AS v FROM meta WHERE key = ${keptOf(name)}`);
  if (tag?.v !== old.version) return null;
  const since = Number(old.last_batch);
  const temps = [TOUCHED, PAST, DELTA];
  try {
    // One statement, so that the count check and the stamped rows see the same data; a row even when T is empty.
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(TOUCHED)} AS
      WITH stamped AS (SELECT subscription_id, customer_id FROM subscriptions WHERE _batch > ${since}),
        ids AS (SELECT DISTINCT customer_id FROM (SELECT customer_id FROM stamped
          UNION ALL SELECT k.customer_id FROM ${kept} k JOIN stamped s ON s.subscription_id = k.subscription_id) x),
        counted AS (SELECT (SELECT count(*) FROM ${kept}) + (SELECT count(*) FROM stamped s
            WHERE NOT EXISTS (SELECT 1 FROM ${kept} k WHERE k.subscription_id = s.subscription_id))
          = (SELECT count(*) FROM subscriptions) AS complete)
      SELECT i.customer_id AS customer_id, c.complete AS complete FROM counted c LEFT JOIN ids i ON true`);
    const [t] = await db.all<{ n: number; complete: boolean }>(
      sql`SELECT count(customer_id) AS n, bool_and(complete) AS complete FROM ${sql.id(TOUCHED)}`,
    );
    if (!t?.complete) return null;
    await touched.cover(db, since);
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(PAST)} AS ${ofShared(sql`${kept}`)}`);
    const keys = ['k', ...segColumns(q), ...(cube.cohort ? ['key_cohort', 'key_age'] : [])];
    const sums = Object.keys(cube.sums);
    const constants = cube.constants ?? [];
    const cols = (sign: Sql) =>
      sql.join(
        [...keys, ...sums, ...constants].map((c) =>
          sums.includes(c) ? sql`${sign}${sql.id(c)} AS ${sql.id(c)}` : sql.id(c),
        ),
      );
    // Both runs in one statement (DuckDB runs them side by side); `_new`: whether T's new rows have the cell.
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(DELTA)} AS
      SELECT ${sql.ids(keys)}, ${sql.join(sums.map((c) => sql`sum(${sql.id(c)}) AS ${sql.id(c)}`))}
        ${sql.join(
          constants.map((c) => sql`, max(${sql.id(c)}) AS ${sql.id(c)}`),
          sql``,
        )}, max(_new) AS _new
      FROM (SELECT ${cols(sql``)}, 1 AS _new FROM (${overTouched(cube, q, db, NEXT)}) n
        UNION ALL SELECT ${cols(sql`-`)}, 0 AS _new FROM (${overTouched(cube, q, db, PAST)}) o) x
      GROUP BY ALL`);
    if (!cube.cohort) {
      const [gone] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(DELTA)} WHERE _new = 0`);
      if (Number(gone?.n ?? 0) > 0) return null;
    }
    const table = sql.id(tableOf(name));
    const same = sql.join(
      keys.map((c) => sql`c.${sql.id(c)} = d.${sql.id(c)}`),
      sql` AND `,
    );
    return await db.transaction(async () => {
      // Most cells of a touched customer do not move (a cancellation moves the months from it on): only the rest.
      const moved = sql.join(
        sums.map((m) => sql`${sql.id(m)} <> 0`),
        sql` OR `,
      );
      await db.run(sql`UPDATE ${table} c SET ${sql.join(sums.map((m) => sql`${sql.id(m)} = c.${sql.id(m)} + d.${sql.id(m)}`))}
        FROM (SELECT * FROM ${sql.id(DELTA)} WHERE ${moved}) d WHERE ${same}`);
      // A key (a cohort cell) has a row in every month (at every age) or none: the new ones show in the first.
      const first = (a: string) => sql`${sql.id(a, cube.cohort ? 'key_age' : 'k')} = 0`;
      const cell = keys.filter((c) => c !== 'k' && c !== 'key_age');
      const sameCell = (a: string, b: string) =>
        sql.join(
          cell.map((c) => sql`${sql.id(a, c)} = ${sql.id(b, c)}`),
          sql` AND `,
        );
      await db.run(sql`INSERT INTO ${table} BY NAME SELECT d.* EXCLUDE (_new) FROM ${sql.id(DELTA)} d
        JOIN (SELECT ${sql.ids(cell)} FROM ${sql.id(DELTA)} e WHERE ${first('e')}
          AND NOT EXISTS (SELECT 1 FROM ${table} c WHERE ${first('c')} AND ${sameCell('c', 'e')})) n ON ${sameCell('n', 'd')}
        ORDER BY d.k`);
      if (cube.cohort) await db.run(sql`DELETE FROM ${table} WHERE cohort_size = 0`);
      await db.run(sql`DELETE FROM ${kept} WHERE customer_id IN (SELECT customer_id FROM ${sql.id(SHARED)})`);
      await db.run(sql`INSERT INTO ${kept} BY NAME SELECT * FROM ${sql.id(NEXT)}`);
      await db.run(sql`INSERT OR REPLACE INTO meta VALUES (${keptOf(name)}, ${version})`);
      const [c] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${table}`);
      await record(Number(c?.n ?? 0));
      return { rows: Number(c?.n ?? 0), customers: Number(t?.n ?? 0) };
    });
  } finally {
    for (const tmp of temps) await db.run(sql`DROP TABLE IF EXISTS ${sql.id(tmp)}`);
  }
}
