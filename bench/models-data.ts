/**
 * Deterministic data for bench/models.bench.ts, built once and cached under bench/out/models/:
 * - btyd: a workspace whose orders come from the BG/NBD and gamma-gamma processes (Fader, Hardie & Lee's CDNOW
 *   estimates, time in days: r 0.243, α 30.9, a 0.793, b 2.426), customers born uniformly over the first 84
 *   days and observed to day 273 (39 weeks), purchases on whole days from 1997-01-01;
 * - km: 10M lifetimes in whole days in three segments with exponential churn (hazards 0.001, 0.002, 0.004 a
 *   day) and uniform censoring over three years;
 * - cox: 1M lifetimes in whole days (so with ties) under a proportional hazard with 10 covariates (5 normal,
 *   5 binary) and known β.
 * KM and Cox data are made in DuckDB from hashes and exported as raw float64 columns for the R peer.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { initWorkspace, openWorkspace, sql, type Workspace } from '@tenure/core';
import { DuckDbConnection } from '../packages/core/src/engine/duckdb/connection.ts';
import { readColumns } from '../packages/core/src/models/columns.ts';
import { simulateCustomer, uniforms } from '../packages/core/test/fixtures/models/simulate.ts';

export const OUT = join(import.meta.dirname, 'out', 'models');
const log = (s: string) => process.stdout.write(`${s}\n`);

export const COX_BETA = [0.5, -0.3, 0.2, 0.1, -0.1, 0.4, -0.2, 0.3, 0, 0.15];

/** A workspace with `customers` buyers' BTYD-simulated orders. */
export async function btydWorkspace(customers: number): Promise<Workspace> {
  const dir = join(OUT, `btyd-${customers}`);
  if (fs.existsSync(join(dir, 'ready'))) return openWorkspace(dir);
  log(`simulating ${customers.toLocaleString()} BG/NBD customers…`);
  const ws = await initWorkspace(dir, { force: true });
  const u = uniforms(42);
  const truth = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };
  const lines: string[] = [];
  for (let c = 0; c < customers; c++) {
    const born = Math.floor(84 * u());
    const { times, values } = simulateCustomer(u, truth, 273 - born);
    lines.push(`C${c},${born},${(values[0] ?? 20).toFixed(2)}`);
    for (let k = 0; k < times.length; k++) lines.push(`C${c},${born + Math.ceil(times[k]!)},${values[k]!.toFixed(2)}`);
  }
  const csv = join(OUT, `btyd-${customers}.csv`);
  fs.writeFileSync(csv, `customer_id,day,amount\n${lines.join('\n')}\n`);
  await ws.db.run(sql`INSERT INTO customers (customer_id, created_at)
    SELECT customer_id, DATE '1997-01-01' + CAST(min(day) AS INTEGER) FROM read_csv(${csv}) GROUP BY customer_id`);
  await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount)
    SELECT customer_id || '-' || row_number() OVER (), customer_id, DATE '1997-01-01' + CAST(day AS INTEGER), amount FROM read_csv(${csv})`);
  fs.rmSync(csv);
  // Freshly inserted rows scan slower until checkpointed: measure the workspace as a user's would be.
  await ws.db.run(sql`CHECKPOINT`);
  fs.writeFileSync(join(dir, 'ready'), '');
  return ws;
}

const uniform = (i: string, k: number) => sql.raw(`((hash(${i}, ${k}) % 1000000000) + 0.5) / 1000000000.0`);
const normal = (i: string, k: number) => sql`sqrt(-2 * ln(${uniform(i, k)})) * cos(2 * pi() * ${uniform(i, k + 100)})`;

/** A DuckDB file with table `data`, and its columns as raw float64 files for R. */
async function dataset(name: string, rows: number, select: (i: string) => ReturnType<typeof sql>) {
  const file = join(OUT, `${name}.duckdb`);
  if (fs.existsSync(join(OUT, `${name}.ready`))) return DuckDbConnection.open(file);
  fs.mkdirSync(OUT, { recursive: true });
  fs.rmSync(file, { force: true });
  log(`generating ${name}: ${rows.toLocaleString()} rows…`);
  const db = await DuckDbConnection.open(file);
  await db.run(sql`CREATE TABLE data AS ${select('i')} FROM range(${rows}) t(i)`);
  await db.run(sql`CHECKPOINT`);
  const { num } = await readColumns(db, sql`SELECT * FROM data`);
  for (const [col, values] of Object.entries(num)) fs.writeFileSync(join(OUT, `${name}.${col}.f64`), values);
  fs.writeFileSync(join(OUT, `${name}.ready`), '');
  return db;
}

/** 10M lifetimes: seg 0–2, whole days, churned or censored. */
export function kmData(rows: number) {
  return dataset(`km-${rows}`, rows, (i) => {
    const latent = sql`-ln(${uniform(i, 1)}) / (0.001 * pow(2, ${sql.raw(i)} % 3))`;
    const censor = sql`floor(1095 * ${uniform(i, 2)})`;
    return sql`SELECT CAST(${sql.raw(i)} % 3 AS DOUBLE) AS seg, least(floor(${latent}), ${censor}) AS time,
      CAST(floor(${latent}) < ${censor} AS DOUBLE) AS event`;
  });
}

/** 1M lifetimes with covariates x0…x9 under hazard 0.001 · exp(x β) a day. */
export function coxData(rows: number) {
  return dataset(`cox-${rows}`, rows, (i) => {
    const xs = COX_BETA.map((_, j) =>
      j < 5 ? normal(i, 10 + j) : sql`CAST(${uniform(i, 10 + j)} < ${0.3 + 0.1 * (j - 5)} AS DOUBLE)`,
    );
    const lp = sql.join(
      xs.map((x, j) => sql`${COX_BETA[j]!} * (${x})`),
      sql` + `,
    );
    const latent = sql`-ln(${uniform(i, 1)}) / (0.001 * exp(${lp}))`;
    const censor = sql`floor(1095 * ${uniform(i, 2)})`;
    return sql`SELECT least(floor(${latent}), ${censor}) AS time, CAST(floor(${latent}) < ${censor} AS DOUBLE) AS event,
      ${sql.join(xs.map((x, j) => sql`${x} AS ${sql.id(`x${j}`)}`))}`;
  });
}
