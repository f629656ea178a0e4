/**
 * npm run bench:server — the HTTP API under load on a 1M-customer workspace.
 *
 * Data (built once, cached in bench/out/server-ws-<customers>): `generateDemo` with 1M customers over 36
 * months (seed 42); before the load, a churn model is trained and scored and the Kaplan–Meier and CLV models fitted
 * through the API when the workspace has none, so every read route has something to read. The server runs as
 * `tenure serve` in a child process, so the load generator (autocannon, in this process) does not share its
 * event loop; on a 2-core machine they still share the CPU.
 * Measured, with an analyst API key (admin for the admin routes), CONNECTIONS connections for DURATION s each:
 * 1. Every read route of the API (GET), each on its own: the views (overview, metrics, report, models…) the
 *    same request each time, served from the view cache after the first (a write drops it); the per-customer
 *    routes (customer 360, its churn risk) cycling over HOT customers from the top of the at-risk list, each
 *    opened once before the load (agents reopening the accounts they work on), and the 360 and the risk of any
 *    customer (every request a new one, computed: a first open, which the view cache cannot help);
 *    the at-risk list over its first five pages.
 * 2. GET /api/v1/customers?q=… (a search over every customer's id and name, with the total and the page's
 *    statuses and MRR): each request a different 5-digit name fragment ("Customer 4…"), so every request is
 *    computed (searches are not cached).
 * 3. JSON event ingestion: BATCHES batches of 10,000 new orders, two requests in flight; rows per second, and
 *    zero loss: the orders table grows by exactly the rows sent (counted in the workspace before and after).
 *    The bench's orders are deleted afterwards, so the cached workspace stays as generated.
 * 4. The overview right after a write: AFTER_WRITE times, a batch of 10 orders (new, then the same orders with
 *    new amounts), then GET /api/v1/overview timed at once: served from the answer kept through the write
 *    (`refreshing`); and how long until the answer is fresh again (rollups rebuilt, overview recomputed).
 *    Its orders are deleted afterwards too.
 * Before the loads, the bench waits until the server is idle (its own work after starting is done).
 * Also the gzip size of the dashboard's first-page JavaScript, when packages/web/dist exists.
 * Options (env): CUSTOMERS=1000000 DURATION=30 CONNECTIONS=100 BATCHES=20 HOT=1000 AFTER_WRITE=5, ONLY=<parts of
 * routes' names, separated by |> to measure only those routes (no ingestion then), PROFILE=<folder> to write the server's CPU
 * profile there (node --cpu-prof), to see where a route's time goes under load, and ENCODING=<Accept-Encoding>
 * (a browser's `gzip, deflate, br` by default; `identity` for a client that takes no compression).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  createKey,
  generateDemo,
  initWorkspace,
  openWorkspace,
  refreshCustomerStores,
  refreshServedRisk,
  refreshServedViews,
  sql,
  type Workspace,
} from '@tenure/core';
import autocannon from 'autocannon';
import { serveChild, serverIdle } from './serve-child.ts';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const BATCHES = Number(process.env.BATCHES ?? 20);
const HOT = Number(process.env.HOT ?? 1000);
const AFTER_WRITE = Number(process.env.AFTER_WRITE ?? 5);
const ONLY = process.env.ONLY ?? '';
/** Whether the part named `what` is measured: ONLY names parts of names, separated by `|`. */
const only = (what: string) => ONLY.split('|').some((o) => what.includes(o));
const PROFILE = process.env.PROFILE ?? '';
const ENCODING = process.env.ENCODING ?? 'gzip, deflate, br';
const BATCH = 10_000;
const root = join(import.meta.dirname, '..');
const wsDir = join(import.meta.dirname, 'out', `server-ws-${CUSTOMERS}`);
const log = (s: string) => process.stdout.write(`${s}\n`);
const run = `B${Date.now().toString(36)}`;

async function orders(ws: Workspace, where = sql`true`): Promise<number> {
  return (await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE ${where}`))[0]?.n ?? 0;
}

/** The cached workspace (generated once), a fresh analyst key, and the orders count before the run. */
async function prepare(): Promise<{ key: string; admin: string; before: number }> {
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
    // The per-customer stores the server would build after starting (and after every write), built here so
    // the 360s below are read as a running server reads them once it has caught up.
    log('bringing the per-customer stores up to date…');
    log(`  ${(await refreshCustomerStores(ws)).seconds.toFixed(0)} s`);
    log('bringing the served 360s and churn risks up to date…');
    log(
      `  ${(await refreshServedViews(ws)).seconds.toFixed(0)} s, ${(await refreshServedRisk(ws)).seconds.toFixed(0)} s`,
    );
    return {
      key: (await createKey(ws, { name: `bench ${run}`, role: 'analyst' })).key,
      admin: (await createKey(ws, { name: `bench ${run}`, role: 'admin' })).key,
      before: await orders(ws),
    };
  } finally {
    await ws.close();
  }
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
    // As the dashboard's browser asks: routes that prepare a compressed answer send it (prepared.ts).
    headers: { authorization: `Bearer ${key}`, 'accept-encoding': ENCODING },
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  // Requests still queued in the server when the load stops finish before anything else is measured.
  await fetch(`${url}/api/v1/imports?page_size=1`, { headers: { authorization: `Bearer ${key}` } });
  return {
    what,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** POST a job (training, scoring, a fit) and wait for it; the bench's workspace keeps what it stored. */
async function job(url: string, key: string, path: string, body: unknown): Promise<void> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const start = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const { job_id: jobId } = (await start.json()) as { job_id: string };
  for (let lost = 0; ; ) {
    // A long fit keeps the server's event loop busy, and an idle keep-alive socket may be closed just as the
    // next poll is sent: try again on a fresh connection a few times before giving up.
    const res = await fetch(`${url}/api/v1/models/jobs/${jobId}`, { headers }).catch((e: unknown) => {
      if (++lost > 5) throw e;
      return null;
    });
    if (!res) continue;
    const r = (await res.json()) as { state: string };
    if (r.state === 'done') return;
    if (r.state === 'failed') throw new Error(`${path}: ${JSON.stringify(r)}`);
    await new Promise((go) => setTimeout(go, 1000));
  }
}

/** A churn model, a scoring, a Kaplan–Meier and a CLV fit, unless the workspace has them from an earlier run. */
async function models(url: string, key: string): Promise<void> {
  const headers = { authorization: `Bearer ${key}` };
  if ((await fetch(`${url}/api/v1/churn/model`, { headers })).status === 404) {
    log('training and scoring the churn model…');
    await job(url, key, '/api/v1/churn/train', { backtest: false });
    await job(url, key, '/api/v1/churn/score', {});
  }
  for (const model of ['km', 'clv']) {
    if ((await fetch(`${url}/api/v1/models/${model}/latest`, { headers })).status !== 404) continue;
    log(`fitting ${model}…`);
    await job(url, key, `/api/v1/models/${model}/fit`, {});
  }
}

interface Route {
  what: string;
  path: () => string;
  admin?: boolean;
}

/** Every read route of the API (search is measured on its own), with the paths to request. */
function readRoutes(hot: string[], scored: string[]): Route[] {
  const any = () => `C${String(1 + Math.floor(Math.random() * CUSTOMERS)).padStart(7, '0')}`;
  let h = 0;
  let s = 0;
  const next = () => hot[h++ % hot.length] as string;
  const fixed = (what: string, path: string, admin = false): Route => ({ what, path: () => path, admin });
  return [
    fixed('health', '/api/health'),
    fixed('auth/me', '/api/v1/auth/me'),
    fixed('status', '/api/v1/status'),
    fixed('overview', '/api/v1/overview'),
    fixed('cohorts', '/api/v1/cohorts'),
    fixed('churn reasons', '/api/v1/churn-reasons'),
    fixed('metric catalogue', '/api/v1/metrics'),
    fixed('metric churn_rate by region', '/api/v1/metrics/churn_rate?from=2025-01&to=2025-12&by=region'),
    fixed('report', '/api/v1/report'),
    fixed('quality', '/api/v1/quality'),
    fixed('benchmarks', '/api/v1/benchmarks'),
    fixed('model catalogue', '/api/v1/models'),
    fixed('model runs', '/api/v1/models/runs'),
    fixed('survival by region', '/api/v1/models/survival?by=region'),
    fixed('km latest run', '/api/v1/models/km/latest'),
    fixed('clv', '/api/v1/clv'),
    fixed('churn model', '/api/v1/churn/model'),
    { what: 'at-risk list, pages 1–5', path: () => `/api/v1/churn/at-risk?page=${1 + (h++ % 5)}` },
    fixed('alerts', '/api/v1/alerts'),
    fixed('alert settings', '/api/v1/alerts/settings', true),
    fixed('settings', '/api/v1/settings'),
    fixed('imports', '/api/v1/imports'),
    fixed('users', '/api/v1/users', true),
    fixed('keys', '/api/v1/keys', true),
    fixed('audit', '/api/v1/audit', true),
    { what: `customer 360, ${hot.length} customers reopened`, path: () => `/api/v1/customers/${next()}` },
    { what: `churn risk, ${hot.length} customers reopened`, path: () => `/api/v1/churn/customers/${next()}` },
    { what: 'customer 360, any customer (first open)', path: () => `/api/v1/customers/${any()}` },
    {
      what: 'churn risk, any scored customer (first open)',
      path: () => `/api/v1/churn/customers/${scored[s++ % scored.length]}`,
    },
  ];
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

interface AfterWrite {
  /** GET /overview right after each batch's reply, ms. */
  ms: number[];
  /** How many of those were the kept answer, marked refreshing. */
  stale: number;
  /** From each batch's reply until the overview was fresh again, ms. */
  fresh: number[];
  /** New orders the batches added (the first batch's), for the zero-loss count of the ingestion. */
  added: number;
}

/**
 * AFTER_WRITE × (a 10-order batch, then GET /overview at once, then until it is fresh again): the first batch adds
 * the orders, each later one changes their amounts, so every batch changes figures the overview reads.
 */
async function overviewAfterWrite(url: string, key: string): Promise<AfterWrite> {
  const headers = { authorization: `Bearer ${key}` };
  const overview = async () => {
    const res = await fetch(`${url}/api/v1/overview`, { headers });
    if (res.status !== 200) throw new Error(`overview: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { refreshing: boolean };
  };
  const out: AfterWrite = { ms: [], stale: 0, fresh: [], added: 0 };
  for (let round = 0; round < AFTER_WRITE; round++) {
    const rows = Array.from({ length: 10 }, (_, i) => ({
      order_id: `${run}w-${i}`,
      customer_id: `C${String(1 + i).padStart(7, '0')}`,
      ordered_at: '2025-12-15 12:00:00',
      amount: 10 + round + i,
    }));
    const res = await fetch(`${url}/api/v1/events/orders`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    if (res.status !== 200) throw new Error(`after-write batch: HTTP ${res.status} ${await res.text()}`);
    out.added += ((await res.json()) as { new: number }).new;
    const written = performance.now();
    const o = await overview();
    out.ms.push(performance.now() - written);
    if (o.refreshing) out.stale++;
    for (let r = o; r.refreshing; r = await overview()) await new Promise((go) => setTimeout(go, 50));
    out.fresh.push(performance.now() - written);
  }
  return out;
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

const { key, admin, before } = await prepare();
const { child, url } = await serveChild(wsDir, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []);
const results: Load[] = [];
let events = { rows: 0, seconds: 0, loaded: 0 };
let afterWrite: AfterWrite | null = null;
let cold: number;
try {
  const headers = { authorization: `Bearer ${key}` };
  const t0 = performance.now();
  const first = await fetch(`${url}/api/v1/overview`, { headers });
  if (first.status !== 200) throw new Error(`overview: HTTP ${first.status} ${await first.text()}`);
  cold = performance.now() - t0;
  await models(url, key);
  // The customers a retention team works on: the top of the at-risk list.
  const hot: string[] = [];
  for (let page = 1; hot.length < HOT; page++) {
    const r = await fetch(`${url}/api/v1/churn/at-risk?page_size=500&page=${page}`, { headers });
    const rows = ((await r.json()) as { rows: { customer_id: string }[] }).rows;
    if (!rows.length) break;
    hot.push(...rows.slice(0, HOT - hot.length).map((x) => x.customer_id));
  }
  // Reopened means opened before: each hot customer's 360 and risk once, before the load.
  if (readRoutes(hot, []).some((r) => r.what.includes('reopened') && only(r.what))) {
    log(`opening the ${hot.length} hot customers once…`);
    for (let i = 0; i < hot.length; i += 8)
      await Promise.all(
        hot
          .slice(i, i + 8)
          .flatMap((id) => [
            fetch(`${url}/api/v1/customers/${id}`, { headers }).then((r) => r.arrayBuffer()),
            fetch(`${url}/api/v1/churn/customers/${id}`, { headers }).then((r) => r.arrayBuffer()),
          ]),
      );
  }
  // Scored customers from anywhere in the queue (20 random pages), each asked once: first opens of a risk view.
  const scored: string[] = [];
  const pages = (await (await fetch(`${url}/api/v1/churn/at-risk?page_size=500`, { headers })).json()) as {
    total: number;
  };
  for (let i = 0; i < 20; i++) {
    const page = 1 + Math.floor(Math.random() * Math.ceil(pages.total / 500));
    const r = await fetch(`${url}/api/v1/churn/at-risk?page_size=500&page=${page}`, { headers });
    scored.push(...((await r.json()) as { rows: { customer_id: string }[] }).rows.map((x) => x.customer_id));
  }
  // What the server does on its own after starting (the search index, the served 360s after the model runs
  // above) is finished first: the loads measure the routes, not that work.
  log('waiting for the server to finish its own work…');
  await serverIdle(child, log);
  for (const r of readRoutes(hot, scored)) {
    if (only(r.what)) results.push(await load(r.what, url, r.admin ? admin : key, r.path));
  }
  const fragment = () => `Customer ${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
  if (only('customer search'))
    results.push(
      await load('customer search', url, key, () => `/api/v1/customers?q=${encodeURIComponent(fragment())}`),
    );
  if (only('overview right after a write')) {
    log(`overview right after a write, ${AFTER_WRITE} times…`);
    afterWrite = await overviewAfterWrite(url, key);
  }
  if (!ONLY) {
    log(`ingesting ${BATCHES} × ${BATCH.toLocaleString('en-US')} orders…`);
    events = await ingest(url, key);
  }
} finally {
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
const ws = await openWorkspace(wsDir);
const after = await orders(ws);
const ours = await orders(ws, sql`order_id LIKE ${`${run}-%`}`);
await ws.db.run(sql`DELETE FROM orders WHERE order_id LIKE ${`${run}-%`} OR order_id LIKE ${`${run}w-%`}`);
await ws.db.run(sql`UPDATE api_keys SET revoked_at = current_timestamp::TIMESTAMP WHERE name = ${`bench ${run}`}`);
await ws.close();

const ms = (x: number) => `${x.toFixed(0)} ms`;
log(`\nServer benchmark: ${CUSTOMERS.toLocaleString('en-US')} customers, ${CONNECTIONS} connections × ${DURATION} s\n`);
log('| endpoint | requests/s | p50 | p99 | errors |');
log('|---|--:|--:|--:|--:|');
for (const r of results) log(`| ${r.what} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`);
log(`\noverview, first request (computed, not cached): ${ms(cold)}`);
if (afterWrite) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
  log(
    `overview right after a write (10-order batch, ${afterWrite.ms.length} times): median ${ms(median(afterWrite.ms))}, max ${ms(Math.max(...afterWrite.ms))}; ${afterWrite.stale} of ${afterWrite.ms.length} answered from the kept answer (refreshing); fresh again after median ${ms(median(afterWrite.fresh))}, max ${ms(Math.max(...afterWrite.fresh))}`,
  );
}
const lost = events.rows - (after - before - (afterWrite?.added ?? 0));
const over = results.filter((r) => r.what !== 'customer search' && r.p99 >= 50);
log(`\nread routes with p99 ≥ 50 ms: ${over.length ? over.map((r) => r.what).join(', ') : 'none'}`);
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
