/**
 * npm run bench:commit-stall — why an agent's case write waits behind an import in one DuckDB file, and what
 * does not make it wait (issue 12: a transition p99 < 100 ms while an import and a refresh run).
 *
 * One database, one thread, as `tenure serve` runs DuckDB (server/src/cores.ts). A writer commits a one-row
 * update every 20 ms (an agent's move: BEGIN, UPDATE, COMMIT) while another connection writes ROWS rows in one
 * transaction (an import's append, a store's rewrite), in each of these layouts:
 * - `one file`: both tables in the workspace file;
 * - `temp`: the large write to a temporary table (what a refresh stages before it writes);
 * - `attached`: the small writer's table in a second database file ATTACHed to the same instance, named with it;
 * - `attached, by search path`: the same, the table named alone and found through the connection's search path
 *   (workspace file first, as Tenure sets it: workspace/people.ts).
 * It prints the large transaction's statement and COMMIT times and the small commits' p50, p99 and max: the
 * small commits' max against the large COMMIT's time says whether they queued behind it.
 * Options (env): ROWS=1000000 (rows the large transaction writes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tenure-commit-stall-'));
const log = (s: string) => process.stdout.write(`${s}\n`);

type Layout = 'one file' | 'temp' | 'attached' | 'attached, by search path';

async function run(layout: Layout): Promise<string> {
  const name = layout.replace(/\W+/g, '_');
  const file = join(dir, `${name}.duckdb`);
  const db = await DuckDBInstance.create(file, { threads: '1' });
  const large = await db.connect();
  const small = await db.connect();
  let cases = 'cases';
  if (layout.startsWith('attached')) {
    await large.run(`ATTACH '${join(dir, `${name}_people.duckdb`)}' AS people`);
    cases = 'people.cases';
  }
  await small.run(`CREATE OR REPLACE TABLE ${cases} (id INTEGER PRIMARY KEY, v INTEGER)`);
  if (layout === 'attached, by search path') {
    await small.run(`SET search_path = '${name}.main,people.main'`);
    cases = 'cases';
  }
  await small.run(`INSERT INTO ${cases} SELECT i, 0 FROM range(100000) t(i)`);
  await small.run('CHECKPOINT');
  let stop = false;
  const waits: number[] = [];
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const t = performance.now();
      await small.run('BEGIN');
      await small.run(`UPDATE ${cases} SET v = v + 1 WHERE id = ${i % 100000}`);
      await small.run('COMMIT');
      waits.push(performance.now() - t);
      await new Promise((go) => setTimeout(go, 20));
    }
  })();
  await new Promise((go) => setTimeout(go, 500));
  const t0 = performance.now();
  await large.run('BEGIN');
  const target = layout === 'temp' ? 'TEMP TABLE orders' : 'TABLE orders';
  await large.run(`CREATE ${target} AS SELECT i AS order_id, 'C' || (i % 300000) AS customer_id,
    TIMESTAMP '2025-01-01' + to_seconds(i) AS ordered_at, (i % 997) / 10.0 AS amount FROM range(${ROWS}) t(i)`);
  const t1 = performance.now();
  await large.run('COMMIT');
  const t2 = performance.now();
  await new Promise((go) => setTimeout(go, 500));
  stop = true;
  await writer;
  large.closeSync();
  small.closeSync();
  db.closeSync();
  waits.sort((a, b) => a - b);
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]?.toFixed(0);
  return `| ${layout} | ${(t1 - t0).toFixed(0)} ms | ${(t2 - t1).toFixed(0)} ms | ${waits.length} | ${at(0.5)} ms | ${at(0.99)} ms | ${waits.at(-1)?.toFixed(0)} ms |`;
}

try {
  log(`Small commits every 20 ms while one transaction writes ${ROWS.toLocaleString('en-US')} rows\n`);
  log('| layout | large statement | large COMMIT | small commits | p50 | p99 | max |');
  log('|---|--:|--:|--:|--:|--:|--:|');
  for (const layout of ['one file', 'temp', 'attached', 'attached, by search path'] as const) log(await run(layout));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
