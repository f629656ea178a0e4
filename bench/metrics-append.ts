/**
 * The two write batches bench/metrics.bench.ts times after its report, and how the cached workspace is put back.
 *
 * (A) 1M new orders (1 % of 100M): the top-up's synthetic rule (each copies the customer and product line of a
 * hash-chosen demo order, amount 1.00–500.00, cost 0–59 % of it), ids 'A%010d', dated in the data's last quarter
 * (2025-10-01 … 2025-12-31), written once to a CSV (in the workspace folder) the bench imports with `importFile`.
 * (B) a subscriptions batch touching 10k customers, upserts by subscription_id as a billing export sends them: for
 * each chosen customer (hash-chosen among those with a subscription) its latest subscription is cancelled (an open
 * one ends in December 2025, asked 10 days before) or re-priced (+10 %, an ended one), extended (an ended one runs
 * 90 days longer, or again when that passes the data's end) or upgraded (+20 %, an open one), or the customer takes
 * a new subscription ('B%09d') in December 2025, one customer in three each.
 *
 * Reset: the workspace (15–20 GB at 100M orders) is too big to copy beside itself on this disk, so the batches are
 * undone instead. Before the first import the rows (B) overwrites are saved to a Parquet file and a marker is
 * written; `restore` deletes the rows both batches added ('A…' orders, 'B…' subscriptions), puts the saved rows back
 * and bumps the data epoch (so every derived table is rebuilt: the bench rebuilds the rollups in full anyway), then
 * removes the marker. A run that died between the two finds the marker and restores first.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '@tenure/core';
import { sql } from '@tenure/core';
import { bumpDataEpoch } from '../packages/core/src/workspace/data-version.ts';

const marker = (dir: string) => join(dir, 'bench-append-dirty');
const saved = (dir: string) => join(dir, 'bench-append-subscriptions-before.parquet');

/** Write (once) the CSV of `n` new orders; its path. */
export async function ordersBatch(ws: Workspace, dir: string, n: number): Promise<string> {
  const file = join(dir, `append-orders-${n}.csv`);
  if (fs.existsSync(file)) return file;
  await ws.db.run(sql`CREATE OR REPLACE TEMP TABLE bench_src AS
    SELECT row_number() OVER () - 1 AS j, customer_id, product_line FROM orders WHERE order_id LIKE 'O%'`);
  const [{ m } = { m: 0 }] = await ws.db.all<{ m: number }>(sql`SELECT count(*) AS m FROM bench_src`);
  const quarter = 92 * 86_400;
  await ws.db.run(sql`COPY (SELECT printf('A%010d', i) AS order_id, s.customer_id,
      strftime(TIMESTAMP '2025-10-01' + to_seconds(CAST(hash(i, 1) % ${quarter} AS BIGINT)), '%Y-%m-%d %H:%M:%S') AS ordered_at,
      round(1 + (hash(i, 3) % 49900) / 100, 2) AS amount,
      round((1 + (hash(i, 3) % 49900) / 100) * (hash(i, 4) % 60) / 100, 2) AS cost, s.product_line
    FROM range(${n}) t(i) JOIN bench_src s ON s.j = hash(i, 2) % ${m} ORDER BY i) TO ${`${file}.tmp`} (HEADER)`);
  await ws.db.run(sql`DROP TABLE bench_src`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** Write (once) the CSV of the subscriptions batch touching `n` customers; its path. */
export async function subscriptionsBatch(ws: Workspace, dir: string, n: number): Promise<string> {
  const file = join(dir, `append-subscriptions-${n}.csv`);
  if (fs.existsSync(file)) return file;
  const day = (i: number) => sql`to_seconds(CAST(hash(customer_id, ${i}) % (28 * 86400) AS BIGINT))`;
  await ws.db.run(sql`COPY (
    WITH latest AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY started_at DESC, subscription_id DESC) AS rn
        FROM subscriptions WHERE subscription_id LIKE 'S%') WHERE rn = 1 ORDER BY hash(customer_id, 5) LIMIT ${n}),
      what AS (SELECT *, hash(customer_id, 6) % 3 AS w FROM latest)
    SELECT subscription_id, customer_id, plan, started_at,
        CASE WHEN w = 0 AND ended_at IS NULL THEN TIMESTAMP '2025-12-01' + ${day(7)}
          WHEN w = 1 AND ended_at IS NOT NULL THEN
            CASE WHEN ended_at + INTERVAL 90 DAY < TIMESTAMP '2025-12-31' THEN ended_at + INTERVAL 90 DAY END
          ELSE ended_at END AS ended_at,
        CAST(round(mrr * CASE WHEN w = 0 AND ended_at IS NOT NULL THEN 1.1 WHEN w = 1 AND ended_at IS NULL THEN 1.2 ELSE 1 END, 2)
          AS DECIMAL(18, 4)) AS mrr, billing_period,
        CASE WHEN w = 0 AND ended_at IS NULL THEN TIMESTAMP '2025-11-21' + ${day(7)}
          WHEN w = 1 AND ended_at IS NOT NULL THEN NULL ELSE cancel_requested_at END AS cancel_requested_at
      FROM what WHERE w < 2
    UNION ALL
    SELECT printf('B%09d', row_number() OVER (ORDER BY customer_id)), customer_id, plan, TIMESTAMP '2025-12-01' + ${day(8)},
        NULL, CAST(mrr AS DECIMAL(18, 4)), billing_period, NULL
      FROM what WHERE w = 2
    ORDER BY 1) TO ${`${file}.tmp`} (HEADER)`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** Before the first batch: save the subscription rows `subscriptions` (the batch's CSV) overwrites, and mark the workspace. */
export async function markDirty(ws: Workspace, wsDir: string, subscriptions: string): Promise<void> {
  await ws.db.run(sql`COPY (SELECT * FROM subscriptions WHERE subscription_id IN
    (SELECT subscription_id FROM read_csv(${subscriptions}, header = true, all_varchar = true))) TO ${saved(wsDir)} (FORMAT parquet)`);
  fs.writeFileSync(marker(wsDir), '');
}

export const isDirty = (wsDir: string): boolean => fs.existsSync(marker(wsDir));

/** Undo both batches (module comment). */
export async function restore(ws: Workspace, wsDir: string): Promise<void> {
  await ws.db.transaction(async () => {
    await ws.db.run(sql`DELETE FROM orders WHERE order_id LIKE 'A%'`);
    if (fs.existsSync(saved(wsDir))) {
      await ws.db.run(sql`DELETE FROM subscriptions WHERE subscription_id LIKE 'B%'
        OR subscription_id IN (SELECT subscription_id FROM read_parquet(${saved(wsDir)}))`);
      await ws.db.run(sql`INSERT INTO subscriptions BY NAME SELECT * FROM read_parquet(${saved(wsDir)})`);
    }
    await bumpDataEpoch(ws.db);
  });
  fs.rmSync(saved(wsDir), { force: true });
  fs.rmSync(marker(wsDir));
}

/** The appended orders for the peer, in its raw int32 form (customer index, month from `from`), beside the rest. */
export async function exportAppended(ws: Workspace, peerDir: string, from: string): Promise<void> {
  await ws.db.run(sql`CREATE OR REPLACE TEMP TABLE bench_cidx AS
    SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS cidx FROM customers`);
  const res =
    await ws.db.raw.stream(`SELECT x.cidx, CAST(datediff('month', TIMESTAMP '${from}-01', o.ordered_at) AS INTEGER)
    FROM orders o JOIN bench_cidx x ON x.customer_id = o.customer_id WHERE o.order_id LIKE 'A%'`);
  const fds = ['append_orders_cidx.i32', 'append_orders_month.i32'].map((f) => fs.openSync(join(peerDir, f), 'w'));
  for (let chunk = await res.fetchChunk(); chunk?.rowCount; chunk = await res.fetchChunk()) {
    fds.forEach((fd, i) => {
      const v = (chunk!.getColumnVector(i) as unknown as { items: Int32Array }).items;
      fs.writeSync(fd, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    });
  }
  for (const fd of fds) fs.closeSync(fd);
}
