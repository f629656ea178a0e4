/**
 * A sync killed with SIGKILL at any moment never shows a partial table: every table of the copy holds the copy
 * before or the copy after, whole; a reader either reads one whole copy or is refused while the record says a
 * switch is under way (TEN_ENGINE_COPY_SWITCHING); and a re-run completes with the copy after. A workspace is
 * synced into chdb in this process; then a child process syncs a changed workspace (bigger, another seed) and
 * is killed at a step it printed, held there (it waits for a line on stdin) or running on.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KilledChild, killChild } from '../../../test/fixtures/kill-child.ts';
import { entities } from '../../schema/index.ts';
import { sql } from '../../sql/sql.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../workspace/workspace.ts';
import type { Connection } from '../engine.ts';
import { createChdbConnection } from './connection.ts';
import { checkCopy, readCopy } from './copy-record.ts';
import { openClickHouse } from './open.ts';
import { copiedTables, copyWorkspace } from './sync.ts';

const CHILD = resolve(import.meta.dirname, '../../../test/fixtures/sync-child.ts');
const TABLES = [...Object.keys(entities), ...Object.keys(copiedTables)];
type Counts = Record<string, number>;

let dir: string;
let chDir: string;
let childTmp: string;
let before: Counts;
let after: Counts;

const countsOf = async (db: Connection): Promise<Counts> => {
  const out: Counts = {};
  for (const t of TABLES) {
    const [r] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(t)}`);
    out[t] = Number(r?.n);
  }
  return out;
};

/** The copy as a reader finds it: each table's rows, and the version checkCopy allows or the code it refuses with. */
async function copyState(): Promise<{ counts: Counts; reader: number | string; staging: string[] }> {
  const ch = await createChdbConnection(chDir);
  try {
    const reader = await checkCopy(ch).catch((e: { code: string }) => e.code);
    const staging = await ch.all<{ name: string }>(
      sql`SELECT name FROM system.tables WHERE database = currentDatabase() AND endsWith(name, '__staging') ORDER BY name`,
    );
    return { counts: await countsOf(ch), reader, staging: staging.map((r) => r.name) };
  } finally {
    await ch.close();
  }
}

async function fill(name: string, customers: number, seed: number): Promise<Workspace> {
  const ws = await initWorkspace(join(dir, name));
  await generateDemo(ws, { customers, months: 4, seed });
  return ws;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-sync-kill-'));
  chDir = join(dir, 'chdb');
  childTmp = join(dir, 'child-tmp');
  mkdirSync(childTmp);
  const a = await fill('a', 40, 1);
  const b = await fill('b', 70, 2);
  after = await countsOf(b.db);
  await b.close();
  const ch = await createChdbConnection(chDir);
  try {
    expect((await copyWorkspace(a, ch)).version).toBe(1);
    before = await countsOf(ch);
  } finally {
    await ch.close();
    await a.close();
  }
  // The two copies differ in most tables, so a table of the wrong copy shows.
  expect(TABLES.filter((t) => before[t] !== after[t]).length).toBeGreaterThan(TABLES.length / 2);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Sync workspace b in a child and SIGKILL it on the first progress line `when` accepts. Held, the child waits
 * after each step until told to go on, so it dies exactly there; otherwise it runs on for as long as the signal
 * takes. Resolves the run: the lines it printed, the one it was killed on.
 */
async function syncAndKill(when: (line: string, i: number) => boolean, hold: boolean): Promise<KilledChild> {
  const args = [join(dir, 'b'), chDir, ...(hold ? ['hold'] : [])];
  const run = await killChild(CHILD, args, when, { tmpDir: childTmp, timeoutMs: 30_000, hold });
  if (run.signal !== 'SIGKILL')
    throw new Error(`the child was not killed (${run.signal}): ${run.lines.join(' | ')} ${run.stderr}`);
  return run;
}

/** Every table holds the copy before or the copy after, never anything else. */
function expectWholeTables(counts: Counts) {
  for (const t of TABLES) expect([before[t], after[t]], t).toContain(counts[t]);
}

const pick = (c: Counts, tables: readonly string[]) => Object.fromEntries(tables.map((t) => [t, c[t]]));

describe('atomicity: a sync killed with SIGKILL never shows a partial copy (chdb)', () => {
  it('killed while loading the staging tables: the copy before, whole, read as it was', async () => {
    const { lines } = await syncAndKill((line) => line === 'staged orders', true);
    expect(lines.at(-1)).toBe('staged orders');
    const s = await copyState();
    expect(s.counts).toEqual(before);
    expect(s.reader).toBe(1);
  }, 40_000);

  it('killed once the record says switching, before any swap: the copy before, readers refused', async () => {
    const { lines } = await syncAndKill((line) => line.startsWith('switching'), true);
    expect(lines.filter((l) => l.startsWith('staged'))).toHaveLength(TABLES.length);
    const s = await copyState();
    expect(s.counts).toEqual(before);
    expect(s.reader).toBe('TEN_ENGINE_COPY_SWITCHING');
    await expect(openClickHouse(chDir)).rejects.toMatchObject({ code: 'TEN_ENGINE_COPY_SWITCHING', status: 409 });
  }, 40_000);

  it('killed half-way through the swaps: swapped tables whole after, the others whole before, readers refused', async () => {
    const { lines } = await syncAndKill((line) => line === 'swapped orders', true);
    const swapped = lines.filter((l) => l.startsWith('swapped ')).map((l) => l.slice('swapped '.length));
    expect(swapped).toEqual(['customers', 'subscriptions', 'orders']);
    const rest = TABLES.filter((t) => !swapped.includes(t));
    const s = await copyState();
    expect(pick(s.counts, swapped)).toEqual(pick(after, swapped));
    expect(pick(s.counts, rest)).toEqual(pick(before, rest));
    expect(s.reader).toBe('TEN_ENGINE_COPY_SWITCHING');
  }, 40_000);

  it('killed at a random step, running on: each table whole; a reader reads one whole copy or is refused', async () => {
    const steps = 2 * TABLES.length + 2;
    const at = Math.floor(Math.random() * (steps - 1));
    const run = await syncAndKill((_line, i) => i === at, false);
    const s = await copyState();
    expectWholeTables(s.counts);
    if (s.reader !== 'TEN_ENGINE_COPY_SWITCHING')
      expect(s.counts, `killed at step ${at} (${run.killedOn})`).toEqual(s.reader === 1 ? before : after);
  }, 40_000);

  it('a re-run completes: the copy after, read by readers, and no staging table left', async () => {
    const b = await openWorkspace(join(dir, 'b'));
    const ch = await createChdbConnection(chDir);
    try {
      const summary = await copyWorkspace(b, ch);
      expect(summary.version).toBeGreaterThan(1);
      expect(summary.rows).toEqual(after);
    } finally {
      await ch.close();
      await b.close();
    }
    const s = await copyState();
    expect(s.counts).toEqual(after);
    expect(s.reader).toBeGreaterThan(1);
    expect(s.staging).toEqual([]);
  }, 40_000);

  it('a read during which a sync switched the copy is refused (readCopy); the next read is not', async () => {
    const b = await openWorkspace(join(dir, 'b'));
    const ch = await createChdbConnection(chDir);
    try {
      await expect(readCopy(ch, () => copyWorkspace(b, ch))).rejects.toMatchObject({
        code: 'TEN_ENGINE_COPY_SWITCHING',
      });
      expect(await readCopy(ch, () => countsOf(ch))).toEqual(after);
    } finally {
      await ch.close();
      await b.close();
    }
  });
});
