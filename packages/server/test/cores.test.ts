/** A ready server leaves one core to people's writes: DuckDB's workers take the others. */
import { availableParallelism } from 'node:os';
import { sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverThreads } from '../src/cores.ts';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({}, 50);
}, 120_000);
afterAll(() => s?.close());

describe('DuckDB threads in a server', () => {
  it('are every core but one, and at least one', async () => {
    const [r] = await s.ws.db.all<{ n: string }>(sql`SELECT current_setting('threads') AS n`);
    expect(Number(r?.n)).toBe(Math.max(1, availableParallelism() - 1));
    expect([serverThreads(1), serverThreads(2), serverThreads(8)]).toEqual([1, 1, 7]);
  });
});
