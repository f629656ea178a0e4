/**
 * While heavy work runs DuckDB keeps one core free, and gets every core back when the last heavy work ends, on a
 * real workspace's database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initWorkspace, sql, type Workspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreShare } from '../src/cores.ts';

let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-cores-'));
  ws = await initWorkspace(dir);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const threads = async () => Number((await ws.db.all<{ n: string }>(sql`SELECT current_setting('threads') AS n`))[0]?.n);

describe('CoreShare', () => {
  it('leaves one core while any heavy work runs, overlapping ones included, and restores them all after', async () => {
    const errors: unknown[] = [];
    const share = new CoreShare(
      (n) => ws.db.run(sql`SET threads = ${n}`),
      (e) => errors.push(e),
      4,
    );
    await ws.db.run(sql`SET threads = 4`);
    let release = () => {};
    const first = share.heavy(() => new Promise<void>((go) => (release = go)));
    await new Promise((go) => setTimeout(go, 20));
    expect(await threads()).toBe(3);
    await share.heavy(async () => expect(await threads()).toBe(3));
    // The second ended, the first still runs.
    expect(await threads()).toBe(3);
    release();
    await first;
    expect(await threads()).toBe(4);
    await expect(share.heavy(() => Promise.reject(new Error('failed work')))).rejects.toThrow('failed work');
    expect(await threads()).toBe(4);
    expect(errors).toEqual([]);
  });

  it('keeps one thread on a single core', async () => {
    const share = new CoreShare(
      (n) => ws.db.run(sql`SET threads = ${n}`),
      () => {},
      1,
    );
    await share.heavy(async () => expect(await threads()).toBe(1));
  });
});
