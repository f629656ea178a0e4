/**
 * The cluster layout, as far as one chdb process can take it. chdb runs no distributed DDL (ON CLUSTER: "Replicated
 * DDL queries are disabled") and has no Keeper (a ReplicatedMergeTree table stays read-only), but it runs
 * Distributed tables over a cluster from a configuration file whose only replica is this process (127.0.0.1 at
 * its tcp_port: local, so no connection is made). So: the real DDL (ReplicatedMergeTree, ON CLUSTER) is a golden
 * file and every statement the sync would send parses; the same layout with MergeTree and without ON CLUSTER
 * (`_clusterLayout(name, false)`) is synced on a one-shard cluster and must hold the rows and answer metrics as
 * the one-node layout does; and the sharding keys it made put each customer's rows, in every entity, on one shard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../metrics/compute.ts';
import { print } from '../../sql/print.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { generateDemo } from '../../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { _clusterLayout, checkClusterName, clusterLayout } from './cluster.ts';
import { type ClickHouseConnection, createChdbConnection } from './connection.ts';
import { clickhouseDialect } from './dialect.ts';
import { type CopyTable, singleNode } from './layout.ts';
import { _copyWorkspace, copyDdl } from './sync.ts';

/** A one-shard cluster whose replica is this process: local because the address and tcp_port are its own. */
const CONFIG = `<clickhouse>
  <tcp_port>9000</tcp_port>
  <remote_servers><one><shard><replica><host>127.0.0.1</host><port>9000</port></replica></shard></one></remote_servers>
</clickhouse>`;

/** The tables sharded by a customer column, and that column: every other table is whole on every shard. */
const SHARDED = {
  customers: 'customer_id',
  subscriptions: 'customer_id',
  orders: 'customer_id',
  activity: 'customer_id',
  tickets: 'customer_id',
  surveys: 'respondent_id',
  churn_events: 'customer_id',
  campaign_members: 'customer_id',
  cases: 'customer_id',
  exit_mappings: 'customer_id',
};

let dir: string;
let ws: Workspace;
let ch: ClickHouseConnection;
let freshDdl: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-ch-cluster-'));
  ws = await initWorkspace(join(dir, 'ws'));
  // The golden DDL is a fresh workspace's: the canonical columns, without the demo's attribute column.
  freshDdl = await copyDdl(ws, { cluster: 'tenure' });
  await generateDemo(ws, { customers: 60, months: 4, seed: 3 });
  // chdb, as clickhouse-local, reads config.xml from the working directory when its session starts (this file
  // runs in a process of its own, and the session is this process's only one).
  writeFileSync(join(dir, 'config.xml'), CONFIG);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    ch = await createChdbConnection(join(dir, 'chdb'));
  } finally {
    process.chdir(cwd);
  }
}, 60_000);

afterAll(async () => {
  await ch?.close();
  await ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (q: Sql) => print(q, clickhouseDialect).text;

describe('the cluster layout (cluster.ts)', () => {
  it('takes a cluster name that is an identifier, and refuses another with TEN_BAD_OPTION before any SQL', () => {
    expect(checkClusterName('tenure_2')).toBe('tenure_2');
    for (const bad of ['', '2x', 'my-cluster', 'a b', 'x" ON CLUSTER y'])
      expect(() => clusterLayout(bad), bad).toThrow(expect.objectContaining({ code: 'TEN_BAD_OPTION' }));
  });

  it('its DDL is a golden file, and every statement a cluster sync sends parses', async () => {
    await expect(freshDdl.map((s) => `${s};\n`).join('\n')).toMatchFileSnapshot('golden/cluster-tenure.sql');
    const ddl = await copyDdl(ws, { cluster: 'tenure' });
    expect(ddl.join()).toContain('"contract" Nullable(String)');
    const layout = clusterLayout('tenure');
    const orders: CopyTable = { name: 'orders', columns: [], orderBy: [], customer: 'customer_id' };
    const costs: CopyTable = { name: 'costs', columns: [], orderBy: [] };
    const sent = [
      ...ddl,
      ...[orders, costs].flatMap((t) =>
        [...layout.settle(t, 'x__staging'), ...layout.swap(t, 'x__staging'), ...layout.drop(t, 'x__staging')].map(text),
      ),
    ];
    expect(sent.filter((s) => s.includes('ON CLUSTER "tenure"'))).toHaveLength(sent.length);
    for (const s of sent) expect((await ch.all(sql`SELECT formatQuery(${s}) AS f`))[0]?.f).toBeTruthy();
  });

  it('on a one-shard cluster it holds every row and answers metrics as the one-node layout does', async () => {
    // Broken down by region: the metrics join customer-keyed Distributed tables with each other.
    const query = { period: 'month' as const, from: '2025-09', to: '2025-12', by: ['region'] };
    const metrics = ['churn_rate', 'nrr', 'mrr', 'aov'];
    await ch.run(sql`CREATE DATABASE IF NOT EXISTS one_node`);
    await ch.run(sql`USE one_node`);
    const single = await _copyWorkspace(ws, ch, singleNode);
    const expected = await computeMetrics(ch, ws.config, metrics, query);
    expect(expected.filter((r) => r.value !== null).length).toBeGreaterThan(10);

    await ch.run(sql`CREATE DATABASE IF NOT EXISTS sharded`);
    await ch.run(sql`USE sharded`);
    const summary = await _copyWorkspace(ws, ch, _clusterLayout('one', false));
    expect(summary).toMatchObject({ cluster: 'one', rows: single.rows });
    for (const t of Object.keys(SHARDED)) {
      const [n] = await ch.all<{ all: number; here: number }>(
        sql`SELECT (SELECT count() FROM ${sql.id(t)}) AS all, (SELECT count() FROM ${sql.id(`${t}_local`)}) AS here`,
      );
      expect({ t, ...n }).toEqual({ t, all: single.rows[t as keyof typeof single.rows], here: n?.all });
    }
    expect(await computeMetrics(ch, ws.config, metrics, query)).toEqual(expected);
  });

  it("puts all of one customer's rows, in every entity, on one shard (the Distributed tables' own keys)", async () => {
    await ch.run(sql`USE sharded`);
    const made = await ch.all<{ name: string; engine_full: string }>(
      sql`SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND engine = 'Distributed'`,
    );
    const keys = Object.fromEntries(
      made.map((d) => [d.name, new RegExp(`'${d.name}_local', cityHash64\\((\\w+)\\)\\)$`).exec(d.engine_full)?.[1]]),
    );
    expect(keys).toEqual(SHARDED);
    // Each row's shard among four by its table's key, as Distributed picks it (key % shards, equal weights).
    const rows = sql.join(
      Object.entries(SHARDED).map(
        ([t, c]) =>
          sql`SELECT ${t} AS t, ${sql.id(c)} AS customer, cityHash64(${sql.id(c)}) % 4 AS shard FROM ${sql.id(t)}`,
      ),
      sql` UNION ALL `,
    );
    const [r] = await ch.all<{ customers: number; split: number; spread: number }>(
      sql`SELECT count() AS customers, countIf(shards > 1) AS split, countIf(tables >= 4) AS spread
        FROM (SELECT customer, uniqExact(shard) AS shards, uniqExact(t) AS tables FROM (${rows}) GROUP BY customer)`,
    );
    // Not vacuous: many customers have rows in four tables or more.
    expect(r?.spread).toBeGreaterThan(10);
    expect(r?.split).toBe(0);
  });

  it('syncs over its own cluster layout again, and refuses to sync that copy as one node (TEN_ENGINE_COPY_LAYOUT)', async () => {
    await ch.run(sql`USE sharded`);
    const again = await _copyWorkspace(ws, ch, _clusterLayout('one', false));
    expect(again.version).toBe(2);
    expect(await ch.all(sql`SELECT count() AS n FROM orders`)).toEqual([{ n: again.rows.orders }]);
    expect(
      await ch.all(
        sql`SELECT name FROM system.tables WHERE database = currentDatabase() AND position(name, 'staging') > 0`,
      ),
    ).toEqual([]);
    await expect(_copyWorkspace(ws, ch, singleNode)).rejects.toMatchObject({ code: 'TEN_ENGINE_COPY_LAYOUT' });
    await ch.run(sql`USE one_node`);
    await expect(_copyWorkspace(ws, ch, _clusterLayout('one', false))).rejects.toMatchObject({
      code: 'TEN_ENGINE_COPY_LAYOUT',
    });
  });
});
