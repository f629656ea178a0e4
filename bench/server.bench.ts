/**
 * npm run bench:server — the HTTP API under load on a 1M-customer workspace.
 *
 * Data (built once, cached in bench/out/server-ws-<customers>): `generateDemo` with 1M customers over 36
 * months (seed 42). The server runs as `tenure serve` in a child process, so the load generator (autocannon,
 * in this process) does not share its event loop; on a 2-core machine they still share the CPU.
 * Measured, with an analyst API key:
 * 1. GET /api/v1/overview (nine KPI cards over 12 months): the first request (computed), then 100 connections
 *    for 30 s (served from the view cache, which a write would drop).
 * 2. GET /api/v1/customers?q=… (a search over every customer's id and name, with the total and the page's
 *    statuses and MRR): 100 connections, 30 s, each request a different 5-digit name fragment ("Customer 4…"),
 *    so every request is computed (searches are not cached).
 * 3. JSON event ingestion: BATCHES batches of 10,000 new orders, two requests in flight; rows per second, and
 *    zero loss: the orders table grows by exactly the rows sent (counted in the workspace before and after).
 *    The bench's orders are deleted afterwards, so the cached workspace stays as generated.
 * Also the gzip size of the dashboard's first-page JavaScript, when packages/web/dist exists.
 * Options: CUSTOMERS=1000000 DURATION=30 CONNECTIONS=100 BATCHES=20 env vars.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createKey, generateDemo, initWorkspace, openWorkspace, sql, type Workspace } from '@tenure/core';
import autocannon from 'autocannon';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const BATCHES = Number(process.env.BATCHES ?? 20);
const BATCH = 10_000;
const root = join(import.meta.dirname, '..');
const wsDir = join(import.meta.dirname, 'out', `server-ws-${CUSTOMERS}`);
const log = (s: string) => process.stdout.write(`${s}\n`);
const run = `B${Date.now().toString(36)}`;

async function orders(ws: Workspace, where = sql`true`): Promise<number> {
  return (await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE ${where}`))[0]?.n ?? 0;
}

/** The cached workspace (generated once), a fresh analyst key, and the orders count before the run. */
async function prepare(): Promise<{ key: string; before: number }> {
  const ready = join(wsDir, 'bench-ready');
  if (!existsSync(ready)) {
    log(`generating the demo: ${CUSTOMERS.toLocaleString('en-US')} customers over 36 months…`);
    const t0 = performance.now();
    const ws = await initWorkspace(wsDir, { force: true });
    await generateDemo(ws, { customers: CUSTOMERS, months: 36, seed: 42 }).finally(() => ws.close());
    writeFileSync(ready, '');
    log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const ws = await openWorkspace(wsDir);
  try {
    return { key: (await createKey(ws, { name: `bench ${run}`, role: 'analyst' })).key, before: await orders(ws) };
  } finally {
    await ws.close();
  }
}

/** `tenure serve` on the workspace; resolves with its URL once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [
    join(root, 'packages/cli/bin/tenure.js'),
    'serve',
    '-w',
    wsDir,
    '--port',
    '0',
    '--json',
  ]);
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      try {
        done({ child, url: (JSON.parse(out) as { url: string }).url });
      } catch {
        // not all of the JSON yet
      }
    });
    child.stderr?.pipe(process.stderr);
    child.on('exit', (code) => fail(new Error(`tenure serve exited with ${code}`)));
  });
}

interface Load {
  what: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** 100 connections for 30 s on `path()`: the same path each time, or a new one per request. */
async function load(what: string, url: string, key: string, path: () => string): Promise<Load> {
  log(`${what}: ${CONNECTIONS} connections for ${DURATION} s…`);
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 60,
    headers: { authorization: `Bearer ${key}` },
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  // Requests still queued in the server when the load stops finish before anything else is measured.
  await fetch(`${url}/api/v1/imports?pageSize=1`, { headers: { authorization: `Bearer ${key}` } });
  return {
    what,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** BATCHES × 10,000 new orders, two requests in flight (the server applies them one at a time). */
async function ingest(url: string, key: string): Promise<{ rows: number; seconds: number; loaded: number }> {
  const body = (b: number) =>
    JSON.stringify({
      rows: Array.from({ length: BATCH }, (_, i) => ({
        order_id: `${run}-${b}-${i}`,
        customer_id: `C${String(1 + ((b * BATCH + i) % CUSTOMERS)).padStart(7, '0')}`,
        ordered_at: '2025-12-15 12:00:00',
        amount: 10 + (i % 90),
      })),
    });
  let next = 0;
  let loaded = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (let b = next++; b < BATCHES; b = next++) {
      const res = await fetch(`${url}/api/v1/events/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body(b),
      });
      if (res.status !== 200) throw new Error(`batch ${b}: HTTP ${res.status} ${await res.text()}`);
      loaded += ((await res.json()) as { new: number }).new;
    }
  };
  await Promise.all([worker(), worker()]);
  return { rows: BATCHES * BATCH, seconds: (performance.now() - t0) / 1000, loaded };
}

/** gzip bytes of the JavaScript index.html loads up front: the entry module and its modulepreloads. */
function firstPageJs(): { files: number; raw: number; gzip: number } | null {
  const dist = join(root, 'packages/web/dist');
  if (!existsSync(join(dist, 'index.html'))) return null;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const bufs = srcs.map((s) => readFileSync(join(dist, s)));
  return {
    files: bufs.length,
    raw: bufs.reduce((t, b) => t + b.length, 0),
    gzip: bufs.reduce((t, b) => t + gzipSync(b, { level: 9 }).length, 0),
  };
}

const { key, before } = await prepare();
const { child, url } = await serve();
let results: Load[] = [];
let events: Awaited<ReturnType<typeof ingest>>;
let cold: number;
try {
  const headers = { authorization: `Bearer ${key}` };
  const t0 = performance.now();
  const first = await fetch(`${url}/api/v1/overview`, { headers });
  if (first.status !== 200) throw new Error(`overview: HTTP ${first.status} ${await first.text()}`);
  cold = performance.now() - t0;
  const fragment = () => `Customer ${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
  results = [
    await load('overview (cached view)', url, key, () => '/api/v1/overview'),
    await load('customer search', url, key, () => `/api/v1/customers?q=${encodeURIComponent(fragment())}`),
  ];
  log(`ingesting ${BATCHES} × ${BATCH.toLocaleString('en-US')} orders…`);
  events = await ingest(url, key);
} finally {
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
const ws = await openWorkspace(wsDir);
const after = await orders(ws);
const ours = await orders(ws, sql`order_id LIKE ${`${run}-%`}`);
await ws.db.run(sql`DELETE FROM orders WHERE order_id LIKE ${`${run}-%`}`);
await ws.db.run(sql`UPDATE api_keys SET revoked_at = current_timestamp::TIMESTAMP WHERE name = ${`bench ${run}`}`);
await ws.close();

const ms = (x: number) => `${x.toFixed(0)} ms`;
log(`\nServer benchmark: ${CUSTOMERS.toLocaleString('en-US')} customers, ${CONNECTIONS} connections × ${DURATION} s\n`);
log('| endpoint | requests/s | p50 | p99 | errors |');
log('|---|--:|--:|--:|--:|');
for (const r of results) log(`| ${r.what} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`);
log(`\noverview, first request (computed, not cached): ${ms(cold)}`);
const lost = events.rows - (after - before);
log(
  `event ingestion: ${events.rows.toLocaleString('en-US')} rows in ${events.seconds.toFixed(1)} s = ${(events.rows / events.seconds).toFixed(0)} rows/s; orders ${before.toLocaleString('en-US')} → ${after.toLocaleString('en-US')} (+${(after - before).toLocaleString('en-US')}, reported new ${events.loaded.toLocaleString('en-US')}, found ${ours.toLocaleString('en-US')}): ${lost === 0 && ours === events.rows ? 'zero loss' : `${lost} LOST`}`,
);
const js = firstPageJs();
log(
  js
    ? `dashboard first page: ${js.files} JS file(s), ${(js.raw / 1024).toFixed(1)} KiB, gzip ${(js.gzip / 1024).toFixed(1)} KiB`
    : 'dashboard first page: packages/web/dist not built (npm run build -w @tenure/web)',
);
if (results.some((r) => r.errors) || lost !== 0) process.exitCode = 1;
