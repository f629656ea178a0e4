/**
 * Run the same tests on every engine (Drizzle's tests(), Cube's allDialects()). One DuckDB workspace is
 * built in a temp folder and filled once; every other engine gets a copy of it; then the body's tests run
 * once per engine, each engine in its own `describe`:
 *
 *   forEachEngine('retention', fill, (e) => {
 *     e.it('counts customers', async () => {
 *       expect(await e.conn.all(sql`SELECT count(*) AS n FROM customers`)).toEqual([{ n: 3 }]);
 *     });
 *   });
 *
 * The workspace (`e.ws.db`, DuckDB) is the reference: `expect(await e.conn.all(q)).toEqual(await e.ws.db.all(q))`
 * checks an engine against it for SQL that both engines accept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChdbConnection } from '../src/engine/clickhouse/connection.ts';
import { copyWorkspace } from '../src/engine/clickhouse/sync.ts';
import { type Connection, type EngineName, engines } from '../src/engine/index.ts';
import { initWorkspace, type Workspace } from '../src/workspace/workspace.ts';

interface Materialized {
  conn: Connection;
  close(): Promise<void>;
}

/** How each engine gets the fixture workspace. Keyed by EngineName: a new engine without an entry does not compile. */
const materialize: Record<EngineName, (ws: Workspace, dir: string) => Promise<Materialized>> = {
  duckdb: async (ws) => ({ conn: ws.db, close: async () => undefined }),
  clickhouse: async (ws, dir) => {
    const ch = await createChdbConnection(join(dir, 'chdb'));
    try {
      await copyWorkspace(ws, ch);
    } catch (e) {
      await ch.close();
      throw e;
    }
    return { conn: ch, close: () => ch.close() };
  },
};

/** A test an engine is known to fail, by engine and exact test title, with the reason. */
export interface KnownGap {
  engine: EngineName;
  test: string;
  reason: string;
}

/** Known gaps shared by every suite. Empty: every test runs on every engine. */
export const knownGaps: readonly KnownGap[] = [];

export interface EngineUnderTest {
  readonly name: EngineName;
  /** The engine's connection to the filled data (usable inside tests and hooks, not while collecting). */
  readonly conn: Connection;
  /** The DuckDB workspace the data was filled into: the reference every engine is compared with. */
  readonly ws: Workspace;
  /** vitest's `it`, skipped for a known gap of this engine. */
  it(title: string, fn: () => Promise<void> | void, timeout?: number): void;
}

/** Engines the suite must cover: fewer means an engine was dropped from the registry or skipped whole. */
export const MIN_ENGINES = 2;

/**
 * `fill(ws)` puts fixture rows into a fresh workspace (sql tag or importFile); `body(e)` declares the tests,
 * run once per engine in `Object.keys(engines)`. `gaps` adds suite-specific known gaps to `knownGaps`.
 */
export function forEachEngine(
  title: string,
  fill: (ws: Workspace) => Promise<void>,
  body: (e: EngineUnderTest) => void,
  opts: { gaps?: readonly KnownGap[] } = {},
): void {
  const gaps = [...knownGaps, ...(opts.gaps ?? [])];
  const names = Object.keys(engines) as EngineName[];
  const open = new Map<EngineName, Materialized>();
  const ran = new Set<EngineName>();
  let dir = '';
  let ws: Workspace | undefined;

  describe(title, () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tenure-engines-'));
      ws = await initWorkspace(join(dir, 'ws'));
      await fill(ws);
      for (const name of names) open.set(name, await materialize[name](ws, dir));
    });

    afterAll(async () => {
      for (const m of open.values()) await m.close();
      open.clear();
      await ws?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const name of names) {
      describe(name, () => {
        const e: EngineUnderTest = {
          name,
          get conn() {
            const m = open.get(name);
            if (!m) throw new Error(`${name} is not open yet: use e.conn inside a test or hook`);
            return m.conn;
          },
          get ws() {
            if (!ws) throw new Error('the workspace is not filled yet: use e.ws inside a test or hook');
            return ws;
          },
          it(t, fn, timeout) {
            const gap = gaps.find((g) => g.engine === name && g.test === t);
            if (gap) it.skip(`${t} (known gap: ${gap.reason})`, fn, timeout);
            else
              it(
                t,
                async () => {
                  ran.add(name);
                  await fn();
                },
                timeout,
              );
          },
        };
        body(e);
      });
    }

    it(`ran on at least ${MIN_ENGINES} engines`, () => {
      expect(names.length).toBeGreaterThanOrEqual(MIN_ENGINES);
      expect(ran.size).toBeGreaterThanOrEqual(MIN_ENGINES);
    });
  });
}
