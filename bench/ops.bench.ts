/**
 * npm run bench:ops — the retention team's day on a large workspace (issue 12's performance targets).
 *
 * Data: a copy of the 1M-customer demo workspace of `npm run bench:server` (SOURCE, default
 * /work/main/bench/out/server-ws-<customers>; copied once to bench/out/ops-ws-<customers>, the original never
 * opened), or, when there is none, `generateDemo` at CUSTOMERS over 36 months (seed 42). Into it, through the
 * importer (`importFile`, as `tenure import` runs it: this is also the importer's scale test), CASES cases and
 * EVENTS_PER_CASE changes each, generated as another tool's export (bench/ops/data.ts), owned by AGENTS users.
 * Then `tenure serve` in a child process (the load generator does not share its event loop; on a 2-core
 * machine they still share the CPU), and:
 * (a) the case inbox — GET /api/v1/cases filtered by two stages and an owner, sorted by priority, one page of
 *     25 — for DURATION s at CONNECTIONS connections (autocannon), each request another owner: target p99 < 50 ms;
 * (b) transitions (moves to diagnosed and notes) arriving at RATE a second while an import of ORDERS orders runs
 *     through the import route, and for REFRESH s after it, while the rollup refresh the import kicked runs on the
 *     same server: target p99 < 100 ms, split by what ran meanwhile. An open loop (casesAtRate in
 *     bench/ops/transitions.ts): a latency is measured at a stated load, below what the server can take; 50 a
 *     second is a team of 200 agents each changing a case every 4 s, several times a real team's pace.
 * (c) the same with WORKERS agents in a closed loop, each sending its next change the moment the last is
 *     answered: the server's capacity for transitions while it imports and refreshes (no target: at saturation a
 *     latency is the queue's length).
 * Each part starts once the server is idle (serve-child.ts serverIdle).
 * Options (env): CUSTOMERS=1000000 CASES=customers/5 EVENTS_PER_CASE=10 AGENTS=200 DURATION=30 CONNECTIONS=50
 * RATE=50 WORKERS=10 ORDERS=300000 REFRESH=60 SOURCE=<workspace folder to copy>, PROFILE=<folder> for the server's CPU profile (node --cpu-prof).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  addUser,
  createKey,
  generateDemo,
  importFile,
  initWorkspace,
  openWorkspace,
  refreshCustomerStores,
  refreshRollups,
  refreshServedRisk,
  refreshServedViews,
  sql,
} from '@tenure/core';
import autocannon from 'autocannon';
import { agentName, writeOpsFiles } from './ops/data.ts';
import { casesAtRate, percentiles, type Timed, workCases } from './ops/transitions.ts';
import { serveChild, serverIdle } from './serve-child.ts';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 1_000_000);
const CASES = Number(process.env.CASES ?? Math.round(CUSTOMERS / 5));
const EVENTS_PER_CASE = Number(process.env.EVENTS_PER_CASE ?? 10);
const AGENTS = Number(process.env.AGENTS ?? 200);
const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const WORKERS = Number(process.env.WORKERS ?? 10);
const RATE = Number(process.env.RATE ?? 50);
const ORDERS = Number(process.env.ORDERS ?? 300_000);
const REFRESH = Number(process.env.REFRESH ?? 60);
const SOURCE = process.env.SOURCE ?? join('/work/main/bench/out', `server-ws-${CUSTOMERS}`);
const out = join(import.meta.dirname, 'out');
const wsDir = join(out, `ops-ws-${CUSTOMERS}`);
const dataDir = join(out, `ops-data-${CUSTOMERS}`);
const log = (s: string) => process.stdout.write(`${s}\n`);
const n = (x: number) => x.toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** The workspace: a copy of the demo (or a new one), with agents, cases and their history imported once. */
async function prepare(): Promise<{ key: string; received: string[]; imported: string[] }> {
  if (!existsSync(join(wsDir, 'tenure.duckdb'))) {
    if (existsSync(join(SOURCE, 'tenure.duckdb'))) {
      log(`copying ${SOURCE} → ${wsDir}…`);
      cpSync(SOURCE, wsDir, { recursive: true });
    } else {
      log(`generating the demo: ${n(CUSTOMERS)} customers over 36 months…`);
      const ws = await initWorkspace(wsDir, { force: true });
      await generateDemo(ws, { customers: CUSTOMERS, months: 36, seed: 42 }).finally(() => ws.close());
    }
  }
  const ws = await openWorkspace(wsDir);
  const imported: string[] = [];
  try {
    const ready = join(wsDir, 'ops-ready');
    if (!existsSync(ready)) {
      for (let i = 0; i < AGENTS; i++)
        await addUser(ws, { username: agentName(i), role: 'analyst', password: 'a long bench passphrase' });
      mkdirSync(dataDir, { recursive: true });
      let t0 = performance.now();
      const files = await writeOpsFiles(dataDir, {
        customers: CUSTOMERS,
        cases: CASES,
        eventsPerCase: EVENTS_PER_CASE,
        agents: AGENTS,
        now: Date.now(),
      });
      log(`generated ${n(CASES)} cases and ${n(CASES * EVENTS_PER_CASE)} case events in ${secs(t0)} s`);
      for (const [entity, file] of [
        ['cases', files.cases],
        ['case_events', files.events],
      ] as const) {
        t0 = performance.now();
        const s = await importFile(ws, entity, file);
        const line = `import ${entity}: ${n(s.rowsRead)} rows, ${n(s.rowsNew)} new, ${n(s.rowsRejected)} rejected in ${secs(t0)} s (${n(Math.round(s.rowsRead / ((performance.now() - t0) / 1000)))} rows/s; load ${load()})`;
        log(line);
        imported.push(line);
        if (s.rowsRejected) throw new Error(`${entity}: ${JSON.stringify(s.problems)}`);
      }
      t0 = performance.now();
      const again = await importFile(ws, 'case_events', files.events);
      const line = `import case_events again: ${n(again.rowsNew)} new, ${n(again.rowsUnchanged)} unchanged in ${secs(t0)} s (idempotence)`;
      log(line);
      imported.push(line);
      writeFileSync(ready, imported.join('\n'));
    } else imported.push(...readFileSync(ready, 'utf8').split('\n'));
    // What the server would rebuild after starting, built here so that (a) measures a server that has caught up.
    const t0 = performance.now();
    await refreshRollups(ws);
    await refreshCustomerStores(ws);
    await refreshServedViews(ws);
    await refreshServedRisk(ws);
    log(`rollups and per-customer stores up to date in ${secs(t0)} s`);
    // Cases still at received: the agents of (b) each take some to diagnose.
    const received = (
      await ws.db.all<{ id: string }>(
        sql`SELECT case_id AS id FROM cases WHERE stage = 'received' AND source = 'import' ORDER BY case_id DESC LIMIT 20000`,
      )
    ).map((r) => r.id);
    const [counts] = await ws.db.all<{ cases: number; events: number }>(
      sql`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events`,
    );
    log(`workspace: ${n(Number(counts?.cases))} cases, ${n(Number(counts?.events))} case events`);
    return { key: (await createKey(ws, { name: 'bench ops', role: 'analyst' })).key, received, imported };
  } finally {
    await ws.close();
  }
}

const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** (a) The inbox: two stages and an owner, by priority, a page of 25; each request another owner. */
async function inbox(url: string, key: string) {
  let i = 0;
  const path = () =>
    `/api/v1/cases?stage=received&stage=diagnosed&owner=${agentName(i++ % AGENTS)}&sort=priority&order=desc&page_size=25`;
  const first = await (await fetch(`${url}${path()}`, { headers: { authorization: `Bearer ${key}` } })).json();
  log(`inbox page: ${(first as { total: number }).total} cases match for ${agentName(0)}`);
  log(`(a) inbox: ${CONNECTIONS} connections for ${DURATION} s…`);
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 60,
    headers: { authorization: `Bearer ${key}` },
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

/**
 * An orders file for the import that runs during (b): new orders of existing customers, their ids new on every
 * run, so the import writes rows and the rollup refresh after it has work to do.
 */
function ordersFile(): string {
  const run = Date.now().toString(36);
  const file = join(dataDir, `orders-${run}.csv`);
  const lines = ['order_id,customer_id,ordered_at,amount'];
  for (let i = 0; i < ORDERS; i++)
    lines.push(
      `OPSB-${run}-${i},C${String(1 + ((i * 7919) % CUSTOMERS)).padStart(7, '0')},2025-0${1 + (i % 9)}-1${i % 10} 12:00:00,${(i % 97) + 0.5}`,
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

type Agents = (until: () => boolean) => Promise<Timed[]>;

/** Agents' transitions while an import runs on the server and the rollup refresh it kicks after it. */
async function transitions(url: string, key: string, what: string, work: Agents) {
  const headers = { authorization: `Bearer ${key}` };
  const form = new FormData();
  form.append('entity', 'orders');
  const orders = ordersFile();
  form.append('file', new Blob([readFileSync(orders)]), 'orders.csv');
  rmSync(orders);
  log(`${what} while ${n(ORDERS)} orders import, then for ${REFRESH} s of refresh…`);
  let importEnd = 0;
  let stop = false;
  const t0 = performance.now();
  const agents = work(() => stop);
  const start = (await (await fetch(`${url}/api/v1/imports`, { method: 'POST', headers, body: form })).json()) as {
    job_id: string;
  };
  for (;;) {
    const j = (await (await fetch(`${url}/api/v1/imports/${start.job_id}`, { headers })).json()) as { state: string };
    if (j.state === 'done' || j.state === 'failed') {
      importEnd = performance.now();
      log(`  import ${j.state} in ${((importEnd - t0) / 1000).toFixed(1)} s`);
      break;
    }
    await new Promise((go) => setTimeout(go, 250));
  }
  await new Promise((go) => setTimeout(go, REFRESH * 1000));
  stop = true;
  const timed: Timed[] = await agents;
  const slowest = [...timed].sort((x, y) => y.ms - x.ms).slice(0, 5);
  for (const t of slowest)
    log(
      `  slow: ${t.ms.toFixed(0)} ms at ${((t.at - t0) / 1000).toFixed(1)} s (import ended at ${((importEnd - t0) / 1000).toFixed(1)} s): ${t.what}`,
    );
  const failed = new Map<string, number>();
  for (const t of timed) if (!t.ok) failed.set(t.what, (failed.get(t.what) ?? 0) + 1);
  for (const [what, count] of failed) log(`  failed: ${count} × ${what}`);
  const during = timed.filter((t) => t.at < importEnd).map((t) => t.ms);
  const after = timed.filter((t) => t.at >= importEnd).map((t) => t.ms);
  return {
    import: percentiles(during),
    refresh: percentiles(after),
    all: percentiles(timed.map((t) => t.ms)),
    errors: timed.filter((t) => !t.ok).length,
    importSeconds: (importEnd - t0) / 1000,
  };
}

log(`load before: ${load()}`);
const { key, received, imported } = await prepare();
const PROFILE = process.env.PROFILE ?? '';
const { child, url } = await serveChild(wsDir, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []);
let a: Awaited<ReturnType<typeof inbox>>;
let b: Awaited<ReturnType<typeof transitions>>;
let c: Awaited<ReturnType<typeof transitions>>;
try {
  // Each part starts with the server idle (its own work after starting, or after the last part's import, done).
  log('waiting for the server to finish its own work…');
  await serverIdle(child, log);
  a = await inbox(url, key);
  // Each part works cases of its own: a case is moved to diagnosed once.
  const half = received.length >> 1;
  await serverIdle(child, log);
  b = await transitions(url, key, `(b) transitions at ${RATE}/s`, (until) =>
    casesAtRate(url, key, received.slice(0, half), RATE, until),
  );
  await serverIdle(child, log);
  c = await transitions(url, key, `(c) ${WORKERS} agents in a closed loop`, (until) =>
    workCases(url, key, received.slice(half), WORKERS, until),
  );
} finally {
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
log('');
log(`workspace: ${n(CUSTOMERS)} customers, ${n(CASES)} cases, ${n(CASES * EVENTS_PER_CASE)} imported case events`);
for (const l of imported) log(l);
log(
  `(a) inbox (2 stages + owner, by priority, page of 25) at ${CONNECTIONS} connections: ${a.rps.toFixed(0)} req/s, p50 ${ms(a.p50)}, p99 ${ms(a.p99)} (target < 50 ms: ${a.p99 < 50 ? 'met' : 'MISSED'}), ${a.errors} errors`,
);
const phases = (x: typeof b) =>
  `during the import (${x.importSeconds.toFixed(0)} s) n=${x.import.n} p50 ${ms(x.import.p50)} p99 ${ms(x.import.p99)}; during the refresh after it n=${x.refresh.n} p50 ${ms(x.refresh.p50)} p99 ${ms(x.refresh.p99)}`;
const seconds = c.importSeconds + REFRESH;
log(
  `(b) transitions arriving at ${RATE}/s: ${phases(b)}; all p99 ${ms(b.all.p99)} (target < 100 ms: ${b.all.p99 < 100 ? 'met' : 'MISSED'}), max ${ms(b.all.max)}, ${b.errors} errors`,
);
log(
  `(c) ${WORKERS} agents in a closed loop: ${(c.all.n / seconds).toFixed(0)} transitions/s; ${phases(c)}; max ${ms(c.all.max)}, ${c.errors} errors`,
);
log(
  `ratios: inbox p99 / 50 ms = ${(a.p99 / 50).toFixed(2)}; transition p99 / 100 ms = ${(b.all.p99 / 100).toFixed(2)}`,
);
log(`load after: ${load()} (1, 5, 15 min; ${process.env.HOSTNAME ?? 'this machine'})`);
