/**
 * npm run bench:metrics — the full 24-month monthly retention report on DuckDB (and chdb), against pandas.
 *
 * Data (built once, cached in bench/out/): `generateDemo` with 1M customers over 36 months (seed 42, ending
 * 2025-12-31), then `orders` topped up to 100M rows inside DuckDB: each synthetic repeat order copies the
 * customer and product line of a hash-chosen existing demo order, is dated uniformly between the first and last
 * demo order, and has amount 1.00–500.00 and cost 0–59 % of it (order ids 'R%010d'; no other table changes).
 * Measured: `computeMetrics` over the last 24 complete months (2024-01 … 2025-12): churn_rate, retention_rate,
 * retention_rate_end_minus_new; nrr, grr, mrr_movements; churn_rate by region, by channel, by customer_type;
 * cohort_retention, and active_buyers + repurchase_rate over the 100M orders.
 * DuckDB reads the metric rollups (core's metrics/rollups/), which the product rebuilds after each change
 * to the data (the server after every write, the CLI before a report): their rebuild is timed here and shown
 * apart, like pandas' load. The same calls on the entity tables (`rollups: false`) are timed once as well.
 * Each call is run once to warm up, then RUNS times; the median counts. chdb: the same calls on a copy made
 * by engine/clickhouse/sync.ts (no rollups there: ClickHouse runs the base queries). Peer: bench/metrics_peer.py, pandas/numpy computing the
 * same figures with the same definitions (Debian's /usr/bin/python3) from columns exported once: CSV for
 * customers and subscriptions, raw int32 (customer index, month index) arrays for orders. The ratio is
 * pandas compute time ÷ Tenure time; pandas' load time is shown apart. Figures are compared first.
 * Then two writes, timed as a user meets them (bench/metrics-append.ts makes the batches and undoes them after):
 * (A) `importFile` of 1 % more orders (1M at 100M), `refreshRollups`, and the 24-month report (each call once, cold),
 * against the peer reading all its inputs again with the new orders and computing everything (its load + compute,
 * measured again here, not reused); figures checked against the peer and against the entity tables
 * (`rollups: false`). (B) `importFile` of a subscriptions batch touching 10k customers (cancellations,
 * extensions, re-pricings, new subscriptions) and `refreshRollups`, each cube's action shown (updated per customer,
 * by months, or rebuilt); the subscription metrics then checked against the entity tables.
 * Options: CUSTOMERS=1000000 ORDERS=100000000 RUNS=3 env vars; CHDB=0 skips chdb; PREPARE=1 only builds the
 * workspace; APPEND=0 skips (A) and (B).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Connection, MetricRow, Workspace } from '@tenure/core';
import {
  catalog,
  computeMetrics,
  engines,
  generateDemo,
  importFile,
  initWorkspace,
  openWorkspace,
  type RollupRefresh,
  refreshRollups,
  sql,
} from '@tenure/core';
import { exportAppended, isDirty, markDirty, ordersBatch, restore, subscriptionsBatch } from './metrics-append.ts';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const ORDERS = Number(process.env.ORDERS ?? 100_000_000);
const RUNS = Number(process.env.RUNS ?? 3);
const CHDB = process.env.CHDB !== '0';
const APPEND = process.env.APPEND !== '0';
/** Customers the subscriptions batch (B) touches. */
const TOUCHED = Math.min(10_000, Math.round(CUSTOMERS / 100));
const [FROM, TO, N] = ['2024-01', '2025-12', 24]; // the demo's last 24 complete months
const out = join(import.meta.dirname, 'out');
const tag = `${CUSTOMERS}-${ORDERS}`;
const wsDir = join(out, `metrics-ws-${tag}`);
const peerDir = join(out, `metrics-peer-${tag}`);
const chdbDir = join(out, `metrics-chdb-${tag}`);
const secs = (t0: number) => (performance.now() - t0) / 1000;
const log = (s: string) => process.stdout.write(`${s}\n`);

async function workspace(): Promise<Workspace> {
  if (fs.existsSync(join(wsDir, 'bench-ready'))) return openWorkspace(wsDir);
  for (const d of [peerDir, chdbDir, `${chdbDir}.ready`]) fs.rmSync(d, { recursive: true, force: true });
  const demoReady = join(wsDir, 'bench-demo-ready');
  const ws = fs.existsSync(demoReady) ? await openWorkspace(wsDir) : await initWorkspace(wsDir, { force: true });
  let t0 = performance.now();
  if (!fs.existsSync(demoReady)) {
    log(`generating the demo: ${CUSTOMERS.toLocaleString()} customers over 36 months…`);
    await generateDemo(ws, { customers: CUSTOMERS, months: 36, seed: 42 });
    fs.writeFileSync(demoReady, '');
    log(`  ${secs(t0).toFixed(0)} s`);
  }
  await ws.db.run(sql`DELETE FROM orders WHERE order_id LIKE 'R%'`);
  const [o] = await ws.db.all<{ n: number; lo: string; span: number }>(
    sql`SELECT count(*) AS n, min(ordered_at) AS lo, epoch(max(ordered_at)) - epoch(min(ordered_at)) AS span FROM orders`,
  );
  const { n, lo, span } = o!;
  t0 = performance.now();
  await ws.db.run(
    sql`CREATE TEMP TABLE bench_src AS SELECT row_number() OVER () - 1 AS j, customer_id, product_line FROM orders`,
  );
  for (let s = 0, e = 0; s < ORDERS - n; s = e) {
    e = Math.min(ORDERS - n, s + 10_000_000);
    await ws.db.run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount, cost, product_line)
      SELECT printf('R%010d', i), s.customer_id,
        CAST(${lo} AS TIMESTAMP) + to_seconds(CAST(hash(i, 1) % ${Math.floor(span)} AS BIGINT)),
        CAST(round(1 + (hash(i, 3) % 49900) / 100, 2) AS DECIMAL(18, 4)),
        CAST(round((1 + (hash(i, 3) % 49900) / 100) * (hash(i, 4) % 60) / 100, 2) AS DECIMAL(18, 4)), s.product_line
      FROM range(${s}, ${e}) t(i) JOIN bench_src s ON s.j = hash(i, 2) % ${n}`);
    log(`  orders topped up: ${(n + e).toLocaleString()} (${secs(t0).toFixed(0)} s)`);
  }
  await ws.db.run(sql`DROP TABLE bench_src; CHECKPOINT`);
  fs.writeFileSync(join(wsDir, 'bench-ready'), '');
  return ws;
}

/** Columns for the peer, exported once: customer index instead of id, text timestamps, orders as raw int32. */
async function exportForPeer(ws: Workspace, orders: boolean): Promise<void> {
  fs.mkdirSync(peerDir, { recursive: true });
  const file = (f: string) => join(peerDir, f);
  await ws.db.run(sql`CREATE OR REPLACE TEMP TABLE bench_cidx AS
    SELECT customer_id, CAST(row_number() OVER (ORDER BY customer_id) - 1 AS INTEGER) AS cidx FROM customers`);
  if (!fs.existsSync(file('customers.csv')))
    await ws.db.run(sql`COPY (SELECT x.cidx, c.region, c.channel, c.customer_type FROM customers c
      JOIN bench_cidx x ON x.customer_id = c.customer_id ORDER BY x.cidx) TO ${file('customers.csv')} (HEADER)`);
  if (!fs.existsSync(file('subscriptions.csv')))
    await ws.db.run(sql`COPY (SELECT x.cidx, s.subscription_id, s.started_at, s.ended_at, s.mrr FROM subscriptions s
      JOIN bench_cidx x ON x.customer_id = s.customer_id) TO ${file('subscriptions.csv')} (HEADER)`);
  if (!orders || fs.existsSync(file('orders_month.i32'))) return;
  // Month index of ordered_at from FROM (negative before the window), written straight from DuckDB's vectors.
  const res =
    await ws.db.raw.stream(`SELECT x.cidx, CAST(datediff('month', TIMESTAMP '${FROM}-01', o.ordered_at) AS INTEGER)
    FROM orders o JOIN bench_cidx x ON x.customer_id = o.customer_id WHERE o.ordered_at IS NOT NULL`);
  const fds = [fs.openSync(file('orders_cidx.i32'), 'w'), fs.openSync(file('orders_month.tmp'), 'w')];
  for (let chunk = await res.fetchChunk(); chunk?.rowCount; chunk = await res.fetchChunk()) {
    fds.forEach((fd, i) => {
      const v = (chunk!.getColumnVector(i) as unknown as { items: Int32Array }).items;
      fs.writeSync(fd, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    });
  }
  for (const fd of fds) fs.closeSync(fd);
  fs.renameSync(file('orders_month.tmp'), file('orders_month.i32'));
}

const SEGS = ['region', 'channel', 'customer_type'];
const calls: { label: string; names: string[]; by?: string[] }[] = [
  { label: 'churn + both retentions', names: ['churn_rate', 'retention_rate', 'retention_rate_end_minus_new'] },
  { label: 'NRR, GRR, MRR movements', names: ['nrr', 'grr', 'mrr_movements'] },
  ...SEGS.map((b) => ({ label: `churn_rate by ${b}`, names: ['churn_rate'], by: [b] })),
];
const hasCohorts = 'cohort_retention' in catalog;
const buyerMetrics = ['active_buyers', 'repurchase_rate'].filter((m) => m in catalog);
if (hasCohorts) calls.push({ label: 'cohort_retention (matrix)', names: ['cohort_retention'] });
if (buyerMetrics.length) calls.push({ label: `${buyerMetrics.join(' + ')} (orders)`, names: buyerMetrics });

/** Warm once, then the median of RUNS runs per call; the rows of the last run. */
async function timeCalls(conn: Connection, ws: Workspace): Promise<{ med: number[]; rows: MetricRow[][] }> {
  const med: number[] = [];
  const rows: MetricRow[][] = [];
  for (const c of calls) {
    const q = { period: 'month' as const, from: FROM, to: TO, by: c.by ?? [] };
    let r = await computeMetrics(conn, ws.config, c.names, q);
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      r = await computeMetrics(conn, ws.config, c.names, q);
      t.push(secs(t0));
    }
    med.push(t.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!);
    rows.push(r);
    log(`  ${c.label}: ${t.map((x) => x.toFixed(3)).join(' / ')} s`);
  }
  return { med, rows };
}

// biome-ignore lint/suspicious/noExplicitAny: the peer's JSON
type Peer = Record<string, any>;
const month = (r: MetricRow) =>
  (Number(r.period_start.slice(0, 4)) - 2024) * 12 + Number(r.period_start.slice(5, 7)) - 1;

/** Tenure's rows against the peer's figures: every month, every segment, every cohort cell. */
let compared = 0;
function differences(rows: MetricRow[], p: Peer): string[] {
  const diffs: string[] = [];
  const same = (what: string, a: number | null | undefined, b: number, tol = 0) => {
    compared++;
    if (a === null || a === undefined || !(Math.abs(a - b) <= tol)) diffs.push(`${what}: tenure ${a}, pandas ${b}`);
  };
  const f = p.flow.all;
  const seen = new Set<string>();
  for (const r of rows) {
    const k = month(r);
    const at = `${r.metric} ${r.period_start}${Object.keys(r.segment).length ? ` ${JSON.stringify(r.segment)}` : ''}`;
    const [by, seg] = Object.entries(r.segment)[0] ?? [];
    if (r.metric === 'churn_rate' && by) {
      seen.add(`${by}=${seg}`);
      const s = p.flow[by]?.[seg!] ?? { churned: [], active_start: [] };
      same(`${at} churned`, r.numerator, s.churned[k]);
      same(`${at} active at start`, r.denominator, s.active_start[k]);
    } else if (r.metric === 'churn_rate' || r.metric === 'retention_rate') {
      same(`${at} active at start`, r.denominator, f.active_start[k]);
      same(`${at} numerator`, r.numerator, r.metric === 'churn_rate' ? f.churned[k] : f.active_start[k] - f.churned[k]);
    } else if (r.metric === 'retention_rate_end_minus_new') {
      same(`${at} end − new − reactivated`, r.numerator, f.active_end[k] - f.new[k] - f.reactivated[k]);
    } else if (r.metric === 'nrr' || r.metric === 'grr') {
      same(at, r.value, p.revenue[r.metric][k], 1e-9);
    } else if (r.metric === 'mrr_movements') {
      for (const [part, v] of Object.entries(r.parts ?? {})) same(`${at} ${part}`, v, p.revenue[part][k], 1e-3);
    } else if (r.metric === 'cohort_retention') {
      const age = Number(r.segment.age);
      const cell = p.cohorts[`${k - age},${age}`];
      seen.add(`cohort ${k - age},${age}`);
      if (!cell) diffs.push(`${at}: no such cell in pandas`);
      else {
        same(`${at} cohort size`, r.denominator, cell.size);
        same(`${at} active`, r.numerator, cell.active);
        same(`${at} returned share`, r.parts?.returned_share, cell.returned / cell.size, 1e-9);
        if (cell.money0) same(`${at} revenue share`, r.parts?.revenue_share, cell.money / cell.money0, 1e-9);
      }
    } else if (r.metric === 'active_buyers') same(`${at} buyers`, r.value, p.purchases.buyers[k]);
    else if (r.metric === 'repurchase_rate') {
      same(`${at} returning buyers`, r.numerator, p.purchases.returning[k]);
      same(`${at} buyers`, r.denominator, p.purchases.buyers[k]);
    }
  }
  for (const by of SEGS)
    for (const seg of Object.keys(p.flow[by])) if (!seen.has(`${by}=${seg}`)) diffs.push(`${by}=${seg} only in pandas`);
  if (hasCohorts)
    for (const cell of Object.keys(p.cohorts))
      if (!seen.has(`cohort ${cell}`)) diffs.push(`cohort cell ${cell} only in pandas`);
  return diffs;
}

/** DuckDB's rows against another engine's (or the rollups' against the entity tables'): same keys, values to 1e-9. */
function engineDifferences(a: MetricRow[], b: MetricRow[], [x, y] = ['DuckDB', 'chdb']): string[] {
  const key = (r: MetricRow) => `${r.metric} ${r.period_start} ${JSON.stringify(r.segment)}`;
  const other = new Map(b.map((r) => [key(r), r]));
  const diffs = a.length === b.length ? [] : [`${a.length} rows on ${x}, ${b.length} on ${y}`];
  const near = (x: number | null, y: number | null) =>
    x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)));
  for (const r of a) {
    const s = other.get(key(r));
    if (!s || !(['value', 'numerator', 'denominator'] as const).every((f) => near(r[f], s[f])))
      diffs.push(`${key(r)}: ${x} ${r.value}, ${y} ${s ? s.value : 'missing'}`);
  }
  return diffs;
}

const ws = await workspace();
if (isDirty(wsDir)) {
  log('undoing the append batches of a run that stopped before it could…');
  await restore(ws, wsDir);
}
if (process.env.PREPARE === '1') {
  await ws.close();
  process.exit(0);
}
const counts = await ws.db.all<{ t: string; n: number }>(sql`SELECT 'customers' AS t, count(*) AS n FROM customers
  UNION ALL SELECT 'subscriptions', count(*) FROM subscriptions UNION ALL SELECT 'orders', count(*) FROM orders
  UNION ALL SELECT 'activity', count(*) FROM activity`);
log(counts.map((c) => `${c.t}: ${c.n.toLocaleString()}`).join(', '));
if (!hasCohorts) log('cohort_retention: not in the catalog yet, skipped');
if (!buyerMetrics.length) log('active_buyers / repurchase_rate: not in the catalog yet, orders metric skipped');

log('DuckDB: rebuilding the metric rollups (as after an import)…');
const t0 = performance.now();
const rebuilt: RollupRefresh[] = await refreshRollups(ws, { force: true });
const rebuild = secs(t0);
log(
  `  ${rebuild.toFixed(1)} s: ${rebuilt.map((r) => `${r.name} ${r.seconds.toFixed(1)} s (${r.rows.toLocaleString()} rows)`).join(', ')}`,
);
log(`DuckDB: ${calls.length} computeMetrics calls, warm-up + ${RUNS} runs each…`);
const duck = await timeCalls(ws.db, ws);
log('DuckDB without rollups (entity tables), one run per call…');
const baseMed: number[] = [];
for (const c of calls) {
  const t = performance.now();
  await computeMetrics(
    ws.db,
    ws.config,
    c.names,
    { period: 'month', from: FROM, to: TO, by: c.by ?? [] },
    { rollups: false },
  );
  baseMed.push(secs(t));
}

let chdb: { med: number[]; copy: number; diffs: string[] } | null = null;
const syncPath = '../packages/core/src/engine/clickhouse/sync.ts';
const sync: Record<string, unknown> = await import(syncPath).catch(() => ({}));
const copy = Object.entries(sync).find(([k, v]) => /^copy/.test(k) && typeof v === 'function')?.[1] as
  | ((ws: Workspace, ch: Connection) => Promise<unknown>)
  | undefined;
if (CHDB && 'clickhouse' in engines && copy) {
  const ch = await engines.clickhouse.open(`chdb:${chdbDir}`);
  if (!fs.existsSync(`${chdbDir}.ready`)) {
    log('copying the workspace into chdb…');
    const t0 = performance.now();
    await copy(ws, ch);
    fs.writeFileSync(`${chdbDir}.ready`, String(secs(t0)));
  }
  log(`chdb: ${calls.length} computeMetrics calls, warm-up + ${RUNS} runs each…`);
  const t = await timeCalls(ch, ws);
  const copied = Number(fs.readFileSync(`${chdbDir}.ready`, 'utf8'));
  chdb = { med: t.med, copy: copied, diffs: engineDifferences(duck.rows.flat(), t.rows.flat()) };
  await ch.close();
} else log(CHDB ? 'chdb: not available yet' : 'chdb: skipped (CHDB=0)');

log('exporting columns for pandas (once)…');
await exportForPeer(ws, buyerMetrics.length > 0);
await ws.close();
log('pandas peer…');
const args = [join(import.meta.dirname, 'metrics_peer.py'), peerDir, `${FROM}-01`, String(N)];
if (hasCohorts) args.push('cohorts');
if (buyerMetrics.length) args.push('purchases');
const runPeer = (a: string[]): Peer =>
  JSON.parse(execFileSync('/usr/bin/python3', a, { encoding: 'utf8', maxBuffer: 1 << 28 }));
const peer = runPeer(args);
const diffs = differences(duck.rows.flat(), peer);

/** The first 3 differences of each metric. */
function firsts(d: string[]): string {
  const per = new Map<string, string[]>();
  for (const x of d) {
    const m = x.split(' ')[0]!;
    per.set(m, [...(per.get(m) ?? []), x]);
  }
  return [...per].map(([m, xs]) => `${m}: ${xs.length}\n    ${xs.slice(0, 3).join('\n    ')}`).join('\n  ');
}
const total = (m: number[]) => m.reduce((a, b) => a + b, 0);
const line = (label: string, d: number, c?: number) =>
  log(`${label.padEnd(44)}${`${d.toFixed(3)} s`.padEnd(12)}${c === undefined ? '' : `${c.toFixed(3)} s`}`);
const ratio = peer.compute_s / total(duck.med);
log('\n=== bench:metrics summary ===');
log(`rows: ${counts.map((c) => `${c.t} ${c.n.toLocaleString()}`).join(', ')}`);
log(`window: ${FROM} … ${TO} (${N} months); per call, the median of ${RUNS} runs after a warm-up`);
log(`${'call'.padEnd(44)}${'DuckDB'.padEnd(12)}${chdb ? 'chdb' : ''}`);
for (const [i, c] of calls.entries()) line(c.label, duck.med[i]!, chdb?.med[i]);
line('total', total(duck.med), chdb ? total(chdb.med) : undefined);
log(`DuckDB rollup rebuild after a data change: ${rebuild.toFixed(1)} s (once per import; not in the total)`);
log(`DuckDB without rollups (entity tables, one run each): ${total(baseMed).toFixed(2)} s`);
log(`first report after a data change (rebuild + report): ${(rebuild + total(duck.med)).toFixed(1)} s`);
const agree = (d: string[], what: string) =>
  d.length ? `${what} DISAGREE (${d.length}):\n  ${firsts(d)}` : `${what}: figures agree`;
if (chdb) log(`chdb copy of the workspace: ${chdb.copy.toFixed(1)} s (cached)\n${agree(chdb.diffs, 'chdb vs DuckDB')}`);
else log(CHDB ? 'chdb: not available yet' : 'chdb: skipped (CHDB=0)');
log(
  `pandas ${peer.pandas} / numpy ${peer.numpy}: compute ${peer.compute_s.toFixed(2)} s, load ${peer.load_s.toFixed(2)} s`,
);
log(agree(diffs, `pandas vs Tenure (${compared.toLocaleString()} values compared)`));
log(
  `ratio (pandas compute ÷ total; load excluded): DuckDB ${ratio.toFixed(2)}×${chdb ? `, chdb ${(peer.compute_s / total(chdb.med)).toFixed(2)}×` : ''}`,
);
const ok = ratio >= 20 && total(duck.med) < 5 && !diffs.length;
log(`target (DuckDB ≥ 20× pandas and < 5 s, figures equal): ${ok ? 'MET' : 'NOT MET'}`);
if (!APPEND) process.exit(ok ? 0 : 1);

/** `computeMetrics` of `c` over the window; `rollups: false` reads the entity tables. */
const run = (w: Workspace, c: (typeof calls)[number], rollups = true) =>
  computeMetrics(w.db, w.config, c.names, { period: 'month', from: FROM, to: TO, by: c.by ?? [] }, { rollups });
const actions = (done: RollupRefresh[]) =>
  done
    .map(
      (d) =>
        `${d.name} ${d.action}${d.months ? ` from ${d.months[0]}` : ''}${d.customers === undefined ? '' : ` per customer (${d.customers.toLocaleString()})`}${d.orders === undefined ? '' : ` from ${d.orders.toLocaleString()} new orders`} ${d.seconds.toFixed(2)} s`,
    )
    .join(', ');

const wa = await openWorkspace(wsDir);
const ordersCsv = await ordersBatch(wa, wsDir, Math.round(ORDERS / 100));
const subsCsv = await subscriptionsBatch(wa, wsDir, TOUCHED);
await markDirty(wa, wsDir, subsCsv);
log(`\n(A) importing ${Math.round(ORDERS / 100).toLocaleString()} new orders, refreshing, the report once…`);
let ta = performance.now();
const importedA = await importFile(wa, 'orders', ordersCsv);
const importA = secs(ta);
ta = performance.now();
const refreshedA = await refreshRollups(wa);
const refreshA = secs(ta);
ta = performance.now();
const rowsA: MetricRow[][] = [];
for (const c of calls) rowsA.push(await run(wa, c));
const reportA = secs(ta);
log('  checking against the entity tables (rollups: false) and the peer with the new orders…');
const baseA: MetricRow[][] = [];
for (const c of calls) baseA.push(await run(wa, c, false));
const diffsA = engineDifferences(rowsA.flat(), baseA.flat(), ['rollups', 'entity tables']);
await exportAppended(wa, peerDir, FROM);
const peerA = runPeer([...args, 'append']);
compared = 0;
const peerDiffsA = differences(rowsA.flat(), peerA);

log(`(B) importing a subscriptions batch touching ${TOUCHED.toLocaleString()} customers, refreshing…`);
let tb = performance.now();
const importedB = await importFile(wa, 'subscriptions', subsCsv);
const importB = secs(tb);
tb = performance.now();
const refreshedB = await refreshRollups(wa);
const refreshB = secs(tb);
const subCalls = calls.filter((c) => !buyerMetrics.some((m) => c.names.includes(m)));
const diffsB: string[] = [];
for (const c of subCalls)
  diffsB.push(...engineDifferences((await run(wa, c)).flat(), await run(wa, c, false), ['rollups', 'entity tables']));
log('  undoing both batches…');
await restore(wa, wsDir);
await wa.close();

log('\n=== bench:metrics after a write ===');
log(
  `(A) ${importedA.rowsNew.toLocaleString()} new orders: import ${importA.toFixed(2)} s + refresh ${refreshA.toFixed(2)} s + report ${reportA.toFixed(2)} s = ${(importA + refreshA + reportA).toFixed(2)} s`,
);
log(`    refresh: ${actions(refreshedA)}`);
const peerTotalA = peerA.load_s + peerA.compute_s;
log(
  `    pandas again with the new orders: load ${peerA.load_s.toFixed(2)} s + compute ${peerA.compute_s.toFixed(2)} s = ${peerTotalA.toFixed(2)} s (ratio ${(peerTotalA / (importA + refreshA + reportA)).toFixed(1)}×)`,
);
log(`    ${agree(diffsA, 'rollups vs entity tables')}`);
log(`    ${agree(peerDiffsA, `pandas vs Tenure (${compared.toLocaleString()} values compared)`)}`);
const okA = importA + refreshA + reportA < 3 && !diffsA.length && !peerDiffsA.length;
log(`    target (< 3 s, figures equal): ${okA ? 'MET' : 'NOT MET'}`);
log(
  `(B) ${importedB.rowsNew.toLocaleString()} new and ${importedB.rowsUpdated.toLocaleString()} updated subscriptions (${TOUCHED.toLocaleString()} customers): import ${importB.toFixed(2)} s, refresh ${refreshB.toFixed(2)} s`,
);
log(`    refresh: ${actions(refreshedB)}`);
log(`    ${agree(diffsB, 'rollups vs entity tables')}`);
const okB = refreshB < 1 && !diffsB.length;
log(`    target (refresh < 1 s, figures equal): ${okB ? 'MET' : 'NOT MET'}`);
