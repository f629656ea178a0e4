import { sql } from '../../sql/sql.ts';
import { lastBatch } from '../../workspace/data-version.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { catalog } from '../catalog.ts';
import { metricDef } from '../compute.ts';
import { moneyPlan } from '../currency.ts';
import type { BaseName } from '../define.ts';
import { type Basis, dimensions, type NormalQuery, pickBasis } from '../query.ts';
import { dropBuyerMonths, dropCustomerMonths, keepBuyerMonths, prepareCustomerMonths } from './buyer-months.ts';
import { type Cube, cubes, STORED } from './cubes.ts';
import { dropFirstOrders, keepFirstOrders } from './first-orders.ts';
import { planUpdate, updateCube } from './incremental.ts';
import { updateFromNewOrders } from './orders-delta.ts';
import {
  dropKeptSubscriptions,
  keepSubscriptions,
  keepsSubscriptions,
  TouchedRows,
  updateCustomers,
} from './per-customer.ts';
import { buildQuery, cubeVersion, readRecord, tableOf } from './record.ts';

/** Most rows a cube may have: dimensions with the most distinct values are left out until it fits. */
const MAX_ROWS = 2_000_000;
/** Months a cube reaches past the later of today and the data, so next month's dashboard still reads it. */
const AHEAD = 2;

export interface RollupRefresh {
  name: BaseName;
  /**
   * 'built' (in full), 'updated' (only the months from `months[0]` on recomputed, incremental.ts), 'fresh'
   * (already up to date) or 'dropped' (the data it needs is gone).
   */
  action: 'built' | 'updated' | 'fresh' | 'dropped';
  /** 'updated' by months: the first and last month recomputed ('YYYY-MM-DD'). */
  months?: [string, string];
  /** 'updated' per customer (per-customer.ts): how many customers were recomputed, in every month. */
  customers?: number;
  /** 'updated' from the new orders alone (orders-delta.ts): how many were folded in. */
  orders?: number;
  seconds: number;
  rows: number;
  dims: string[];
}

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

/** The months every cube covers: from the first dated row to AHEAD months past the later of today and the data. */
async function monthRange(ws: Workspace, basis: Basis): Promise<{ origin: string; periods: number } | null> {
  const [r] = await ws.db.all<{ lo: string | null; hi: string | null }>(sql`SELECT
    least((SELECT min(started_at) FROM subscriptions), (SELECT min(ordered_at) FROM orders)
      ${basis === 'customers' ? sql`, (SELECT min(created_at) FROM customers)` : sql``}) AS lo,
    greatest((SELECT max(started_at) FROM subscriptions), (SELECT max(ordered_at) FROM orders),
      (SELECT max(created_at) FROM customers)) AS hi`);
  if (!r?.lo) return null;
  const today = monthStart(new Date());
  const hi = monthStart(new Date(`${(r.hi ?? r.lo).slice(0, 10)}T00:00:00Z`));
  const from = monthStart(new Date(`${r.lo.slice(0, 10)}T00:00:00Z`));
  const to = addMonths(hi > today ? hi : today, AHEAD);
  const periods = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
  return { origin: `${from.toISOString().slice(0, 10)} 00:00:00`, periods };
}

/**
 * Segment dimensions for a cube of `perCombo` rows per combination of values, within MAX_ROWS. `seen` keeps the
 * counts of combinations read in this refresh: every cube asks for the same ones (a scan of the customers each).
 */
async function cubeDims(ws: Workspace, all: string[], perCombo: number, seen: Map<string, number>): Promise<string[]> {
  const dims = [...all];
  const distinct = async (cols: string[]) => {
    const key = JSON.stringify(cols);
    if (!seen.has(key)) {
      const [r] = await ws.db.all<{ n: number }>(
        sql`SELECT count(*) AS n FROM (SELECT DISTINCT ${cols.length ? sql.join(cols.map((c) => sql.id(c))) : sql`1`} FROM customers) d`,
      );
      seen.set(key, r?.n ?? 0);
    }
    return seen.get(key) ?? 0;
  };
  while (dims.length && (await distinct(dims)) * perCombo > MAX_ROWS) {
    const counts = await Promise.all(dims.map((d) => distinct([d])));
    dims.splice(counts.indexOf(Math.max(...counts)), 1);
  }
  return dims;
}

/** Whether the workspace has the rows a cube is built from. */
async function applies(ws: Workspace, name: BaseName): Promise<boolean> {
  const table = name === 'revenue' ? 'subscriptions' : name === 'purchases' ? 'orders' : 'customers';
  return (await ws.db.all(sql`SELECT 1 AS x FROM ${sql.id(table)} LIMIT 1`)).length > 0;
}

/** Write a cube's record: what it holds, built from the data as of `version` and batches up to `batch`. */
function recorder(ws: Workspace, name: BaseName, q: NormalQuery, version: string, batch: number, t0: number) {
  return async (rows: number) => {
    const seconds = (performance.now() - t0) / 1000;
    await ws.db.run(sql`INSERT OR REPLACE INTO rollups
      (name, version, basis, dims, origin, periods, built_at, seconds, rows, last_batch)
      VALUES (${name}, ${version}, ${q.basis}, ${JSON.stringify(q.by)}, ${(q.grid[0] as { start: string }).start},
        ${q.grid.length}, CAST(now() AS TIMESTAMP), ${seconds}, ${rows}, ${batch})`);
  };
}

/** Replace one cube and its record in one transaction; its row count. */
async function build(
  ws: Workspace,
  name: BaseName,
  cube: Cube,
  q: NormalQuery,
  version: string,
  record: (rows: number) => Promise<void>,
) {
  const table = tableOf(name);
  const keeps = keepsSubscriptions(cube, q);
  try {
    return await ws.db.transaction(async () => {
      // Measures stored narrow (cubes.ts); rows sorted by month, so a query's range skips whole row groups.
      const narrow = Object.entries(cube.sums).map(
        ([m, unit]) => sql`CAST(${sql.id(m)} AS ${sql.raw(STORED[unit])}) AS ${sql.id(m)}`,
      );
      const base = cube.withKept
        ? cube.withKept(q, ws.db.dialect, await keepFirstOrders(ws.db, version), await prepareCustomerMonths(ws.db, q))
        : cube.sql(q, ws.db.dialect);
      await ws.db.run(sql`CREATE OR REPLACE TABLE ${sql.id(table)} AS
        SELECT * REPLACE (${sql.join(narrow)}) FROM (${base}) c ORDER BY k`);
      if (cube.withKept) await keepBuyerMonths(ws.db, q, version);
      // The subscriptions it was built from, read in the same transaction (per-customer.ts).
      if (keeps) await keepSubscriptions(ws.db, name, version);
      else await dropKeptSubscriptions(ws.db, name);
      const [c] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(table)}`);
      await record(c?.n ?? 0);
      return c?.n ?? 0;
    });
  } finally {
    if (cube.withKept) await dropCustomerMonths(ws.db);
  }
}

/**
 * Bring every metric rollup (cubes.ts) up to date with the data and the config: rebuild the stale ones, drop
 * those whose data is gone. Metrics read a cube only while its version matches, so calling this is never
 * needed for correctness, only for speed; the CLI's report and metrics commands and the server (after every
 * write) call it. Each cube is replaced in its own transaction; after imports that changed only dated facts,
 * only the months they reach are recomputed (incremental.ts), `force` rebuilds every cube in full.
 * @example const done = await refreshRollups(ws); // [{ name: 'flow', action: 'built', seconds: 1.2, … }, …]
 */
export async function refreshRollups(
  ws: Workspace,
  opts: {
    force?: boolean /** Only the cubes these metrics read (the CLI: the metrics asked for). */;
    metrics?: string[];
  } = {},
): Promise<RollupRefresh[]> {
  const wanted =
    opts.metrics && new Set(opts.metrics.filter((m) => Object.hasOwn(catalog, m)).map((m) => metricDef(m).base));
  // Read before any data: a batch committed during the refresh is then read again by the next one.
  const batch = await lastBatch(ws.db);
  const basis = await pickBasis(ws.db, 'auto');
  const range = await monthRange(ws, basis);
  const all = await dimensions(ws.db, ws.config);
  // Cubes of amounts in other currencies hold them converted (metrics/currency.ts). A row without its rate sums as
  // NULL here, but no figure is read from such a cube: the query's own check refuses it first.
  const money = await moneyPlan(ws.db, ws.config.currency);
  const done: RollupRefresh[] = [];
  // The touched customers' rows, read once for the cubes updated per customer (per-customer.ts).
  const shared = new TouchedRows();
  const combos = new Map<string, number>();
  try {
    for (const [name, cube] of Object.entries(cubes) as [BaseName, Cube][]) {
      if (wanted && !wanted.has(name)) continue;
      const t0 = performance.now();
      const secs = () => (performance.now() - t0) / 1000;
      const old = await readRecord(ws.db, name);
      if (!range || !(await applies(ws, name))) {
        if (old) {
          await ws.db.transaction(async () => {
            await ws.db.run(sql`DROP TABLE IF EXISTS ${sql.id(tableOf(name))}`);
            await ws.db.run(sql`DELETE FROM rollups WHERE name = ${name}`);
            if (cube.withKept) {
              await dropFirstOrders(ws.db);
              await dropBuyerMonths(ws.db);
            }
            await dropKeptSubscriptions(ws.db, name);
          });
          done.push({ name, action: 'dropped', seconds: secs(), rows: 0, dims: [] });
        }
        continue;
      }
      const { origin, periods } = range;
      const dims = await cubeDims(ws, all, cube.cohort ? (periods * (periods + 1)) / 2 : periods, combos);
      const q = buildQuery(ws.config, basis, dims, origin, periods, money);
      const version = await cubeVersion(ws.db, cube, q);
      if (!opts.force && old?.version === version) {
        done.push({ name, action: 'fresh', seconds: secs(), rows: old.rows, dims });
        continue;
      }
      const record = recorder(ws, name, q, version, batch, t0);
      const plan = !opts.force && old ? await planUpdate(ws.db, cube, old, q, version) : null;
      const touched =
        plan?.customers && old ? await updateCustomers(ws, name, cube, q, old, version, record, shared) : null;
      if (touched) {
        done.push({ name, action: 'updated', seconds: secs(), rows: touched.rows, dims, customers: touched.customers });
        continue;
      }
      const folded =
        plan?.newOrders && old ? await updateFromNewOrders(ws, name, cube, q, old, version, batch, record) : null;
      if (folded) {
        done.push({ name, action: 'updated', seconds: secs(), rows: folded.rows, dims, orders: folded.orders });
        continue;
      }
      const updated = plan?.k0 && old ? await updateCube(ws, name, cube, q, plan, old, version, record) : null;
      if (plan && updated !== null) {
        const day = (k: number) => (q.grid[k] as { start: string }).start.slice(0, 10);
        const months: [string, string] = [day(plan.k0), day(q.grid.length - 1)];
        done.push({ name, action: 'updated', seconds: secs(), rows: updated, dims, months });
        continue;
      }
      const rows = await build(ws, name, cube, q, version, record);
      done.push({ name, action: 'built', seconds: secs(), rows, dims });
    }
  } finally {
    await shared.dispose(ws.db);
  }
  return done;
}
