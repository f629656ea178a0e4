import type { Connection } from '../../engine/engine.ts';
import { isDerived } from '../../segments/derived.ts';
import { sql } from '../../sql/sql.ts';
import { changesSince } from '../../workspace/data-version.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { BaseName } from '../define.ts';
import type { NormalQuery } from '../query.ts';
import { segColumns } from '../segments.ts';
import { dropCustomerMonths, keepBuyerMonths, prepareCustomerMonths } from './buyer-months.ts';
import { type Cube, STORED } from './cubes.ts';
import { dropNextFirstOrders, prepareFirstOrders, saveFirstOrders } from './first-orders.ts';
import {
  dropNextSubscriptions,
  keepsSubscriptions,
  overNextSubscriptions,
  saveNextSubscriptions,
} from './per-customer.ts';
import { buildQuery, type RollupRecord, sourcesOf, sqlDigest, tableOf } from './record.ts';

/**
 * Incremental refresh of a cube: recompute only the months from k0 on, where k0 is the month before the earliest
 * date the import batches since the cube was built touched (ingest/changes.ts records it per batch and table,
 * from the old and new values of every row inserted, updated or deleted). Why the months before k0 cannot move:
 * - a base's value for a month never depends on the queried range (cubes.ts), so the base run over months k0…
 *   gives exactly the cube's rows from k0 on;
 * - every change a batch makes sits at dates ≥ t. Purchases: an order counts in its month, and it can move a
 *   customer's first order only to a date ≥ t, which moves "returning" in later months only. Revenue and flow:
 *   spans and subscription coverage change only at endpoints ≥ t (adding or removing an interval [t, z) changes
 *   the union of a customer's intervals only within it, so merged spans keep every endpoint before t; grace and
 *   inactivity days push ends later, never earlier); an endpoint at t changes the boundary covered at the start
 *   of t's month, which is the end of the month before, hence k0 = idx(t) − 1. Cohorts key rows by acquisition
 *   month: a change at t moves cells of cohorts acquired long before, which the base cannot compute for some
 *   months only, so a cohorts cube is never updated by months (only per customer, per-customer.ts);
 * - segments come from the customers table, read whole (a derived dimension, classified as of the first month,
 *   would differ in a run from k0: never incremental): any change to it (or to exchange rates, or a writer
 *   outside the importer, which bumps the data epoch) means a full rebuild, as does any change of the SQL besides
 *   its months (config, code, dimensions, basis, currency plan) or of the first month;
 * - the bases emit every segment key in every month; a batch that adds or removes a key (a first buyer in a new
 *   combination of segments) changes the rows of earlier months too, which the check before the write catches.
 * Purchases also reads each customer's first order over all history: a table kept beside the cube gives it
 * (first-orders.ts), merged with the new orders after batches that only inserted; and after such batches under
 * the same months it is rather updated from the new orders alone (orders-delta.ts), by months when that declines.
 * When only subscriptions changed, under the same months, the cubes that read them are rather updated per customer
 * (per-customer.ts: the customers touched, in every month), and by months when that declines. The months path of
 * such a cube computes from a copy of the subscriptions it then keeps, so the per-customer path can follow it.
 * The full rebuild stays the fallback and the oracle: the property test compares both after random imports.
 */

/** Entity tables whose rows are dated facts; a change to any other source rebuilds the cube. */
const DATED = new Set(['orders', 'subscriptions', 'churn_events']);

/**
 * An update: the first month to recompute (index into the cube's months; 0 when no months update is right, as
 * for cohorts), whether the batches only inserted, and whether only subscriptions changed, under the same months,
 * so that the customers they touched can be recomputed instead (per-customer.ts).
 */
export interface UpdatePlan {
  k0: number;
  insertsOnly: boolean;
  customers: boolean;
  /** The batches only inserted dated orders, under the same months: purchases can fold them in (orders-delta.ts). */
  newOrders: boolean;
}

/**
 * What to recompute, or null when only a full rebuild is right. `version` is the one the cube gets now (record.ts
 * cubeVersion), `q` its query.
 */
export async function planUpdate(
  db: Connection,
  cube: Cube,
  old: RollupRecord,
  q: NormalQuery,
  version: string,
): Promise<UpdatePlan | null> {
  // A derived dimension classifies customers as of the first month queried: the months from k0 would see others.
  if (old.last_batch === null || q.by.some(isDerived)) return null;
  const origin = (q.grid[0] as { start: string }).start;
  if (old.basis !== q.basis || JSON.stringify(old.dims) !== JSON.stringify(q.by) || old.origin !== origin) return null;
  if (q.grid.length < old.periods) return null;
  const [oldData, oldDigest] = JSON.parse(old.version) as [string, string];
  // Same SQL but for the months: its text for the old months must be the digest the cube was built with.
  const then = buildQuery(q.config, old.basis, old.dims, old.origin, old.periods, q.money);
  if (sqlDigest(db, cube, then) !== oldDigest) return null;
  const changed = await changesSince(
    db,
    old.last_batch,
    oldData,
    (JSON.parse(version) as [string])[0],
    sourcesOf(cube, q),
  );
  if (!changed) return null;
  let from: string | null = null;
  let insertsOnly = true;
  let undated = false;
  for (const [t, changes] of changed) {
    if (!DATED.has(t)) return null;
    for (const c of changes) {
      if (c.altered > 0) insertsOnly = false;
      if (c.from === null) undated = true;
      else if (from === null || c.from < from) from = c.from;
    }
  }
  const customers =
    keepsSubscriptions(cube, q) &&
    q.grid.length === old.periods &&
    [...changed.keys()].every((t) => t === 'subscriptions');
  const newOrders = cube.withKept !== undefined && insertsOnly && !undated && q.grid.length === old.periods;
  // The month holding `from`, and the one before it (module comment); without a dated change, the new months only.
  const held = from === null ? old.periods : q.grid.findLastIndex((p) => p.start <= (from as string));
  const k0 = cube.cohort || undated ? 0 : Math.max(0, Math.min(held - 1, old.periods));
  return k0 > 0 || customers || newOrders ? { k0, insertsOnly, customers, newOrders } : null;
}

const TAIL = 'rollup_tail';

/**
 * Recompute months k0… of a cube and swap them in, with its new record, in one transaction; the rows it now has,
 * or null when the recomputed months name other segment keys than the months kept (then only a full rebuild is
 * right, module comment). The months are computed before the transaction, into a temp table, so the write
 * itself is short.
 */
export async function updateCube(
  ws: Workspace,
  name: BaseName,
  cube: Cube,
  q: NormalQuery,
  { k0, insertsOnly }: UpdatePlan,
  old: RollupRecord,
  version: string,
  record: (rows: number) => Promise<void>,
): Promise<number | null> {
  const db = ws.db;
  const table = sql.id(tableOf(name));
  const tail = buildQuery(
    q.config,
    q.basis,
    q.by,
    (q.grid[k0] as { start: string }).start,
    q.grid.length - k0,
    q.money,
  );
  if (tail.grid.some((p, i) => p.start !== q.grid[k0 + i]?.start)) return null;
  const narrow = Object.entries(cube.sums).map(
    ([m, unit]) => sql`CAST(${sql.id(m)} AS ${sql.raw(STORED[unit])}) AS ${sql.id(m)}`,
  );
  const keeps = keepsSubscriptions(cube, q);
  try {
    // A cube that keeps the subscriptions it was built from (per-customer.ts) computes its months from the copy it
    // then keeps, so that it stays exactly its base over that copy.
    const base = cube.withKept
      ? cube.withKept(
          tail,
          db.dialect,
          await prepareFirstOrders(db, old.version, Number(old.last_batch), insertsOnly),
          await prepareCustomerMonths(db, tail),
        )
      : keeps
        ? await overNextSubscriptions(db, cube.sql(tail, db.dialect))
        : cube.sql(tail, db.dialect);
    await db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(TAIL)} AS
      SELECT * REPLACE (k + ${k0} AS k, ${sql.join(narrow)}) FROM (${base}) c ORDER BY k`);
    const keys = sql.join(segColumns(q).map((c) => sql.id(c)));
    const kept = sql`SELECT ${keys} FROM ${table} WHERE k = ${k0 - 1}`;
    const [d] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (
      (SELECT DISTINCT ${keys} FROM ${sql.id(TAIL)} EXCEPT ${kept}) UNION ALL (${kept} EXCEPT SELECT ${keys} FROM ${sql.id(TAIL)})) x`);
    if (Number(d?.n ?? 0) > 0) return null;
    return await db.transaction(async () => {
      await db.run(sql`DELETE FROM ${table} WHERE k >= ${k0}`);
      await db.run(sql`INSERT INTO ${table} BY NAME SELECT * FROM ${sql.id(TAIL)} ORDER BY k`);
      const [c] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${table}`);
      if (cube.withKept) {
        await saveFirstOrders(db, version);
        await keepBuyerMonths(db, q, version, k0, old.version);
      }
      if (keeps) await saveNextSubscriptions(db, name, version);
      await record(Number(c?.n ?? 0));
      return Number(c?.n ?? 0);
    });
  } finally {
    await db.run(sql`DROP TABLE IF EXISTS ${sql.id(TAIL)}`);
    if (cube.withKept) {
      await dropNextFirstOrders(db);
      await dropCustomerMonths(db);
    }
    if (keeps) await dropNextSubscriptions(db);
  }
}
