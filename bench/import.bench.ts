/**
 * npm run bench:import — validated import throughput against pandas.
 *
 * Generates (once, cached in bench/out/) a 1M-customer CSV and a 10M-row orders CSV, imports the customers,
 * then times `importFile(orders)`: full validation (dates, numbers, negatives, future dates, duplicate keys,
 * unknown customers) and the transactional load. The peer is pandas `read_csv` of the same file with the same
 * types (strings, float64, parsed dates) run by Debian's /usr/bin/python3 from this script.
 * Options: ORDERS=10000000 CUSTOMERS=1000000 env vars.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, initWorkspace, sql } from '@tenure/core';

const ORDERS = Number(process.env.ORDERS ?? 10_000_000);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
const ordersCsv = join(out, `orders-${ORDERS}.csv`);
const customersCsv = join(out, `customers-${CUSTOMERS}.csv`);
const wsDir = join(out, 'import-ws');

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

await importFile(ws, 'customers', customersCsv);
const t0 = performance.now();
const s = await importFile(ws, 'orders', ordersCsv);
const ours = (performance.now() - t0) / 1000;
await ws.close();
if (s.rowsLoaded !== ORDERS) throw new Error(`expected ${ORDERS} rows loaded, got ${s.rowsLoaded}`);

const py = `
import time, pandas as pd
t = time.perf_counter()
df = pd.read_csv(${JSON.stringify(ordersCsv)}, dtype={'order_id': str, 'customer_id': str, 'product_line': str, 'amount': 'float64', 'cost': 'float64'}, parse_dates=['ordered_at'])
print(time.perf_counter() - t, len(df), pd.__version__)
`;
const [pdSeconds, pdRows, pdVersion] = execFileSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' })
  .trim()
  .split(' ');
const peer = Number(pdSeconds);

const rate = (n: number, secs: number) => `${(n / secs / 1e6).toFixed(2)} M rows/s`;
console.log(`\norders CSV: ${ORDERS.toLocaleString()} rows, ${mb.toFixed(0)} MB`);
console.log(`tenure importFile (validated, transactional): ${ours.toFixed(2)} s  ${rate(ORDERS, ours)}`);
console.log(
  `pandas ${pdVersion} read_csv (typed, no validation, no store): ${peer.toFixed(2)} s  ${rate(Number(pdRows), peer)}`,
);
console.log(`ratio: tenure is ${(peer / ours).toFixed(2)}× pandas`);
