/**
 * Schema migrations as a user meets them: a workspace or a ClickHouse copy from a newer Tenure is refused with
 * TEN_WORKSPACE_TOO_NEW (exit 5), by the commands that open a workspace and by those that open a copy.
 */
import { join } from 'node:path';
import { ClickHouseConnection, sql, withWorkspace } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectHumanError, expectJsonError, SLOW, tempDir, tenure } from './helpers.ts';

/** Far above any migration this Tenure knows. */
const FUTURE = 9999;

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => cleanup(dir));

async function init(name: string): Promise<string> {
  const ws = join(dir, name);
  const r = await tenure(['init', '-w', ws, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return ws;
}

async function versionsIn(copy: string): Promise<number[]> {
  const ch = await ClickHouseConnection.open(`chdb:${copy}`);
  try {
    const rows = await ch.all<{ version: number }>(sql`SELECT version FROM schema_migrations ORDER BY version`);
    return rows.map((r) => r.version);
  } finally {
    await ch.close();
  }
}

describe('a schema from a newer Tenure', SLOW, () => {
  it('a workspace is refused by the commands that open it, exit 5', async () => {
    const ws = await init('newer');
    await withWorkspace(ws, (w) =>
      w.db.run(sql`INSERT INTO schema_migrations VALUES (${FUTURE}, 'from-the-future', now()::TIMESTAMP, '9.0.0')`),
    );
    expectJsonError(await tenure(['status', '-w', ws, '--json']), 5, 'TEN_WORKSPACE_TOO_NEW');
    expectHumanError(await tenure(['status', '-w', ws]), 5, 'TEN_WORKSPACE_TOO_NEW');
  });

  it('tenure sync records the migrations in the copy; a copy from a newer Tenure is refused by sync and metrics', async () => {
    const ws = await init('synced');
    const copy = join(dir, 'copy');
    const synced = await tenure(['sync', '--engine', `chdb:${copy}`, '-w', ws, '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    const versions = await versionsIn(copy);
    expect(versions[0]).toBe(1);
    const ch = await ClickHouseConnection.open(`chdb:${copy}`);
    try {
      await ch.run(sql`INSERT INTO schema_migrations SELECT ${FUTURE}, 'from-the-future', now64(6), '9.0.0'`);
    } finally {
      await ch.close();
    }
    const metrics = ['metrics', 'churn_rate', '--from', '2024-01', '--to', '2024-02', '--engine', `chdb:${copy}`];
    expectJsonError(await tenure([...metrics, '-w', ws, '--json']), 5, 'TEN_WORKSPACE_TOO_NEW');
    expectJsonError(await tenure(['sync', '--engine', `chdb:${copy}`, '-w', ws, '--json']), 5, 'TEN_WORKSPACE_TOO_NEW');
    expect(await versionsIn(copy)).toEqual([...versions, FUTURE]);
  });
});
