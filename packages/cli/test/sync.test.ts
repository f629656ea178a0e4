/**
 * `tenure sync` as a user runs it, into chdb (`--engine chdb:DIR`): the copy's version, metrics read from it, a copy
 * left mid-switch refused to metrics until a sync puts it right, and the cluster layout's DDL printed or refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseConnection, sql } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorOut, json, SLOW, tenure } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tenure-cli-sync-'));
const ws = join(tmp, 'demo');
const engine = `chdb:${join(tmp, 'chdb')}`;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  const r = await tenure(['demo', '--customers', '80', '--months', '4', '-w', ws, '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

interface Synced {
  version: number;
  cluster: string | null;
  rows: Record<string, number>;
}

describe('tenure sync', SLOW, () => {
  it('copies the workspace and says which copy ClickHouse holds; metrics read it', async () => {
    const first = json<Synced>(await tenure(['sync', '-w', ws, '--engine', engine, '--json']));
    expect(first).toMatchObject({ version: 1, cluster: null });
    expect(first.rows.customers).toBe(80);
    const zh = await tenure(['sync', '-w', ws, '--engine', engine, '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('第 2 份副本，布局为单节点');
    const m = await tenure(['metrics', 'churn_rate', '-w', ws, '--engine', engine, '--json']);
    expect(m.code, m.stderr).toBe(0);
  });

  it('refuses metrics on a copy whose switch did not finish (exit 5), until a sync completes one', async () => {
    // What a sync killed between its swaps leaves: the record's latest row says switching.
    const ch = await ClickHouseConnection.open(engine);
    try {
      await ch.run(sql`INSERT INTO tenure_copy (version, state, at, cluster, tenure_version)
        SELECT 3, 'switching', now64(6, 'UTC'), '', 'test'`);
    } finally {
      await ch.close();
    }
    const refused = await tenure(['metrics', 'churn_rate', '-w', ws, '--engine', engine, '--json']);
    expect(refused.code).toBe(5);
    expect(json<ErrorOut>(refused).error.code).toBe('TEN_ENGINE_COPY_SWITCHING');
    expect(json<Synced>(await tenure(['sync', '-w', ws, '--engine', engine, '--json'])).version).toBe(4);
    expect((await tenure(['metrics', 'churn_rate', '-w', ws, '--engine', engine, '--json'])).code).toBe(0);
  });

  it('prints the cluster layout with --print-ddl, refuses a bad cluster name, and a layout the copy was not made in', async () => {
    const ddl = await tenure(['sync', '--cluster', 'tenure', '--print-ddl', '-w', ws]);
    expect(ddl.code, ddl.stderr).toBe(0);
    expect(ddl.stdout).toContain(
      'CREATE TABLE IF NOT EXISTS "orders" ON CLUSTER "tenure" AS "orders_local" ENGINE = Distributed("tenure", currentDatabase(), "orders_local", cityHash64("customer_id"));',
    );
    const bad = await tenure(['sync', '--cluster', 'my-cluster', '--print-ddl', '-w', ws, '--json']);
    expect(bad.code).toBe(3);
    expect(json<ErrorOut>(bad).error).toMatchObject({
      code: 'TEN_BAD_OPTION',
      message: 'Invalid --cluster "my-cluster"',
    });
    const other = await tenure(['sync', '--cluster', 'tenure', '-w', ws, '--engine', engine, '--json']);
    expect(other.code).toBe(5);
    expect(json<ErrorOut>(other).error.code).toBe('TEN_ENGINE_COPY_LAYOUT');
  });
});
