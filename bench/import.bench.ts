/**
 * npm run bench:import — validated import throughput against pandas.
 *
 * Generates (once, cached in bench/out/) a 1M-customer CSV and a 10M-row orders CSV, imports the customers,
 * then times `importFile(orders)`: full validation (dates, numbers, negatives, future dates, duplicate keys,
 * unknown customers) and the transactional load. The peer is pandas `read_csv` of the same file with the same
 * types (strings, float64, parsed dates) run by Debian's /usr/bin/python3 from this script. The file is read
 * once before any timing, so both sides read it from the page cache; each side runs RUNS times (a fresh
 * workspace per import) and the medians are compared. The generated file is sorted by order_id, as exports
 * usually are, which lets the importer prove keys unique in one cheap pass; a shuffled copy (built once) is
 * timed too, to show the cost when it cannot.
 * With CHDB=1 the same import is timed into a workspace kept in ClickHouse (chdb in this process, `initWorkspace(dir,
 * { engine })`: the same checks here, the good rows loaded there, engine/clickhouse/record-load.ts), against the
 * DuckDB import (issue 16: within 1.5×).
 * Options: ORDERS=10000000 CUSTOMERS=1000000 RUNS=3 CHDB=0 env vars.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, initWorkspace, sql } from '@tenure/core';

const ORDERS = Number(process.env.ORDERS ?? 10_000_000);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
const ordersCsv = join(out, `orders-${ORDERS}.csv`);
const customersCsv = join(out, `customers-${CUSTOMERS}.csv`);
const wsDir = join(out, 'import-ws');
const chdbDir = join(out, 'import-chdb');
const CHDB = process.env.CHDB === '1';

rmSync(wsDir, { recursive: true, force: true });
const ws = await initWorkspace(wsDir);
if (!existsSync(customersCsv) || !existsSync(ordersCsv)) {
  console.log(`generating ${CUSTOMERS.toLocaleString()} customers and ${ORDERS.toLocaleString()} orders…`);
  await ws.db.run(sql`COPY (SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0') AS customer_id,
      CAST(DATE '2018-01-01' + CAST(hash(i, 1) % 1800 AS INTEGER) AS VARCHAR) AS created_at,
      ['north','south','east','west','central'][CAST(1 + hash(i, 2) % 5 AS BIGINT)] AS region
    FROM range(${CUSTOMERS}) t(i)) TO ${customersCsv} (HEADER)`);
  await ws.db.run(sql`COPY (SELECT 'O' || lpad(CAST(i AS VARCHAR), 10, '0') AS order_id,
      'C' || lpad(CAST(hash(i, 3) % ${CUSTOMERS} AS VARCHAR), 8, '0') AS customer_id,
      strftime(TIMESTAMP '2023-01-01' + to_seconds(CAST(hash(i, 4) % 94608000 AS BIGINT)), '%Y-%m-%d %H:%M:%S') AS ordered_at,
      round(CAST(hash(i, 5) % 50000 AS DOUBLE) / 100 + 1, 2) AS amount,
      round(CAST(hash(i, 6) % 30000 AS DOUBLE) / 100, 2) AS cost,
      ['mobile','broadband','tv'][CAST(1 + hash(i, 7) % 3 AS BIGINT)] AS product_line
    FROM range(${ORDERS}) t(i)) TO ${ordersCsv} (HEADER)`);
}
const mb = statSync(ordersCsv).size / 1e6;

const RUNS = Number(process.env.RUNS ?? 3);
const shuffledCsv = join(out, `orders-${ORDERS}-shuffled.csv`);
if (!existsSync(shuffledCsv)) {
  console.log('writing a shuffled copy of the orders (once)…');
  await ws.db.run(sql`COPY (SELECT * FROM read_csv(${ordersCsv}, all_varchar = true) ORDER BY hash(order_id))
    TO ${`${shuffledCsv}.tmp`} (HEADER, FORMAT csv)`);
  renameSync(`${shuffledCsv}.tmp`, shuffledCsv);
}
await ws.close();

/** Read a file through once, so timings start from the page cache for both sides. */
function warm(file: string): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(8 << 20);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** importFile of the orders into a fresh workspace holding the customers (kept in chdb with `chdb`): seconds. */
async function timeImport(file: string, chdb = false): Promise<number> {
  rmSync(wsDir, { recursive: true, force: true });
  rmSync(chdbDir, { recursive: true, force: true });
  const w = await initWorkspace(wsDir, chdb ? { engine: `chdb:${chdbDir}` } : {});
  try {
    await importFile(w, 'customers', customersCsv);
    warm(file);
    const t0 = performance.now();
    const s = await importFile(w, 'orders', file);
    const secs = (performance.now() - t0) / 1000;
    if (s.rowsLoaded !== ORDERS) throw new Error(`expected ${ORDERS} rows loaded, got ${s.rowsLoaded}`);
    return secs;
  } finally {
    await w.close();
  }
}

const py = `
import time, pandas as pd
t = time.perf_counter()
df = pd.read_csv(${JSON.stringify(ordersCsv)}, dtype={'order_id': str, 'customer_id': str, 'product_line': str, 'amount': 'float64', 'cost': 'float64'}, parse_dates=['ordered_at'])
print(time.perf_counter() - t, len(df), pd.__version__)
`;
const runs = { sorted: [] as number[], shuffled: [] as number[], pandas: [] as number[], chdb: [] as number[] };
let pdRows = '';
let pdVersion = '';
for (let i = 0; i < RUNS; i++) {
  runs.sorted.push(await timeImport(ordersCsv));
  runs.shuffled.push(await timeImport(shuffledCsv));
  if (CHDB) runs.chdb.push(await timeImport(ordersCsv, true));
  warm(ordersCsv);
  const [secs, rows, version] = execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' }).trim().split(' ');
  runs.pandas.push(Number(secs));
  [pdRows, pdVersion] = [rows as string, version as string];
  console.log(
    `run ${i + 1}: tenure ${runs.sorted[i]!.toFixed(2)} s (shuffled ${runs.shuffled[i]!.toFixed(2)} s${CHDB ? `, into chdb ${runs.chdb[i]!.toFixed(2)} s` : ''}), pandas ${runs.pandas[i]!.toFixed(2)} s`,
  );
}
const ours = median(runs.sorted);
const shuffled = median(runs.shuffled);
const peer = median(runs.pandas);

const rate = (n: number, secs: number) => `${(n / secs / 1e6).toFixed(2)} M rows/s`;
console.log(`\norders CSV: ${ORDERS.toLocaleString()} rows, ${mb.toFixed(0)} MB`);
console.log(`medians of ${RUNS} runs`);
console.log(`tenure importFile (validated, transactional): ${ours.toFixed(2)} s  ${rate(ORDERS, ours)}`);
console.log(`tenure importFile, the same rows shuffled: ${shuffled.toFixed(2)} s  ${rate(ORDERS, shuffled)}`);
console.log(
  `pandas ${pdVersion} read_csv (typed, no validation, no store): ${peer.toFixed(2)} s  ${rate(Number(pdRows), peer)}`,
);
console.log(`ratio: tenure is ${(peer / ours).toFixed(2)}× pandas (shuffled file: ${(peer / shuffled).toFixed(2)}×)`);
if (CHDB) {
  const ch = median(runs.chdb);
  console.log(
    `tenure importFile into a workspace kept in chdb: ${ch.toFixed(2)} s  ${rate(ORDERS, ch)}, ${(ch / ours).toFixed(2)}× the DuckDB import`,
  );
}
