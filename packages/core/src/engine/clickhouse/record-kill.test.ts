/**
 * An import into a workspace kept in ClickHouse (record.ts, record-load.ts) killed with SIGKILL at any moment never
 * shows part of its batch: the orders in ClickHouse are those before the import or those after it, whole, and a
 * re-run completes. The batch both updates (amounts, dates, owners) and adds orders, so part of it would show in the
 * count or in the sum. The state after is taken from a DuckDB workspace fed the same files.
 * A child process imports; the test kills it on a progress report, at a random moment (it prints `tick` every
 * 10 ms), and once right after the batch became visible in ClickHouse but before the import committed its record.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KilledChild, killChild } from '../../../test/fixtures/kill-child.ts';
import { mulberry32 } from '../../../test/fixtures/predict/synthetic.ts';
import { importFile } from '../../ingest/import.ts';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, openWorkspace } from '../../workspace/workspace.ts';
import type { Connection } from '../engine.ts';
import { openRecord } from './record.ts';

const CHILD = resolve(import.meta.dirname, '../../../test/fixtures/ingest/import-child.ts');
const CUSTOMERS = 500;
const ORDERS = 60_000;

let dir: string;
let wsDir: string;
let engine: string;
let childTmp: string;
const files = { customers: '', a: '', b: '' };
let before: State;
let after: State;

interface State {
  n: number;
  amount: string;
  owners: number;
  /** Distinct (owner, day) pairs: moved orders change it. */
  pairs: number;
}

const stateOf = async (db: Connection): Promise<State> => {
  const [r] = await db.all<{ n: number; amount: number; owners: number; pairs: number }>(
    sql`SELECT count(*) AS n, sum(amount) AS amount, count(DISTINCT customer_id) AS owners,
      count(DISTINCT (customer_id, ordered_at)) AS pairs FROM orders`,
  );
  return { n: Number(r?.n), amount: Number(r?.amount).toFixed(4), owners: Number(r?.owners), pairs: Number(r?.pairs) };
};

/** ClickHouse's orders as a reader finds them, the batches the workspace recorded and any staging table left. */
async function seen(): Promise<{ state: State; batches: number; staging: string[] }> {
  const ws = await openWorkspace(wsDir);
  const ch = await openRecord(engine);
  try {
    const [b] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM import_batches`);
    const staging = await ch.all<{ name: string }>(
      sql`SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE '%\\_\\_%' ORDER BY name`,
    );
    return { state: await stateOf(ch), batches: Number(b?.n), staging: staging.map((s) => s.name) };
  } finally {
    await ch.close();
    await ws.close();
  }
}

function writeFiles() {
  const r = mulberry32(16);
  const int = (n: number) => Math.floor(r() * n);
  const day = () => `2025-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `C${i + 1},2024-01-01,north`);
  writeFileSync(files.customers, ['customer_id,created_at,region', ...customers].join('\n'));
  const order = (i: number) => `O${i},C${1 + int(CUSTOMERS)},${day()},${(1 + int(100000)) / 100}`;
  const head = 'order_id,customer_id,ordered_at,amount';
  writeFileSync(files.a, [head, ...Array.from({ length: ORDERS }, (_, i) => order(i + 1))].join('\n'));
  // Every other order of A again, changed (owner, date, amount), and as many new ones.
  const changed = Array.from({ length: ORDERS / 2 }, (_, i) => order(2 * i + 1));
  const added = Array.from({ length: ORDERS / 2 }, (_, i) => order(ORDERS + i + 1));
  writeFileSync(files.b, [head, ...changed, ...added].join('\n'));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-record-kill-'));
  wsDir = join(dir, 'ws');
  childTmp = join(dir, 'child-tmp');
  mkdirSync(childTmp);
  Object.assign(files, { customers: join(dir, 'c.csv'), a: join(dir, 'a.csv'), b: join(dir, 'b.csv') });
  writeFiles();
  // The oracle: a DuckDB workspace fed the same files.
  const duck = await initWorkspace(join(dir, 'duck'));
  try {
    for (const [entity, f] of [
      ['customers', files.customers],
      ['orders', files.a],
    ] as const)
      await importFile(duck, entity, f);
    before = await stateOf(duck.db);
    await importFile(duck, 'orders', files.b);
    after = await stateOf(duck.db);
  } finally {
    await duck.close();
  }
  expect(after.n).toBe(before.n + ORDERS / 2);
  expect(after.amount).not.toBe(before.amount);
  const ws = await initWorkspace(wsDir, { engine: `chdb:${join(dir, 'chdb')}` });
  engine = ws.config.engine as string;
  try {
    for (const [entity, f] of [
      ['customers', files.customers],
      ['orders', files.a],
    ] as const)
      await importFile(ws, entity, f);
  } finally {
    await ws.close();
  }
  const s = await seen();
  expect(s.state).toEqual(before);
  expect(s.batches).toBe(2);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Import B in a child and SIGKILL it on the first line `when` accepts (or let it kill itself at the publish). */
async function importAndKill(when: (line: string, i: number) => boolean, ...flags: string[]): Promise<KilledChild> {
  const run = await killChild(CHILD, [wsDir, files.b, ...flags], when, { tmpDir: childTmp, timeoutMs: 30_000 });
  if (run.signal !== 'SIGKILL')
    throw new Error(`the child was not killed (${run.signal}): ${run.lines.slice(-3).join(' | ')} ${run.stderr}`);
  return run;
}

/** Ticks between the end of the check and the end of the staging (the first test): the span of the random kills. */
let loadTicks = 0;

/** The ticks printed after the check finished (`progress read 100`), up to the first line `until` accepts. */
function ticksAfterCheck(lines: string[], until: (line: string) => boolean): number {
  const from = lines.indexOf('progress read 100');
  const to = lines.findIndex(until);
  return from < 0 ? 0 : lines.slice(from, to < 0 ? undefined : to).filter((l) => l === 'tick').length;
}

describe('atomicity: an import into ClickHouse killed with SIGKILL never shows part of its batch (chdb)', () => {
  it('killed once the batch is staged in ClickHouse, before it is published: the orders before, nothing recorded', async () => {
    const run = await importAndKill((line) => line.startsWith('progress load'), 'ticks');
    loadTicks = ticksAfterCheck(run.lines, (l) => l.startsWith('progress load'));
    const s = await seen();
    // Killed with the batch staged in ClickHouse (the next import drops it), none of it visible.
    expect(s.staging).toEqual(['orders__batch', 'orders__incoming']);
    expect(s.state).toEqual(before);
    expect(s.batches).toBe(2);
  }, 40_000);

  it('killed at random moments: the orders before or after, whole, never a mix', async () => {
    // At a random tick from the end of the check to a little past the staging: the load, the rejects, the staging in
    // ClickHouse, the publish and the commit. A child that finished first has imported the batch whole: then the
    // orders after, and its batch recorded.
    for (let k = 0; k < 4; k++) {
      const { batches } = await seen();
      const at = Math.floor(Math.random() * (loadTicks + 4));
      let checked = false;
      let ticks = 0;
      const when = (line: string) => {
        if (line === 'progress read 100') checked = true;
        else if (checked && line === 'tick') ticks++;
        return ticks > at;
      };
      const run = await killChild(CHILD, [wsDir, files.b, 'ticks'], when, { tmpDir: childTmp, timeoutMs: 30_000 });
      const s = await seen();
      const steps = run.lines.filter((l) => l !== 'tick').join(', ');
      if (run.signal === 'SIGKILL') {
        expect([before, after], `killed at line ${at} (${steps})`).toContainEqual(s.state);
        // A kill that lands after the record committed (the child still ticking on its way out) finds it recorded,
        // with the orders after; any earlier one, none.
        const recorded = s.batches - batches;
        const afterAll = JSON.stringify(s.state) === JSON.stringify(after);
        expect(recorded === 0 || (recorded === 1 && afterAll), `${recorded} batches recorded (${steps})`).toBe(true);
      } else {
        expect(s.state, steps).toEqual(after);
        expect(s.batches).toBe(batches + 1);
      }
    }
  }, 60_000);

  it('killed after the batch became visible, before its record committed: the orders after, whole', async () => {
    const { batches } = await seen();
    const run = await importAndKill(() => false, 'die-at-publish');
    expect(run.lines.at(-1)).toBe('progress publish 100');
    const s = await seen();
    expect(s.state).toEqual(after);
    expect(s.batches).toBe(batches);
  }, 40_000);

  it('a re-run succeeds: the orders after, the batch recorded with nothing left to write, no staging table left', async () => {
    const { batches } = await seen();
    const ws = await openWorkspace(wsDir);
    try {
      const summary = await importFile(ws, 'orders', files.b);
      expect(summary.status).toBe('loaded');
      expect([summary.rowsNew, summary.rowsUpdated, summary.rowsUnchanged]).toEqual([0, 0, ORDERS]);
    } finally {
      await ws.close();
    }
    const s = await seen();
    expect(s.state).toEqual(after);
    expect(s.batches).toBe(batches + 1);
    expect(s.staging).toEqual([]);
  }, 40_000);
});
